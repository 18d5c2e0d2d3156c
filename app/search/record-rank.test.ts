import { describe, expect, it } from "vitest";
import { recordRank } from "./record-rank";

const rank = (type: Parameters<typeof recordRank>[0]["type"], extra: { is_sample?: boolean; unverified?: boolean } = {}) =>
  recordRank({ type, is_sample: extra.is_sample ?? false, unverified: extra.unverified ?? false });

describe("the order of equally good matches", () => {
  it("puts a GI product before a regional brand, a product, and trademarks and producers", () => {
    expect(rank("gi")).toBeLessThan(rank("regional_brand"));
    expect(rank("regional_brand")).toBeLessThan(rank("product"));
    expect(rank("product")).toBeLessThan(rank("trademark"));
    expect(rank("trademark")).toBe(rank("organization"));
  });

  it("puts a checked record before an unchecked one of its kind, and every real record before a sample", () => {
    expect(rank("gi")).toBeLessThan(rank("gi", { unverified: true }));
    expect(rank("gi", { unverified: true })).toBeLessThan(rank("regional_brand"));
    expect(rank("product")).toBeLessThan(rank("product", { unverified: true }));
    expect(rank("organization", { unverified: true })).toBeLessThan(rank("gi", { is_sample: true }));
  });
});
