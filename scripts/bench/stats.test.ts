import { describe, expect, it } from "vitest";
import { formatTable, isOk, makeRow, percentile, resultsSchema, rowSchema } from "./stats";

describe("bench helpers", () => {
  it("takes nearest-rank percentiles", () => {
    const xs = [5, 1, 4, 2, 3, 6, 7, 8, 9, 10];
    expect(percentile(xs, 50)).toBe(5);
    expect(percentile(xs, 95)).toBe(10);
    expect(percentile(xs, 0)).toBe(1);
    expect(percentile([42], 99)).toBe(42);
    expect(percentile([], 50)).toBeNaN();
  });

  it("computes ratio and ok for every target kind", () => {
    expect(makeRow("a", 30, "ms", 10, { kind: "ratioAtMost", max: 2 })).toMatchObject({ ratio: 3, ok: false, target: "ratio <= 2" });
    expect(makeRow("b", 20, "ms", 10, { kind: "ratioAtMost", max: 2 }).ok).toBe(true);
    expect(isOk({ kind: "plusAtMost", plus: 15 }, 24, 10)).toBe(true);
    expect(isOk({ kind: "plusAtMost", plus: 15 }, 26, 10)).toBe(false);
    expect(isOk({ kind: "ratioAtLeast", min: 0.2 }, 300, 1000)).toBe(true);
    expect(isOk({ kind: "valueAtMost", max: 2000 }, 2100, null)).toBe(false);
    const reported = makeRow("c", 7, "ms", null, { kind: "reported" });
    expect(reported).toMatchObject({ baseline: null, ratio: null, ok: true, target: "reported" });
  });

  it("validates the row shape of bench-results.json", () => {
    const rows = [makeRow("x", 1.234, "ms", 1, { kind: "ratioAtMost", max: 1.3 })];
    expect(resultsSchema.parse(JSON.parse(JSON.stringify(rows)))).toEqual(rows);
    expect(rowSchema.safeParse({ name: "x", value: "1", unit: "ms", baseline: null, ratio: null, target: "t", ok: true }).success).toBe(false);
    expect(formatTable(rows)).toContain("x");
  });
});
