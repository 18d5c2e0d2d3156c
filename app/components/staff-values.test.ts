import { describe, expect, it } from "vitest";
import { translator } from "../i18n/i18n";
import { formatValue } from "./staff";

const zh = translator("zh-CN");
const en = translator("en");

describe("the operation log reads in the reader's language", () => {
  it("names a misuse report's status and a product's status as their screens do", () => {
    expect(formatValue(zh, "status", "investigating", "misuse_report")).toBe("调查中");
    expect(formatValue(en, "status", "investigating", "misuse_report")).toBe("Investigating");
    expect(formatValue(zh, "status", "submitted", "product")).toBe("待审核");
  });

  it("shows several fields logged as one change by label and value, never as JSON", () => {
    expect(formatValue(zh, null, { status: "submitted" }, "product")).toBe("状态: 待审核");
    expect(formatValue(en, null, { status: "published", org_type: "cooperative" }, "organization")).not.toMatch(/[{}"]/);
  });

  it("keeps an unknown code as it is rather than inventing a label", () => {
    expect(formatValue(zh, "status", "no_such_status", "product")).toBe("no_such_status");
  });
});
