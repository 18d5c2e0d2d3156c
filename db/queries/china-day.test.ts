import { sql, type Transaction } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { todayInChina } from "../../app/platform/china-time";
import { documentBuilders } from "../../app/search/documents.server";
import type { Database } from "../schema";
import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import { CHINA_TODAY, chinaDay } from "./china-day";
import { producerDashboard } from "./producer-organization";

// Day boundaries are China's, whatever the PostgreSQL session's TimeZone: 2026-03-01T17:30Z is 01:30 on 2 March in
// China, but still 1 March on a server set to UTC.

let t: TestDatabase;
let org: number;
let product: number;
const AT = new Date("2026-03-01T17:30:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  org = (await t.db.insertInto("organizations").values({ name_zh: "时区测试合作社", status: "published" }).returning("id").executeTakeFirstOrThrow()).id;
  product = (
    await t.db
      .insertInto("products")
      .values({ organization_id: org, name_zh: "时区测试青稞", category: "杂粮", status: "published" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  await t.db
    .insertInto("product_certifications")
    .values([
      // expired by China's 2 March, still valid on UTC's 1 March
      { product_id: product, kind: "organic", certificate_no: "OR-1", expires_on: "2026-03-01" },
      { product_id: product, kind: "green_food", certificate_no: "LB-1", expires_on: "2026-03-02" },
    ])
    .execute();
  const [ended, last] = await t.db.selectFrom("gi_products").select(["id", "name_zh"]).where("status", "=", "published").orderBy("id").limit(2).execute();
  await t.db
    .insertInto("gi_authorised_users")
    .values([
      {
        gi_product_id: ended!.id,
        organization_id: org,
        basis: "announcement",
        basis_reference: "公告 1 号",
        valid_from: "2025-01-01",
        valid_to: "2026-03-01",
        verification: "verified",
      },
      {
        gi_product_id: last!.id,
        organization_id: org,
        basis: "announcement",
        basis_reference: "公告 2 号",
        valid_from: "2025-01-01",
        valid_to: "2026-03-02",
        verification: "verified",
      },
    ])
    .execute();
});
afterAll(async () => {
  await t?.drop();
});

/** Runs `fn` in a transaction whose session TimeZone is `zone` (local to it: the pool's other connections keep theirs). */
function inZone<T>(zone: string, fn: (trx: Transaction<Database>) => Promise<T>) {
  return t.db.transaction().execute(async (trx) => {
    await sql`select set_config('TimeZone', ${zone}, true)`.execute(trx);
    return fn(trx);
  });
}

describe("China's day", () => {
  it("is the day of a timestamp in China, with the session in UTC or in New York", async () => {
    for (const zone of ["UTC", "America/New_York"]) {
      const row = await inZone(zone, async (trx) => {
        const at = sql`cast('2026-03-01T17:30:00Z' as timestamptz)`;
        return (await sql<{ china: string; session: string }>`select ${chinaDay(at)}::text as china, ${at}::date::text as session`.execute(trx)).rows[0]!;
      });
      // the plain cast is the session's day: what this test guards against
      expect({ zone, ...row }).toEqual({ zone, china: "2026-03-02", session: "2026-03-01" });
    }
  });

  it("is today in China for the badge and reminder queries, whatever the session's zone", async () => {
    // at any moment, UTC−12 or UTC+14 is on another calendar day than China: one of them shows current_date's slip
    const days = [];
    for (const zone of ["Etc/GMT+12", "Etc/GMT-14"]) {
      days.push(
        await inZone(
          zone,
          async (trx) =>
            (await sql<{ china: string; session: string }>`select ${CHINA_TODAY}::text as china, current_date::text as session`.execute(trx)).rows[0]!,
        ),
      );
    }
    const today = todayInChina();
    expect(days.map((d) => d.china)).toEqual([today, today]);
    expect(days.some((d) => d.session !== today)).toBe(true);
  });

  it("decides the producer dashboard's reminders: at 2026-03-01T17:30Z, with the session in UTC, it is 2 March", async () => {
    const dashboard = await inZone("UTC", (trx) => producerDashboard(trx, org, AT));
    expect(dashboard.expiringCertificates.map((c) => [c.kind, c.expired])).toEqual([
      ["organic", true],
      ["green_food", false],
    ]);
    // an authorisation that ended on 1 March is no longer among the GIs the producer may use; it is listed as expired
    expect(dashboard.gis).toHaveLength(1);
    expect(dashboard.endingAuthorisations.map((a) => [a.valid_to, a.expired])).toEqual([
      ["2026-03-01", true],
      ["2026-03-02", false],
    ]);
  });

  it("decides which certificates a product's search document lists (the badges search shows)", async () => {
    // the builder reads the clock, not the database: only Date is faked, the database stays real
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(AT);
    try {
      const [doc] = await documentBuilders.product(t.db, [product]);
      expect(doc?.certifications).toEqual(["green_food"]);
    } finally {
      vi.useRealTimers();
    }
  });
});
