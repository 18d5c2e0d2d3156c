import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../schema";

type Executor = Kysely<Database> | Transaction<Database>;

// What an account's owner is told at the next sign-in (there is no e-mail or SMS yet).

/** Adds a notice, or counts one more on the open notice of the same kind (one open notice per account and kind). */
export async function addAccountNotice(db: Executor, userId: number, kind: "signup_attempt") {
  await sql`
    insert into account_notices (user_id, kind) values (${userId}, ${kind})
    on conflict (user_id, kind) where seen_at is null
    do update set times = account_notices.times + 1, last_at = now()`.execute(db);
}

export async function openAccountNotices(db: Executor, userId: number) {
  return db
    .selectFrom("account_notices")
    .select(["id", "kind", "times", "first_at", "last_at"])
    .where("user_id", "=", userId)
    .where("seen_at", "is", null)
    .orderBy("first_at")
    .execute();
}

export async function hasOpenAccountNotices(db: Executor, userId: number) {
  return !!(await db.selectFrom("account_notices").select("id").where("user_id", "=", userId).where("seen_at", "is", null).executeTakeFirst());
}

export async function markAccountNoticesSeen(db: Executor, userId: number) {
  await db
    .updateTable("account_notices")
    .set({ seen_at: sql`now()` })
    .where("user_id", "=", userId)
    .where("seen_at", "is", null)
    .execute();
}
