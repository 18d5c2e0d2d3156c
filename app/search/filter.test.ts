import { describe, expect, it } from "vitest";
import { buildFilter, quoteFilterValue, UnknownFilterAttributeError } from "./filter";
import { highlightToHtml, MARK_END, MARK_START } from "./highlight";

describe("quoteFilterValue", () => {
  it("escapes quotes and backslashes", () => {
    expect(quoteFilterValue('a"b')).toBe('"a\\"b"');
    expect(quoteFilterValue("a\\")).toBe('"a\\\\"');
    expect(quoteFilterValue(33)).toBe('"33"');
    expect(quoteFilterValue(true)).toBe('"true"');
  });
});

describe("buildFilter", () => {
  it("ORs within an attribute and ANDs across attributes", () => {
    expect(buildFilter({ type: ["gi", "product"], county: ["乐都区"] })).toEqual([['type = "gi"', 'type = "product"'], ['county = "乐都区"']]);
  });
  it("drops empty selections and repeated values", () => {
    expect(buildFilter({ type: [] })).toEqual([]);
    expect(buildFilter({ nice_classes: [33, 33] })).toEqual([['nice_classes = "33"']]);
  });
  it("refuses attributes that are not on the allowlist, even when the types are bypassed", () => {
    expect(() => buildFilter({ is_sample: [true] } as never)).toThrow(UnknownFilterAttributeError);
    expect(() => buildFilter({ 'type = "gi" OR county': ["x"] } as never)).toThrow(/not a filterable attribute/);
  });
});

describe("highlightToHtml", () => {
  it("escapes stored markup before adding marks", () => {
    expect(highlightToHtml(`<img src=x onerror=alert(1)>${MARK_START}青稞${MARK_END}`)).toBe("&#60;img src=x onerror=alert(1)&#62;<mark>青稞</mark>");
  });
});
