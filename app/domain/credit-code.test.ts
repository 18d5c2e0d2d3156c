import { describe, expect, it } from "vitest";
import { creditCodeCheckCharacter, creditCodeProblem, withCheckCharacter } from "./credit-code";

describe("统一社会信用代码 (GB 32100-2015)", () => {
  it("accepts published codes", () => {
    // codes printed in public company registrations
    expect(creditCodeProblem("91350100M000100Y43")).toBeUndefined();
    expect(creditCodeProblem("911100001000080343")).toBeUndefined();
  });
  it("computes the check character", () => {
    expect(creditCodeCheckCharacter("91350100M000100Y4")).toBe("3");
  });
  it("rejects a wrong check character, saying so", () => {
    expect(creditCodeProblem("91350100M000100Y44")).toBe("checkCharacter");
  });
  it("rejects wrong length and forbidden characters", () => {
    expect(creditCodeProblem("9135010")).toBe("length");
    expect(creditCodeProblem("91350100M000100I43")).toBe("characters");
    expect(creditCodeProblem("9135O100M000100Y43")).toBe("characters");
  });
  it("builds valid codes for sample data", () => {
    expect(creditCodeProblem(withCheckCharacter("93630223MA7IIIII0"))).toBe("characters");
    expect(creditCodeProblem(withCheckCharacter("93630223MA7L8Q2K0"))).toBeUndefined();
  });
});
