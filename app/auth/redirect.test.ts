import { expect, it } from "vitest";
import { safeRedirect } from "./redirect";

it.each([
  ["/producer", "/producer"],
  ["/search?q=1#x", "/search?q=1#x"],
  ["//evil.example", "/"],
  ["/\\evil.example", "/"],
  ["%2F%2Fevil.example", "/"],
  ["/%2F%2Fevil.example", "/"],
  ["%2F%5Cevil.example", "/"],
  ["/%5Cevil.example", "/"],
  ["https://evil.example/", "/"],
  ["javascript:alert(1)", "/"],
  ["/\t/evil.example", "/"],
  ["", "/"],
  // dot segments that normalise into a protocol-relative URL
  ["/.//evil.example", "/"],
  ["/%2e//evil.example", "/"],
  ["/%2E%2E//evil.example", "/"],
  ["/a/..//evil.example", "/"],
  ["/a/%2e%2e//evil.example", "/"],
  ["/./\\evil.example", "/"],
  ["/a/../producer", "/producer"],
])("safeRedirect(%j) → %j", (input, expected) => {
  expect(safeRedirect(input)).toBe(expected);
});
