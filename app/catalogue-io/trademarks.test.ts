import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import { csv, fixture, importBytes, linesOf } from "./test-helpers";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

describe("import trademarks", () => {
  it("loads the example file", async () => {
    const report = await importBytes(t.db, "trademarks", fixture("trademarks.csv"));
    console.log(linesOf(report));
    expect(report.counts).toEqual({ inserted: 6, updated: 0, unchanged: 0 });
  });
});
