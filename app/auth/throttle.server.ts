import { clearFailures, recentFailures, recordSignInAttempt } from "../../db/queries/sessions";
import { db } from "../services.server";
import { SIGN_IN, windowWait } from "../platform/throttle.server";

// Sign-in throttling, kept in PostgreSQL so every app server sees the same counts. The limits and why they are what
// they are: SIGN_IN in app/platform/throttle.server.ts.

export function accountKey(account: string) {
  return account.trim().toLowerCase().slice(0, 200);
}

const window = (max: number) => ({ windowSeconds: SIGN_IN.windowSeconds, max });

/** Seconds to wait, or 0 when this attempt may proceed. */
export async function signInRetryAfter(account: string, clientKey: string): Promise<number> {
  const f = await recentFailures(db(), accountKey(account), clientKey, SIGN_IN.windowSeconds);
  const [pair, client, forAccount] = [Number(f.pair), Number(f.client), Number(f.account)];
  const pairWait = windowWait(window(SIGN_IN.pair), pair, f.oldest_pair);
  if (pairWait > 0) return pairWait;
  // an address that has not failed for this account is not held to the account-wide limit: that is the owner's way in
  if (pair > 0) {
    const accountWait = windowWait(window(SIGN_IN.account), forAccount, f.oldest_account);
    if (accountWait > 0) return accountWait;
  }
  return windowWait(window(SIGN_IN.client), client, f.oldest_client);
}

export async function noteSignIn(account: string, clientKey: string, succeeded: boolean) {
  const key = accountKey(account);
  await recordSignInAttempt(db(), key, clientKey, succeeded);
  if (succeeded) await clearFailures(db(), key, clientKey);
}
