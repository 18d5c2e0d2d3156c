// The "unverified" (待核实) rule for every kind of public record: facts taken from public sources below high
// confidence stay unverified until staff check them (db/queries/verify.ts records the check). SQL that needs the same
// answer uses db/queries/verification.ts, which must agree with this function. Safe for the browser bundle.

export interface VerificationFacts {
  confidence: string;
  last_verified_at: Date | string | null;
}

export function isUnverified(r: VerificationFacts): boolean {
  return r.confidence !== "high" && !r.last_verified_at;
}
