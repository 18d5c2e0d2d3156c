import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fairSummaryCsv, fairSummaryDays } from "../../app/events/fair-summary.server";
import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import type { Db } from "../client";
import { CHINA_TODAY } from "./china-day";
import { recordDeal } from "./deals";
import { boothForLead, boothViewsByDay, countBoothView, createBoothLead, fairSummary, type NewBoothLead } from "./event-leads";
import { createEvent } from "./events";
import { upsertExhibitor } from "./event-exhibitors";
import { inboxForOrganization, inboxThread } from "./inquiries";

// Booth leads and the fair summary against hand-made fixtures on real PostgreSQL: two producers exhibit at one fair
// (and one of them at a second fair), leads land in the right inbox tagged with their fair, views are counted per
// exhibitor per day, and the summary counts only what belongs to its fair.

let t: TestDatabase;
let db: Db;
const org = { a: 0, b: 0, c: 0 };
const product = { a: 0, b: 0 };
const fair = { main: 0, other: 0 };
const booth = { a: 0, b: 0, c: 0, aOther: 0 };

async function insertOrg(name: string, credit: "normal" | "abnormal" = "normal") {
  return (await db.insertInto("organizations").values({ name_zh: name, status: "published", credit_status: credit }).returning("id").executeTakeFirstOrThrow())
    .id;
}
async function insertProduct(organizationId: number, name: string) {
  return (
    await db.insertInto("products").values({ organization_id: organizationId, name_zh: name, status: "published" }).returning("id").executeTakeFirstOrThrow()
  ).id;
}
async function exhibitorId(eventId: number, organizationId: number) {
  return (
    await db.selectFrom("event_exhibitors").select("id").where("event_id", "=", eventId).where("organization_id", "=", organizationId).executeTakeFirstOrThrow()
  ).id;
}
const event = (name: string) =>
  createEvent(db, {
    name_zh: name,
    name_en: null,
    starts_on: "2027-05-16",
    ends_on: "2027-05-18",
    venue_zh: "会展中心",
    venue_en: null,
    organiser_zh: "主办方",
    organiser_en: null,
    status: "published",
  });

function lead(eventId: number, name: string): NewBoothLead {
  return {
    buyer_token_hash: randomBytes(32).toString("hex"),
    buyer_user_id: null,
    buyer_name: name,
    buyer_organization: null,
    buyer_email: "buyer@example.com",
    buyer_phone: null,
    message: "想了解价格",
    event_id: eventId,
  };
}
const addLead = (eventId: number, organizationId: number, name: string, p: { id: number; name_zh: string; name_en: null } | null = null) =>
  db.transaction().execute((trx) => createBoothLead(trx, lead(eventId, name), organizationId, p));

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  org.a = await insertOrg('=HYPERLINK("http://evil.example") 展商甲');
  org.b = await insertOrg("展商乙合作社");
  org.c = await insertOrg("失信展商丙", "abnormal");
  product.a = await insertProduct(org.a, "甲的青稞酒");
  product.b = await insertProduct(org.b, "乙的花椒");
  fair.main = await event("测试对接会");
  fair.other = await event("另一场对接会");
  await upsertExhibitor(db, fair.main, org.a, "A", "A01");
  await upsertExhibitor(db, fair.main, org.b, null, "B02");
  await upsertExhibitor(db, fair.main, org.c, "C", "C03");
  await upsertExhibitor(db, fair.other, org.a, "1", "101");
  booth.a = await exhibitorId(fair.main, org.a);
  booth.b = await exhibitorId(fair.main, org.b);
  booth.c = await exhibitorId(fair.main, org.c);
  booth.aOther = await exhibitorId(fair.other, org.a);
});
afterAll(async () => {
  await t?.drop();
});

describe("a lead left at a booth", () => {
  it("lands in the exhibitor's inbox only, tagged with the event, with the product named", async () => {
    const { recipientId } = await addLead(fair.main, org.a, "留资买家", { id: product.a, name_zh: "甲的青稞酒", name_en: null });
    const inboxA = await inboxForOrganization(db, org.a);
    const row = inboxA.find((r) => r.id === recipientId)!;
    expect(row).toMatchObject({ buyer_name: "留资买家", source: "booth", quantity: null, status: "new" });
    expect(row.event).toEqual({ id: fair.main, name_zh: "测试对接会", name_en: null });
    expect(row.products.map((p) => p.product_name_zh)).toEqual(["甲的青稞酒"]);
    const thread = await inboxThread(db, org.a, recipientId);
    expect(thread!.inquiry.event?.name_zh).toBe("测试对接会");
    expect(thread!.inquiry.buyer_email).toBe("buyer@example.com");
    // another producer neither lists nor opens it
    expect((await inboxForOrganization(db, org.b)).some((r) => r.id === recipientId)).toBe(false);
    expect(await inboxThread(db, org.b, recipientId)).toBeUndefined();
  });

  it("leaves out quantity and delivery, which an inquiry's line must otherwise state in full", async () => {
    // since 2026_12_08_300000_inquiry_lines the need is stated per product line: all of it, or none (a booth lead)
    // (at a fair of its own, so the fair summaries below count nothing of it)
    const { recipientId } = await addLead(await event("第三场对接会"), org.a, "不完整询价", { id: product.a, name_zh: "甲的青稞酒", name_en: null });
    const line = await db.selectFrom("inquiry_products").select(["id", "quantity"]).where("recipient_id", "=", recipientId).executeTakeFirstOrThrow();
    expect(line.quantity).toBeNull();
    await expect(db.updateTable("inquiry_products").set({ quantity: 5 }).where("id", "=", line.id).execute()).rejects.toThrow(/inquiry_products_need_stated/);
  });

  it("finds a booth only at its own event and while the exhibitor is in good standing", async () => {
    expect(await boothForLead(db, fair.main, booth.a)).toMatchObject({ organization_id: org.a, booth: "A01", event_name_zh: "测试对接会" });
    expect(await boothForLead(db, fair.other, booth.a)).toBeUndefined();
    expect(await boothForLead(db, fair.main, booth.c)).toBeUndefined();
  });
});

describe("booth views", () => {
  it("are counted per exhibitor per day, and nothing about the visitor is stored", async () => {
    for (let i = 0; i < 3; i++) await countBoothView(db, booth.b);
    const today = (await sql<{ d: string }>`select to_char(${CHINA_TODAY}, 'YYYY-MM-DD') as d`.execute(db)).rows[0]!.d;
    expect(await boothViewsByDay(db, booth.b)).toEqual([{ day: today, views: 3 }]);
    const columns = await sql<{
      column_name: string;
    }>`select column_name from information_schema.columns where table_name = 'event_booth_views' order by ordinal_position`.execute(db);
    expect(columns.rows.map((c) => c.column_name)).toEqual(["exhibitor_id", "day", "views"]);
  });
});

describe("the fair summary", () => {
  it("counts views, leads and deals per exhibitor, only for its own event", async () => {
    await db
      .insertInto("event_booth_views")
      .values([
        { exhibitor_id: booth.a, day: "2027-05-16", views: 10 },
        { exhibitor_id: booth.a, day: "2027-05-17", views: 4 },
        { exhibitor_id: booth.aOther, day: "2027-05-16", views: 99 },
      ])
      .execute();
    // A: one more lead here (two with the first test's), one at the other fair (not counted)
    const second = await addLead(fair.main, org.a, "第二位买家");
    await addLead(fair.other, org.a, "别的会的买家");
    const deal = (o: number, p: number, kind: "intent" | "signed", amount: number, eventId: number | null, recipient: number | null = null) =>
      recordDeal(db, {
        kind,
        organization_id: o,
        product_id: p,
        product_name_zh: "产品",
        inquiry_recipient_id: recipient,
        amount_cny: amount,
        deal_date: "2027-05-17",
        event_id: eventId,
        note: null,
        recorded_by: "fair_staff",
        recorded_by_user_id: null,
      });
    await deal(org.a, product.a, "intent", 1000.5, fair.main);
    await deal(org.a, product.a, "intent", 200, fair.main);
    await deal(org.a, product.a, "signed", 3000, null, second.recipientId); // on a lead's thread: counts for its fair
    await deal(org.a, product.a, "signed", 7777, fair.other); // another fair
    await deal(org.a, product.a, "signed", 5555, null); // no fair
    await deal(org.b, product.b, "signed", 800, fair.main);

    const rows = await fairSummary(db, fair.main);
    expect(rows.map((r) => r.booth)).toEqual(["A01", "C03", "B02"]);
    const a = rows.find((r) => r.exhibitor_id === booth.a)!;
    expect(a).toMatchObject({ views: 14, leads: 2, intents: 2, intent_amount_cny: 1200.5, signed: 1, signed_amount_cny: 3000 });
    expect(a.views_by_day).toEqual({ "2027-05-16": 10, "2027-05-17": 4 });
    expect(rows.find((r) => r.exhibitor_id === booth.c)!.views_by_day).toEqual({});
    expect(rows.find((r) => r.exhibitor_id === booth.b)).toMatchObject({
      views: 3,
      leads: 0,
      intents: 0,
      intent_amount_cny: 0,
      signed: 1,
      signed_amount_cny: 800,
    });
    expect(rows.find((r) => r.exhibitor_id === booth.c)).toMatchObject({ views: 0, leads: 0, intents: 0, signed: 0 });
    const other = await fairSummary(db, fair.other);
    expect(other).toHaveLength(1);
    expect(other[0]).toMatchObject({ views: 99, leads: 1, intents: 0, signed: 1, signed_amount_cny: 7777 });
  });

  it("exports as CSV with BOM, CRLF, a totals row, per-day scan columns, and formula-looking cells defused (English codes)", async () => {
    const rows = await fairSummary(db, fair.main);
    const today = (await boothViewsByDay(db, booth.b))[0]!.day;
    const days = fairSummaryDays({ starts_on: "2027-05-16", ends_on: "2027-05-18" }, rows);
    // every day of the fair (the 18th had no scan) and the earlier day booth B's page was opened
    expect(days).toEqual([today, "2027-05-16", "2027-05-17", "2027-05-18"]);
    const csv = fairSummaryCsv(rows, days, "en");
    expect(
      csv.startsWith(
        `\uFEFFexhibitor_id,hall,booth,organization_id,name_zh,name_en,booth_views,leads,intents,intent_amount_cny,signed,signed_amount_cny,views_${today},views_2027-05-16,views_2027-05-17,views_2027-05-18\r\n`,
      ),
    ).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines).toHaveLength(5);
    // the organisation named "=HYPERLINK(...)" is written as text, never as a formula
    expect(lines[1]).toBe(`${booth.a},A,A01,${org.a},"'=HYPERLINK(""http://evil.example"") 展商甲",,14,2,2,1200.5,1,3000,0,10,4,0`);
    expect(lines.some((l) => /(^|,)"?[=+\-@]/.test(l))).toBe(false);
    expect(lines[4]).toBe(",,,,合计,Total,17,2,2,1200.5,2,3800,3,10,4,0");
  });

  it("lists the days of a fair in order, and only scanned days when the dates are implausible", () => {
    const row = (byDay: Record<string, number>) => ({ views_by_day: byDay }) as unknown as Parameters<typeof fairSummaryDays>[1][number];
    expect(fairSummaryDays({ starts_on: "2027-02-27", ends_on: "2027-03-01" }, [])).toEqual(["2027-02-27", "2027-02-28", "2027-03-01"]);
    expect(fairSummaryDays({ starts_on: "2027-05-16", ends_on: "2027-05-16" }, [row({ "2027-05-20": 1 }), row({ "2027-05-01": 2 })])).toEqual([
      "2027-05-01",
      "2027-05-16",
      "2027-05-20",
    ]);
    expect(fairSummaryDays({ starts_on: "2027-01-01", ends_on: "2027-12-31" }, [row({ "2027-05-20": 1 })])).toEqual(["2027-05-20"]);
    expect(fairSummaryDays({ starts_on: "2027-05-18", ends_on: "2027-05-16" }, [])).toEqual([]);
  });
});
