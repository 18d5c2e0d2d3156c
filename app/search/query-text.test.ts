import { describe, expect, it } from "vitest";
import { withoutRegionWords } from "./query-text";

describe("the province and city words of a query", () => {
  it("are dropped when a buyer types the package's full name", () => {
    expect(withoutRegionWords("青海互助青稞酒")).toBe("互助青稞酒");
    expect(withoutRegionWords("青海省 互助青稞酒")).toBe("互助青稞酒");
    expect(withoutRegionWords("海东市乐都紫皮大蒜")).toBe("乐都紫皮大蒜");
    expect(withoutRegionWords("qinghai highland barley")).toBe("highland barley");
  });

  it("stay when nothing else is asked, or when they are part of another word", () => {
    expect(withoutRegionWords("青海")).toBe("青海");
    expect(withoutRegionWords(" haidong ")).toBe("haidong");
    expect(withoutRegionWords("海东市")).toBe("海东市");
    expect(withoutRegionWords("青海湖")).toBe("青海湖");
    expect(withoutRegionWords("青海湖裸鲤")).toBe("青海湖裸鲤");
  });
});
