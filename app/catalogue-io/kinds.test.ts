import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import { KINDS_IN_LOAD_ORDER } from "./kinds";
import { fixture, importBytes, linesOf } from "./test-helpers";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

describe("example files", () => {
  it.each(KINDS_IN_LOAD_ORDER)("%s", async (kind) => {
    const report = await importBytes(t.db, kind, fixture(`${kind}.csv`));
    console.log(kind, linesOf(report));
    expect(report.invalidRows).toEqual([]);
  });
  it.each(KINDS_IN_LOAD_ORDER)("again %s", async (kind) => {
    const report = await importBytes(t.db, kind, fixture(`${kind}.csv`));
    console.log(kind, linesOf(report));
    expect(report.counts?.inserted).toBe(0);
    expect(report.counts?.updated).toBe(0);
  });
});
