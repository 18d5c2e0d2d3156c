import { describe, expect, it } from "vitest";
import { allRankedRecords, recordRank, SAMPLE_RANK_OFFSET, type RankedRecord } from "./record-rank";

const rank = (type: RankedRecord["type"], extra: Partial<RankedRecord> = {}) => recordRank({ type, is_sample: false, unverified: false, ...extra });

describe("recordRank", () => {
  it("puts verified GI products and regional brands first, then products, then trademarks and organisations", () => {
    expect(rank("gi")).toBe(rank("regional_brand"));
    expect(rank("gi")).toBeLessThan(rank("product"));
    expect(rank("product")).toBeLessThan(rank("trademark"));
    expect(rank("trademark")).toBe(rank("organization"));
  });

  it("puts a record still 待核实 after every verified real record", () => {
    for (const type of ["gi", "regional_brand", "product", "trademark", "organization"] as const) {
      expect(rank(type, { unverified: true })).toBeGreaterThan(rank("organization"));
    }
  });

  it("puts every sample record after every real one", () => {
    const real = allRankedRecords().filter((r) => !r.is_sample);
    const samples = allRankedRecords().filter((r) => r.is_sample);
    const worstReal = Math.max(...real.map(recordRank));
    expect(Math.min(...samples.map(recordRank))).toBeGreaterThan(worstReal);
    expect(Math.min(...samples.map(recordRank))).toBe(SAMPLE_RANK_OFFSET);
    // and among samples the same order holds
    expect(rank("gi", { is_sample: true })).toBeLessThan(rank("trademark", { is_sample: true }));
  });

  it("covers every combination with a small integer (stored as smallint)", () => {
    expect(allRankedRecords()).toHaveLength(20);
    for (const r of allRankedRecords()) expect(Number.isInteger(recordRank(r)) && recordRank(r) >= 0 && recordRank(r) < 100).toBe(true);
  });
});
