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

it("indexes every foreign key that points at a catalogue, buyer or event record", async () => {
  // PostgreSQL indexes only the referenced side; an unindexed referencing column turns lookups and deletes into scans
  const unindexed = await sql<{ fk: string }>`
    select c.conrelid::regclass::text || '(' || a.attname || ')' as fk
    from pg_constraint c
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    where c.contype = 'f' and cardinality(c.conkey) = 1
      and c.confrelid::regclass::text in ('products', 'organizations', 'trademarks', 'gi_products', 'regional_brands', 'events', 'inquiries', 'inquiry_recipients')
      and not exists (select 1 from pg_index i where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1])
    order by 1`.execute(t.db);
  expect(unindexed.rows.map((r) => r.fk)).toEqual([]);
});

it("refuses links that are not http(s) at the database level too", async () => {
  await expect(t.db.insertInto("organizations").values({ name_zh: "测试", website: "javascript:alert(1)" }).execute()).rejects.toThrow(/check constraint/);
});

it("ties a deal's event to a real event, and keeps the deal (without its event) when the event goes", async () => {
  const org = await t.db.insertInto("organizations").values({ name_zh: "成交测试单位" }).returning("id").executeTakeFirstOrThrow();
  const event = await t.db
    .insertInto("events")
    .values({ name_zh: "将被删除的对接会", starts_on: "2027-05-16", ends_on: "2027-05-17", venue_zh: "会展中心", organiser_zh: "主办方" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const deal = (eventId: number) => ({
    kind: "signed" as const,
    organization_id: org.id,
    product_name_zh: "产品",
    amount_cny: 100,
    deal_date: "2027-05-16",
    event_id: eventId,
    recorded_by: "fair_staff" as const,
  });
  await expect(
    t.db
      .insertInto("deals")
      .values(deal(event.id + 1_000_000))
      .execute(),
  ).rejects.toThrow(/foreign key/);
  const kept = await t.db.insertInto("deals").values(deal(event.id)).returning("id").executeTakeFirstOrThrow();
  await t.db.deleteFrom("events").where("id", "=", event.id).execute();
  const row = await t.db.selectFrom("deals").select(["event_id", "amount_cny"]).where("id", "=", kept.id).executeTakeFirstOrThrow();
  expect(row.event_id).toBeNull();
  expect(Number(row.amount_cny)).toBe(100);
});
