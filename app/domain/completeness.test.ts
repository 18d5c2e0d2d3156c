import { describe, expect, it } from "vitest";
import { productCompleteness } from "./completeness";

const complete = {
  imageCount: 1,
  name_en: "Highland barley",
  availability_months: [9, 10],
  min_order_qty: "100",
  description_zh: "高原青稞",
  certifications: [{ kind: "green_food", expires_on: "2027-06-30" }],
};

describe("productCompleteness", () => {
  it("is 100% with nothing missing for a full product", () => {
    expect(productCompleteness(complete)).toEqual({ percent: 100, missing: [] });
  });

  it.each([
    ["image", { imageCount: 0 }],
    ["nameEn", { name_en: null }],
    ["availability", { availability_months: [] }],
    ["minOrder", { min_order_qty: null }],
    ["description", { description_zh: "" }],
    ["certificateExpiry", { certifications: [{ kind: "organic", expires_on: null }] }],
  ])("names %s when it is missing", (item, change) => {
    const result = productCompleteness({ ...complete, ...change });
    expect(result.missing).toEqual([item]);
    expect(result.percent).toBe(83);
  });

  it("reads a revision's form data (certificate `expires`, minimum order as a number)", () => {
    const revision = {
      imageCount: 2,
      name_en: "Barley",
      availability_months: [1],
      min_order_qty: 5,
      description_zh: "介绍",
      certifications: [{ kind: "organic", expires: "2028-01-01" }],
    };
    expect(productCompleteness(revision).missing).toEqual([]);
    expect(productCompleteness({ ...revision, certifications: [{ expires: "" }] }).missing).toEqual(["certificateExpiry"]);
  });

  it("counts an empty product as 0%", () => {
    expect(productCompleteness({ imageCount: 0, certifications: [{ expires_on: null }] })).toEqual({
      percent: 0,
      missing: ["image", "nameEn", "availability", "minOrder", "description", "certificateExpiry"],
    });
  });
});
