import { consumeResetToken, deleteUserSessions } from "../../db/queries/sessions";
import { setPassword } from "../../db/queries/users";
import { db } from "../services.server";

/**
 * Spends a one-time reset link on a new password (already hashed); false when the link is used up or expired. The
 * token is consumed in the same transaction as the change, so of two uses racing past the route's check one wins, and
 * every existing session ends: whoever knew the old password is signed out.
 */
export async function resetPassword(tokenHash: string, passwordHash: string): Promise<boolean> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const token = await consumeResetToken(trx, tokenHash);
      if (!token) return false;
      await setPassword(trx, token.user_id, passwordHash);
      await deleteUserSessions(trx, token.user_id);
      return true;
    });
}
