import { randomBytes } from "node:crypto";
import { accountByEmail } from "../../db/queries/notifications";
import { insertResetToken } from "../../db/queries/sessions";
import { notifyPasswordReset } from "../notifications/notify.server";
import { note, retryAfter } from "../platform/throttle.server";
import { db } from "../services.server";
import { hashToken } from "./session.server";

// /forgot-password (issue 18 item 6): a reset link by e-mail to the account's own address. The answer is the same
// whether or not an account has that address (nothing to learn by asking), and the link is the one staff issue
// (password_reset_tokens, /reset-password/<token>): stored hashed, single use, here valid for an hour. Throttled per
// client address (scope `forgot`, refused with 429) and per account (`forgot_account`: past it, silently nothing sent).

export const EMAILED_RESET_MINUTES = 60;

/** Seconds the client must wait before asking again, or 0 once the request was handled (mail queued or not). */
export async function requestPasswordReset(email: string, clientAddress: string, origin: string): Promise<number> {
  const wait = await retryAfter("forgot", clientAddress);
  if (wait > 0) return wait;
  await note("forgot", clientAddress);
  const account = await accountByEmail(db(), email);
  if (!account?.email) return 0;
  if ((await retryAfter("forgot_account", String(account.id))) > 0) return 0;
  await note("forgot_account", String(account.id));
  const token = randomBytes(32).toString("base64url");
  const tokenHash = hashToken(token);
  await db()
    .transaction()
    .execute(async (trx) => {
      await insertResetToken(trx, {
        token_hash: tokenHash,
        user_id: account.id,
        created_by: null,
        expires_at: new Date(Date.now() + EMAILED_RESET_MINUTES * 60_000),
      });
      await notifyPasswordReset(trx, { id: account.id, email: account.email!, locale: account.locale }, { value: token, hash: tokenHash }, { origin });
    });
  return 0;
}
