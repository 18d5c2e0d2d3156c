import { describe, expect, it } from "vitest";
import { hashPassword, needsRehash, PARAMS, verifyPassword } from "./password.server";

describe("password hashing", () => {
  it("hashes new passwords with scrypt at OWASP's minimum (N=2^17, r=8, p=1), stored with the hash", async () => {
    const hash = await hashPassword("plateau barley 2026");
    expect(hash).toMatch(/^scrypt\$17\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword("plateau barley 2026", hash)).toBe(true);
    expect(await verifyPassword("plateau barley 2027", hash)).toBe(false);
    expect(needsRehash(hash)).toBe(false);
  });

  it("still verifies a password hashed with the old parameters, and says it should be re-hashed", async () => {
    const old = await hashPassword("yak butter 2026!", { ...PARAMS, logN: 15 });
    expect(old).toMatch(/^scrypt\$15\$8\$1\$/);
    expect(await verifyPassword("yak butter 2026!", old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
  });

  it("refuses a stored hash whose parameters would make a sign-in allocate gigabytes", async () => {
    expect(await verifyPassword("anything", "scrypt$24$8$1$c2FsdA==$a2V5")).toBe(false);
  });

  it("runs a burst of hashes a few at a time without running out of memory", async () => {
    const hashes = await Promise.all(Array.from({ length: 4 }, (_, i) => hashPassword(`burst password ${i}`)));
    expect(new Set(hashes).size).toBe(4);
  });
});
