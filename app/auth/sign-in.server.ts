import type { Role } from "../../db/schema";
import { LANDING } from "./landing";
import { findUserByAccount, setPassword } from "../../db/queries/users";
import { db } from "../services.server";
import { dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from "./password.server";
import { startSession } from "./session.server";
import { noteSignIn, signInRetryAfter } from "./throttle.server";
import { hasOpenNotices } from "./notices.server";

export type SignInResult =
  { kind: "ok"; cookie: string; landing: string; userId: number; role: Role; notices: boolean } | { kind: "wrong" } | { kind: "throttled"; retryAfter: number };

/**
 * Checks the password (always spending the same scrypt time, so timing reveals nothing about which accounts exist),
 * enforces the throttle, and starts a fresh session.
 */
export async function signIn(input: { account: string; password: string }, client: { clientAddress: string; userAgent: string | null }): Promise<SignInResult> {
  const retryAfter = await signInRetryAfter(input.account, client.clientAddress);
  if (retryAfter > 0) return { kind: "throttled", retryAfter };
  const user = await findUserByAccount(db(), input.account);
  const valid = await verifyPassword(input.password, user?.password_hash ?? (await dummyPasswordHash()));
  const ok = !!user && valid && !user.disabled_at;
  await noteSignIn(input.account, client.clientAddress, ok);
  if (!ok) return { kind: "wrong" };
  // the only moment the plain password is at hand: a hash made with weaker parameters is replaced by today's
  if (needsRehash(user.password_hash)) await setPassword(db(), user.id, await hashPassword(input.password));
  const cookie = await startSession(user.id, { userAgent: client.userAgent, clientAddress: client.clientAddress });
  return { kind: "ok", cookie, landing: LANDING[user.role], userId: user.id, role: user.role, notices: await hasOpenNotices(user.id) };
}
