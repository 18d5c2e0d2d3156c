import { COMMON_PASSWORDS } from "./common-passwords";

// Kept apart from password.server.ts (node:crypto) so the browser bundle can check length and commonness too.
export const MIN_PASSWORD_LENGTH = 10;

export type PasswordProblem = "tooShort" | "tooCommon" | "tooLong";

export function passwordProblem(password: string, account?: string): PasswordProblem | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH) return "tooShort";
  if (password.length > 200) return "tooLong";
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower) || /^(.)\1+$/.test(password) || /^\d+$/.test(password)) return "tooCommon";
  const local = account?.toLowerCase().split("@")[0];
  if (local && local.length >= 4 && lower.includes(local)) return "tooCommon";
  return undefined;
}
