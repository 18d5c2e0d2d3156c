import { clearFailures, recentFailures, recordSignInAttempt } from "../../db/queries/sessions";
import { db } from "../services.server";

// Sign-in throttling, kept in PostgreSQL so every app server sees the same counts:
// - one account from one client: 5 failures per 15 minutes (guessing one password);
// - one client across accounts: 20 failures per 15 minutes (credential stuffing);
// - one account from everywhere: past 50 failures, clients that already failed for it are refused, while a client
//   with no failures for it (the real user) still gets through.
const WINDOW_SECONDS = 15 * 60;
const LIMITS = { pair: 5, client: 20, account: 50 };

export function accountKey(account: string) {
  return account.trim().toLowerCase().slice(0, 200);
}

/** Seconds to wait, or 0 when this attempt may proceed. */
export async function signInRetryAfter(account: string, clientKey: string): Promise<number> {
  const f = await recentFailures(db(), accountKey(account), clientKey, WINDOW_SECONDS);
  const waitFrom = (oldest: Date | null) => (oldest ? Math.max(1, Math.ceil((new Date(oldest).getTime() + WINDOW_SECONDS * 1000 - Date.now()) / 1000)) : 1);
  if (Number(f.pair) >= LIMITS.pair) return waitFrom(f.oldest_pair);
  if (Number(f.client) >= LIMITS.client) return waitFrom(f.oldest_client);
  if (Number(f.account) >= LIMITS.account && Number(f.pair) > 0) return waitFrom(f.oldest_account);
  return 0;
}

export async function noteSignIn(account: string, clientKey: string, succeeded: boolean) {
  const key = accountKey(account);
  await recordSignInAttempt(db(), key, clientKey, succeeded);
  if (succeeded) await clearFailures(db(), key, clientKey);
}
