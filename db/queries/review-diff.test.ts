import { describe, expect, it } from "vitest";
import { diff, valueChanged } from "./review-item";

describe("a reviewer's diff", () => {
  it("does not mark 供应月份 changed when only the order of the months differs", () => {
    expect(valueChanged([5, 6, 7], [7, 5, 6])).toBe(false);
    expect(valueChanged(["青海", "甘肃"], ["甘肃", "青海"])).toBe(false);
  });

  it("marks a list changed when a value is added, removed or repeated differently", () => {
    expect(valueChanged([5, 6], [5, 6, 7])).toBe(true);
    expect(valueChanged([5, 6], [5])).toBe(true);
    expect(valueChanged([5, 5, 6], [5, 6, 6])).toBe(true);
    expect(valueChanged(null, [5])).toBe(true);
  });

  it("keeps the order of pictures (the first is the cover) and compares other values as they are", () => {
    expect(valueChanged([{ key: "a" }, { key: "b" }], [{ key: "b" }, { key: "a" }])).toBe(true);
    expect(valueChanged("互助青稞酒", "互助青稞酒")).toBe(false);
    expect(valueChanged(3, "3")).toBe(true);
  });

  it("lists every field of the revision with its before and after", () => {
    const rows = diff({ supply_months: [6, 5], name_zh: "甲" }, { supply_months: [5, 6], name_zh: "乙" });
    expect(rows).toEqual([
      { field: "supply_months", before: [6, 5], after: [5, 6], changed: false },
      { field: "name_zh", before: "甲", after: "乙", changed: true },
    ]);
  });
});
