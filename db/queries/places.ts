import type { Kysely, Transaction } from "kysely";
import type { Database } from "../schema";

type Executor = Kysely<Database> | Transaction<Database>;

/** The largest id places' `serial` (int4) column holds; bigger ids name no place (and would fail the cast in SQL). */
const MAX_SERIAL_ID = 2_147_483_647;

export async function listCounties(db: Executor) {
  return db.selectFrom("places").select(["id", "name_zh", "short_zh", "name_en", "pinyin"]).where("kind", "=", "county").orderBy("id").execute();
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

/** English names of townships by Chinese name (the search facet's values are Chinese names). */
export async function townshipEnglishNames(db: Executor, names: readonly string[]) {
  if (names.length === 0) return {};
  const rows = await db
    .selectFrom("places")
    .select(["name_zh", "name_en"])
    .where("kind", "=", "township")
    .where("name_zh", "in", [...names])
    .execute();
  return Object.fromEntries(rows.filter((r) => r.name_en).map((r) => [r.name_zh, r.name_en as string]));
}

/** Whether `id` names a county (or district) one may choose for an organisation; ids past `serial` name nothing. */
export async function countyExists(db: Executor, id: number) {
  if (!Number.isSafeInteger(id) || id < 1 || id > MAX_SERIAL_ID) return false;
  return !!(await db.selectFrom("places").select("id").where("id", "=", id).where("kind", "=", "county").executeTakeFirst());
}
