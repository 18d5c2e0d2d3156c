import { describe, expect, it } from "vitest";
import { editDistance } from "./edit-distance";

describe("how far a typed word is from a catalogue word", () => {
  it("counts a swapped pair of letters as one edit (yka → yak)", () => {
    expect(editDistance("yka", "yak")).toBe(1);
    expect(editDistance("xunhau", "xunhua")).toBe(1);
  });

  it("counts insertions, deletions and substitutions", () => {
    expect(editDistance("garlik", "garlic")).toBe(1);
    expect(editDistance("walnutt", "walnut")).toBe(1);
    expect(editDistance("potatoe", "potato")).toBe(1);
    expect(editDistance("qingkjiu", "qingkejiu")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
  });

  it("compares Chinese characters as characters", () => {
    expect(editDistance("乐都大蒜", "乐都紫皮大蒜")).toBe(2);
  });

  it("gives up past the bound with a number above it", () => {
    expect(editDistance("coffee", "yak", 2)).toBeGreaterThan(2);
  });
});
