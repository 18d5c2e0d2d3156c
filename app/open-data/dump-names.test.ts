import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import { buildDump, dumpFileName } from "./dumps.server";

// /open-data names its files and stamps its JSON with China's day and time, like /stats (issue 21): at 17:30 UTC on
// 5 December it is already 01:30 on 6 December in Haidong. Only Date is faked; the database stays real.

const AT = new Date("2026-12-05T17:30:00Z");
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("open-data dumps around midnight in China", () => {
  it("names the file after China's day, not UTC's", () => {
    expect(dumpFileName("trademarks", "csv", AT)).toBe("haidong-trademarks-2026-12-06.csv");
    expect(dumpFileName("gi", "json", new Date("2026-12-05T15:59:59Z"))).toBe("haidong-gi-2026-12-05.json");
  });

  it("writes the JSON's generation time in China's time, dated 6 December", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(AT);
    const dump = await buildDump(t.db, "gi", "json");
    expect(dump.generatedAt.toISOString()).toBe(AT.toISOString());
    const body = JSON.parse(dump.body) as { generated_at: string; count: number };
    expect(body.generated_at).toBe("2026-12-06T01:30:00+08:00");
    expect(Date.parse(body.generated_at)).toBe(AT.getTime());
    expect(body.count).toBeGreaterThan(0);
  });
});
