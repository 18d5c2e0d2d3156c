import { describe, expect, it } from "vitest";
import { trademarkValidity } from "./trademark-validity";

describe("trademarkValidity", () => {
  const reg = "2016-03-14";
  it("is valid for ten years, ending the day before the anniversary", () => {
    expect(trademarkValidity(reg, "registered", "2020-01-01")).toMatchObject({ state: "valid", expiresOn: "2026-03-13" });
  });
  it("opens the renewal window 12 months before expiry", () => {
    expect(trademarkValidity(reg, "registered", "2025-03-13").state).toBe("valid");
    expect(trademarkValidity(reg, "registered", "2025-03-14").state).toBe("renewal_window");
    expect(trademarkValidity(reg, "registered", "2026-03-13").state).toBe("renewal_window");
  });
  it("gives a six-month grace period, then expires", () => {
    expect(trademarkValidity(reg, "registered", "2026-03-14").state).toBe("grace_period");
    expect(trademarkValidity(reg, "registered", "2026-09-13").state).toBe("grace_period");
    expect(trademarkValidity(reg, "registered", "2026-09-14").state).toBe("expired");
  });
  it("handles month ends and unregistered marks", () => {
    expect(trademarkValidity("2016-02-29", "registered", "2020-01-01")).toMatchObject({ expiresOn: "2026-02-27" });
    expect(trademarkValidity(null, "registered", "2020-01-01").state).toBe("not_registered");
    expect(trademarkValidity(reg, "applied", "2020-01-01").state).toBe("not_registered");
    expect(trademarkValidity(reg, "expired", "2020-01-01").state).toBe("expired");
  });
});
