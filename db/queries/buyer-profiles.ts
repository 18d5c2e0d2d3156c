import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../schema";

type Executor = Kysely<Database> | Transaction<Database>;

export interface BuyerProfileInput {
  name: string;
  province: string | null;
  city: string | null;
  categories: string[];
  phone: string | null;
  email: string | null;
  wechat: string | null;
}

export async function buyerProfile(db: Executor, userId: number) {
  return db
    .selectFrom("buyer_profiles")
    .select(["name", "province", "city", "categories", "phone", "email", "wechat", "updated_at"])
    .where("user_id", "=", userId)
    .executeTakeFirst();
}

/** Creates or replaces the profile as a whole (the form always posts every field). */
export async function saveBuyerProfile(db: Executor, userId: number, profile: BuyerProfileInput) {
  await db
    .insertInto("buyer_profiles")
    .values({ user_id: userId, ...profile })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ ...profile, updated_at: sql`now()` }))
    .execute();
}
