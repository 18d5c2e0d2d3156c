import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../schema";
import { writeAudit } from "./audit";
import { insertResetToken } from "./sessions";

type Executor = Kysely<Database> | Transaction<Database>;

export async function accountById(db: Executor, id: number) {
  return db
    .selectFrom("users")
    .select(["id", "email", "phone", "display_name", "role", "organization_id", "disabled_at"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/**
 * Issues a one-time reset link's token (hash stored, 24 h) and retires the account's earlier unused links, so only
 * the newest link handed over works.
 */
export async function issueResetToken(trx: Transaction<Database>, actorId: number, userId: number, tokenHash: string) {
  await trx
    .updateTable("password_reset_tokens")
    .set({ used_at: sql`now()` })
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .execute();
  await insertResetToken(trx, { token_hash: tokenHash, user_id: userId, created_by: actorId, expires_at: new Date(Date.now() + 24 * 3600 * 1000) });
  await writeAudit(trx, { actorId, action: "reset_link", entityType: "user", entityId: userId });
}
