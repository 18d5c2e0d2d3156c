// 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from a 31-character alphabet without
// I, O, Z, S and V; the last is a check character computed from the first 17 with fixed weights, modulo 31.

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem = "length" | "characters" | "checkCharacter";

export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** Returns what is wrong with a code, or undefined when it is valid. Lower case is accepted and normalised by callers. */
export function creditCodeProblem(raw: string): CreditCodeProblem | undefined {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) return "length";
  if (![...code].every((c) => ALPHABET.includes(c)) || !/^\d{6}$/.test(code.slice(2, 8))) return "characters";
  if (creditCodeCheckCharacter(code.slice(0, 17)) !== code[17]) return "checkCharacter";
  return undefined;
}

export function normaliseCreditCode(raw: string): string {
  return raw.trim().toUpperCase();
}

/** Builds a valid code from a 17-character body (sample data and tests). */
export function withCheckCharacter(first17: string): string {
  return first17 + creditCodeCheckCharacter(first17);
}
