import { sql, type Kysely } from "kysely";
import type { Database } from "../schema";

export async function insertSession(
  db: Kysely<Database>,
  values: { token_hash: string; user_id: number; expires_at: Date; user_agent: string | null; client_address: string | null },
) {
  await db.insertInto("sessions").values(values).execute();
}

/** The signed-in user behind a session token hash, unless the session expired or the account is disabled. */
export async function userForSession(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom("sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .select(["u.id", "u.email", "u.phone", "u.display_name", "u.role", "u.organization_id", "s.last_seen_at"])
    .where("s.token_hash", "=", tokenHash)
    .where("s.expires_at", ">", sql<Date>`now()`)
    .where("u.disabled_at", "is", null)
    .executeTakeFirst();
}

export async function touchSession(db: Kysely<Database>, tokenHash: string, expiresAt: Date) {
  await db
    .updateTable("sessions")
    .set({ last_seen_at: sql`now()`, expires_at: expiresAt })
    .where("token_hash", "=", tokenHash)
    .execute();
}

export async function deleteSession(db: Kysely<Database>, tokenHash: string) {
  await db.deleteFrom("sessions").where("token_hash", "=", tokenHash).execute();
}

/** Ends every session of the user (a new password: whoever knew the old one is signed out). */
export async function deleteUserSessions(db: Kysely<Database>, userId: number) {
  await db.deleteFrom("sessions").where("user_id", "=", userId).execute();
}

export async function purgeExpiredSessions(db: Kysely<Database>) {
  await db
    .deleteFrom("sessions")
    .where("expires_at", "<", sql<Date>`now()`)
    .execute();
}

export async function insertResetToken(db: Kysely<Database>, values: { token_hash: string; user_id: number; created_by: number | null; expires_at: Date }) {
  await db.insertInto("password_reset_tokens").values(values).execute();
}

/** Marks a reset token used and returns its user, atomically: a token works exactly once. */
export async function consumeResetToken(db: Kysely<Database>, tokenHash: string) {
  return db
    .updateTable("password_reset_tokens")
    .set({ used_at: sql`now()` })
    .where("token_hash", "=", tokenHash)
    .where("used_at", "is", null)
    .where("expires_at", ">", sql<Date>`now()`)
    .returning("user_id")
    .executeTakeFirst();
}

export async function resetTokenValid(db: Kysely<Database>, tokenHash: string) {
  return !!(await db
    .selectFrom("password_reset_tokens")
    .select("user_id")
    .where("token_hash", "=", tokenHash)
    .where("used_at", "is", null)
    .where("expires_at", ">", sql<Date>`now()`)
    .executeTakeFirst());
}

export async function recordSignInAttempt(db: Kysely<Database>, accountKey: string, clientKey: string, succeeded: boolean) {
  await db.insertInto("sign_in_attempts").values({ account_key: accountKey, client_key: clientKey, succeeded }).execute();
}

/** Failed attempts in the window, by this account from this client and by this client overall, with the oldest time. */
export async function recentFailures(db: Kysely<Database>, accountKey: string, clientKey: string, windowSeconds: number) {
  const row = await sql<{ pair: number; client: number; account: number; oldest_pair: Date | null; oldest_client: Date | null; oldest_account: Date | null }>`
    select
      count(*) filter (where account_key = ${accountKey} and client_key = ${clientKey}) as pair,
      count(*) filter (where client_key = ${clientKey}) as client,
      count(*) filter (where account_key = ${accountKey}) as account,
      min(created_at) filter (where account_key = ${accountKey} and client_key = ${clientKey}) as oldest_pair,
      min(created_at) filter (where client_key = ${clientKey}) as oldest_client,
      min(created_at) filter (where account_key = ${accountKey}) as oldest_account
    from sign_in_attempts
    where not succeeded and created_at > now() - make_interval(secs => ${windowSeconds})
      and (account_key = ${accountKey} or client_key = ${clientKey})`.execute(db);
  return row.rows[0]!;
}

/** A successful sign-in forgives this client's earlier failures for the account. */
export async function clearFailures(db: Kysely<Database>, accountKey: string, clientKey: string) {
  await db.deleteFrom("sign_in_attempts").where("account_key", "=", accountKey).where("client_key", "=", clientKey).where("succeeded", "=", false).execute();
}
