import { expect, it } from "vitest";
import { COMPARE_MAX, compareIds, limitComparison } from "./compare";

it.each([
  ["ids=3&ids=1", [3, 1]],
  ["ids=3,1,3", [3, 1]],
  ["ids=3，4 5", [3, 4, 5]],
  ["ids=abc&ids=-1&ids=0&ids=1e3&ids=2.5&ids=99999999999999999999", []],
  ["ids=&ids=7", [7]],
  ["q=1", []],
])("compareIds(%j) → %j", (query, expected) => {
  expect(compareIds(new URLSearchParams(query))).toEqual(expected);
});

it("compares the first four and refuses the rest", () => {
  expect(COMPARE_MAX).toBe(4);
  expect(limitComparison([5, 4, 3, 2, 1])).toEqual({ compared: [5, 4, 3, 2], refused: [1] });
  expect(limitComparison([1, 2])).toEqual({ compared: [1, 2], refused: [] });
});
