import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../tests/support/db";
import { migrateToLatest } from "./migrate";
import { migrations } from "./migrations";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

it("has applied every migration, and running again is a no-op", async () => {
  const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(t.db);
  expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(migrations).sort());
  const again = await migrateToLatest(t.db);
  expect(again.results).toEqual([]);
});

it("names migrations YYYY_MM_DD_HHMMSS_verb_thing", () => {
  for (const name of Object.keys(migrations)) expect(name).toMatch(/^\d{4}_\d{2}_\d{2}_\d{6}_[a-z]+(_[a-z0-9]+)+$/);
});

it("refuses links that are not http(s) at the database level too", async () => {
  await expect(
    t.db.insertInto("organizations").values({ name_zh: "测试", website: "javascript:alert(1)" }).execute(),
  ).rejects.toThrow(/check constraint/);
});
