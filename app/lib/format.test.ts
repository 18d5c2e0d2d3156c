import { describe, expect, it } from "vitest";
import { formatCny } from "./format";

describe("amounts of money", () => {
  it("read as renminbi with grouped thousands and two decimals, in the reader's language", () => {
    expect(formatCny("zh-CN", 250000)).toBe("¥250,000.00");
    expect(formatCny("zh-CN", "1200.5")).toBe("¥1,200.50");
    expect(formatCny("en", 250000)).toBe("CN¥250,000.00");
    expect(formatCny("en", "0")).toBe("CN¥0.00");
    expect(formatCny("zh-CN", "not a number")).toBe("—");
  });
});
