import { accountHolder, createUser } from "../../db/queries/users";
import { saveBuyerProfile } from "../../db/queries/buyer-profiles";
import { recordConsent } from "../../db/queries/personal-data";
import { PRIVACY_TEXT_VERSION } from "../privacy/consent";
import { db } from "../services.server";
import { note, retryAfter } from "../platform/throttle.server";
import { hashPassword } from "./password.server";
import { noteSignupAttempt } from "./notices.server";

export type SignUpResult = { kind: "received" } | { kind: "throttled"; retryAfter: number };

/**
 * Self-registration, without telling the requester whether the account already exists (that would let anyone test
 * which phone numbers and addresses are registered): a new account is created, an existing one is left unchanged and
 * its owner gets a notice at the next sign-in. Both answer the same, after the same scrypt work, and neither signs
 * the requester in: the new buyer or producer signs in with what they just chose. Throttled per address (scope `signup`).
 */
export async function signUp(
  input: { kind: "buyer" | "producer"; account: string; password: string; displayName?: string | null },
  clientAddress: string,
): Promise<SignUpResult> {
  const wait = await retryAfter("signup", clientAddress);
  if (wait > 0) return { kind: "throttled", retryAfter: wait };
  await note("signup", clientAddress);
  const email = input.account.includes("@") ? input.account : null;
  const phone = email ? null : input.account;
  // hashed whether or not the account exists, so the answer takes as long either way
  const passwordHash = await hashPassword(input.password);
  const existing = await accountHolder(db(), email, phone);
  if (existing !== undefined) {
    await noteSignupAttempt(existing);
    return { kind: "received" };
  }
  try {
    // Self-registration creates a buyer or a producer only: staff roles are granted by an administrator. A buyer starts
    // with a profile holding their name (and the address they signed up with), in the same transaction.
    await db()
      .transaction()
      .execute(async (trx) => {
        const user = await createUser(trx, { email, phone, password_hash: passwordHash, display_name: input.displayName || null, role: input.kind });
        await recordConsent(trx, { purpose: "account", textVersion: PRIVACY_TEXT_VERSION, userId: user.id });
        if (input.kind === "buyer") {
          await saveBuyerProfile(trx, user.id, { name: input.displayName || "", province: null, city: null, categories: [], phone, email, wechat: null });
        }
      });
  } catch (error) {
    // two sign-ups for the same new account at once: the second finds it taken, and answers the same
    if ((error as { code?: string }).code !== "23505") throw error;
  }
  return { kind: "received" };
}
