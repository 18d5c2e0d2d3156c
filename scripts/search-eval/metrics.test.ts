import { describe, expect, it } from "vitest";
import { judge, ndcgAt, summarise, type Judgement } from "./metrics";

const j = (first: string[], relevant: string[] = [], not: string[] = []): Judgement => ({ first, relevant, not, unfindable: false });

describe("search:eval's figures", () => {
  it("counts success at 1 only when the first hit is one of the records that must come first", () => {
    expect(judge(["gi:互助青稞酒", "trademark:互助"], 2, j(["gi:互助青稞酒"])).successAt1).toBe(true);
    expect(judge(["trademark:互助", "gi:互助青稞酒"], 2, j(["gi:互助青稞酒"])).successAt1).toBe(false);
    expect(judge(["trademark:互助", "gi:互助青稞酒"], 2, j(["gi:互助青稞酒"])).successAt3).toBe(true);
    expect(judge(["a", "b", "c", "gi:互助青稞酒"], 4, j(["gi:互助青稞酒"])).successAt3).toBe(false);
  });

  it("scores a perfect order 1 and penalises a relevant record pushed down", () => {
    const judgement = j(["gi:a"], ["product:b", "product:c"]);
    expect(ndcgAt(10, ["gi:a", "product:b", "product:c"], judgement)).toBeCloseTo(1);
    const worse = ndcgAt(10, ["product:b", "product:c", "gi:a"], judgement);
    expect(worse).toBeLessThan(0.9);
    expect(worse).toBeGreaterThan(0);
    expect(ndcgAt(10, ["x", "y"], judgement)).toBe(0);
  });

  it("treats any hit for an unfindable query as a false hit, and no hit as success", () => {
    const none: Judgement = { first: [], relevant: [], not: [], unfindable: true };
    expect(judge([], 0, none)).toMatchObject({ successAt1: true, falseHit: false, ndcgAt10: 1 });
    expect(judge(["product:x"], 1, none)).toMatchObject({ successAt1: false, falseHit: true, falseHits: ["product:x"] });
  });

  it("reports a record the judged set rules out as a false hit even when the first hit is right", () => {
    const out = judge(["gi:循化线辣椒", "gi:循化花椒"], 2, j(["gi:循化线辣椒"], [], ["gi:循化花椒"]));
    expect(out.successAt1).toBe(true);
    expect(out.falseHits).toEqual(["gi:循化花椒"]);
  });

  it("rates zero results over findable queries and false hits over unfindable ones", () => {
    const found = { outcome: judge(["gi:a"], 1, j(["gi:a"])), unfindable: false };
    const missed = { outcome: judge([], 0, j(["gi:a"])), unfindable: false };
    const quiet = { outcome: judge([], 0, { first: [], relevant: [], not: [], unfindable: true }), unfindable: true };
    const s = summarise([found, missed, quiet]);
    expect(s).toMatchObject({ queries: 3, zeroResultRate: 0.5, falseHitRate: 0, falseHits: 0 });
    expect(s.successAt1).toBeCloseTo(2 / 3);
  });
});
