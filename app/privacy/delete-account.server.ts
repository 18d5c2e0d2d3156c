import { writeAudit } from "../../db/queries/audit";
import { eraseAccount } from "../../db/queries/personal-data";
import { passwordHashOf } from "../../db/queries/users";
import type { SessionUser } from "../auth/session.server";
import { verifyPassword } from "../auth/password.server";
import { note, retryAfter } from "../platform/throttle.server";
import { db } from "../services.server";

/** Who may delete their own account: buyers and producers. Staff accounts are disabled by an administrator. */
export function mayDeleteOwnAccount(user: SessionUser): boolean {
  return user.role === "buyer" || user.role === "producer";
}

export type DeleteResult = { kind: "deleted" } | { kind: "wrong_password" } | { kind: "throttled"; retryAfter: number };

/**
 * Deletes the signed-in account after the password is given again: erases its personal data (eraseAccount) and
 * notes the deletion in the audit log, in one transaction. Throttled per account (scope `account_delete`).
 */
export async function deleteOwnAccount(user: SessionUser, password: string): Promise<DeleteResult> {
  const subject = String(user.id);
  const wait = await retryAfter("account_delete", subject);
  if (wait > 0) return { kind: "throttled", retryAfter: wait };
  const hash = await passwordHashOf(db(), user.id);
  if (!hash || !(await verifyPassword(password, hash))) {
    await note("account_delete", subject);
    return { kind: "wrong_password" };
  }
  await db()
    .transaction()
    .execute(async (trx) => {
      await eraseAccount(trx, user.id);
      await writeAudit(trx, { actorId: user.id, action: "account_deleted", entityType: "user", entityId: user.id });
    });
  return { kind: "deleted" };
}
