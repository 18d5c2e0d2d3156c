import type { Kysely, Transaction } from "kysely";
import type { Database } from "../schema";

type Executor = Kysely<Database> | Transaction<Database>;

export async function listCounties(db: Executor) {
  return db
    .selectFrom("places")
    .select(["id", "name_zh", "short_zh", "name_en", "pinyin"])
    .where("kind", "=", "county")
    .orderBy("id")
    .execute();
}

/** Resolves a district/county by full or short name (乐都区 / 乐都); the industrial park is not a county. */
export async function findCountyByName(db: Executor, name: string) {
  const trimmed = name.trim();
  return db
    .selectFrom("places")
    .select(["id", "name_zh", "name_en"])
    .where("kind", "=", "county")
    .where((eb) => eb.or([eb("name_zh", "=", trimmed), eb("short_zh", "=", trimmed)]))
    .executeTakeFirst();
}
