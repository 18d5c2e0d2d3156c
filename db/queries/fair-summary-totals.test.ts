import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { fairLeadsCsv } from "../../app/events/fair-leads-export.server";
import { fairSummaryByCounty, fairSummaryCsv, fairSummaryTotals } from "../../app/events/fair-summary.server";
import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import type { Db } from "../client";
import type { DealKind } from "../schema";
import { recordDeal } from "./deals";
import { leadsOfEvent } from "./event-lead-list";
import { createBoothLead, fairSummary, fairSummaryByCategory } from "./event-leads";
import { createEvent } from "./events";
import { upsertExhibitor } from "./event-exhibitors";

// The fair summary's totals by county and by product category, checked against the deals as recorded: every deal is
// written down here with whether the report should count it, and the expected sums are worked out from that list, not
// from the report's own queries. Also the organiser's export of every lead with its status.

let t: TestDatabase;
let db: Db;
const county = { huzhu: 0, ledu: 0 };
const org = { a: 0, b: 0, c: 0, d: 0, stranger: 0 };
const product = { a1: 0, a2: 0, b1: 0, b2: 0, c1: 0, d1: 0, z1: 0 };
const fair = { main: 0, other: 0 };
/** Every deal recorded, and whether it belongs to the main fair's report. */
const recorded: { kind: DealKind; amount: number; category: string | null; counted: boolean }[] = [];

const insert = {
  county: async (name_zh: string, name_en: string) =>
    (await db.insertInto("places").values({ kind: "county", name_zh, name_en }).returning("id").executeTakeFirstOrThrow()).id,
  org: async (name_zh: string, county_id: number | null) =>
    (await db.insertInto("organizations").values({ name_zh, county_id, status: "published" }).returning("id").executeTakeFirstOrThrow()).id,
  product: async (organization_id: number, name_zh: string, category: string | null) =>
    (await db.insertInto("products").values({ organization_id, name_zh, category, status: "published" }).returning("id").executeTakeFirstOrThrow()).id,
};
const event = (name_zh: string) =>
  createEvent(db, {
    name_zh,
    name_en: null,
    starts_on: "2027-05-16",
    ends_on: "2027-05-18",
    venue_zh: "会展中心",
    venue_en: null,
    organiser_zh: "主办方",
    organiser_en: null,
    status: "published",
  });
const lead = (eventId: number, organizationId: number, buyer: string, held: "device" | null = null) =>
  db.transaction().execute((trx) =>
    createBoothLead(
      trx,
      {
        buyer_token_hash: randomBytes(32).toString("hex"),
        buyer_user_id: null,
        buyer_name: buyer,
        buyer_organization: "兰州示例超市",
        buyer_email: `${randomBytes(4).toString("hex")}@buyer.example.com`,
        buyer_phone: "13900001111",
        buyer_wechat: "buyer_wx88",
        message: "=想订 200 箱",
        event_id: eventId,
      },
      organizationId,
      null,
      held,
    ),
  );
async function deal(
  o: number,
  p: number,
  category: string | null,
  kind: DealKind,
  amount: number,
  where: { event?: number; recipient?: number },
  counted: boolean,
) {
  await recordDeal(db, {
    kind,
    organization_id: o,
    product_id: p,
    product_name_zh: "产品",
    inquiry_recipient_id: where.recipient ?? null,
    amount_cny: amount,
    deal_date: "2027-05-17",
    event_id: where.event ?? null,
    note: null,
    recorded_by: "fair_staff",
    recorded_by_user_id: null,
  });
  recorded.push({ kind, amount, category, counted });
}
const round2 = (n: number) => Math.round(n * 100) / 100;
const expected = (keep: (d: (typeof recorded)[number]) => boolean) => {
  const of = (kind: DealKind) => recorded.filter((d) => d.counted && d.kind === kind && keep(d));
  return {
    intents: of("intent").length,
    intent_amount_cny: round2(of("intent").reduce((a, d) => a + d.amount, 0)),
    signed: of("signed").length,
    signed_amount_cny: round2(of("signed").reduce((a, d) => a + d.amount, 0)),
  };
};

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  county.huzhu = await insert.county("报告测试甲县", "Test County A");
  county.ledu = await insert.county("报告测试乙区", "Test District B");
  org.a = await insert.org("甲县酒业", county.huzhu);
  org.b = await insert.org("乙区粮油", county.ledu);
  org.c = await insert.org("甲县合作社", county.huzhu);
  org.d = await insert.org("未登记县区的公司", null);
  org.stranger = await insert.org("没有参展的公司", county.ledu);
  product.a1 = await insert.product(org.a, "青稞酒", "酒类");
  product.a2 = await insert.product(org.a, "青稞粉", " 粮油 ");
  product.b1 = await insert.product(org.b, "菜籽油", "粮油");
  product.b2 = await insert.product(org.b, "已下架的花椒", "调味品");
  product.c1 = await insert.product(org.c, "牦牛肉", null);
  product.d1 = await insert.product(org.d, "枸杞", "");
  product.z1 = await insert.product(org.stranger, "别家的油", "粮油");
  fair.main = await event("报告测试对接会");
  fair.other = await event("另一场对接会");
  for (const [o, booth] of [
    [org.a, "A01"],
    [org.b, "B01"],
    [org.c, "C01"],
    [org.d, "D01"],
  ] as const)
    await upsertExhibitor(db, fair.main, o, "1", booth);
  await upsertExhibitor(db, fair.other, org.a, "1", "A01");

  const aLead = await lead(fair.main, org.a, "甲的买家");
  await lead(fair.main, org.a, "被暂扣的买家", "device");
  await lead(fair.main, org.b, "乙的买家");
  await lead(fair.other, org.a, "别的会的买家");

  await deal(org.a, product.a1, "酒类", "intent", 250000, { event: fair.main }, true);
  await deal(org.a, product.a2, "粮油", "signed", 1200.5, { event: fair.main }, true);
  await deal(org.a, product.a1, "酒类", "signed", 3000, { recipient: aLead.recipientId }, true); // on a lead's thread
  await deal(org.a, product.a1, "酒类", "signed", 7777, { event: fair.other }, false);
  await deal(org.a, product.a1, "酒类", "signed", 5555, {}, false);
  await deal(org.b, product.b1, "粮油", "intent", 800, { event: fair.main }, true);
  await deal(org.b, product.b1, "粮油", "signed", 1000, { event: fair.main }, true);
  await deal(org.b, product.b2, null, "signed", 400, { event: fair.main }, true); // its product is deleted below
  await deal(org.c, product.c1, null, "signed", 99.99, { event: fair.main }, true);
  await deal(org.d, product.d1, null, "intent", 10, { event: fair.main }, true);
  await deal(org.stranger, product.z1, "粮油", "signed", 123456, { event: fair.main }, false); // not an exhibitor
  await db.deleteFrom("products").where("id", "=", product.b2).execute();
});
afterAll(async () => {
  await t?.drop();
});

describe("the fair summary's totals", () => {
  it("count exactly the deals recorded for the fair, and nothing else", async () => {
    const totals = fairSummaryTotals(await fairSummary(db, fair.main));
    expect(totals).toMatchObject({ exhibitors: 4, leads: 3, ...expected(() => true) });
    expect(totals).toMatchObject({ intents: 3, intent_amount_cny: 250810, signed: 5, signed_amount_cny: 5700.49 });
  });

  it("by product category: each deal under its product's category, the rest as not stated, adding up to the totals", async () => {
    const byCategory = await fairSummaryByCategory(db, fair.main);
    expect(byCategory.map((c) => c.category)).toEqual(["酒类", "粮油", null]);
    for (const row of byCategory) expect(row, String(row.category)).toEqual({ category: row.category, ...expected((d) => d.category === row.category) });
    const totals = fairSummaryTotals(await fairSummary(db, fair.main));
    for (const k of ["intents", "intent_amount_cny", "signed", "signed_amount_cny"] as const) {
      expect(round2(byCategory.reduce((a, c) => a + c[k], 0)), k).toBe(totals[k]);
    }
  });

  it("by county: each exhibitor in its organisation's county, those without one last, adding up to the totals", async () => {
    const rows = await fairSummary(db, fair.main);
    const byCounty = fairSummaryByCounty(rows);
    expect(byCounty.map((c) => [c.county_zh, c.county_en, c.exhibitors, c.leads])).toEqual([
      ["报告测试甲县", "Test County A", 2, 2],
      ["报告测试乙区", "Test District B", 1, 1],
      [null, null, 1, 0],
    ]);
    expect(byCounty[0]).toMatchObject({ intents: 1, intent_amount_cny: 250000, signed: 3, signed_amount_cny: 4300.49 });
    expect(byCounty[1]).toMatchObject({ intents: 1, intent_amount_cny: 800, signed: 2, signed_amount_cny: 1400 });
    expect(byCounty[2]).toMatchObject({ intents: 1, intent_amount_cny: 10, signed: 0, signed_amount_cny: 0 });
    const totals = fairSummaryTotals(rows);
    for (const k of ["exhibitors", "views", "leads", "intents", "intent_amount_cny", "signed", "signed_amount_cny"] as const) {
      expect(round2(byCounty.reduce((a, c) => a + c[k], 0)), k).toBe(totals[k]);
    }
  });
});

describe("the fair summary as CSV", () => {
  it("has Chinese headers by default and the English codes scripts read with ?lang=en", async () => {
    const rows = await fairSummary(db, fair.main);
    const [zhHeader] = parse(fairSummaryCsv(rows, ["2027-05-16"]).slice(1)) as string[][];
    expect(zhHeader).toEqual([
      "参展编号",
      "展馆",
      "展位号",
      "经营主体编号",
      "经营主体(中文)",
      "经营主体(英文)",
      "扫码次数",
      "留资",
      "意向(笔)",
      "意向金额(元)",
      "签约(笔)",
      "签约金额(元)",
      "扫码次数 2027-05-16",
    ]);
    const en = parse(fairSummaryCsv(rows, ["2027-05-16"], "en").slice(1)) as string[][];
    expect(en[0]).toEqual([
      "exhibitor_id",
      "hall",
      "booth",
      "organization_id",
      "name_zh",
      "name_en",
      "booth_views",
      "leads",
      "intents",
      "intent_amount_cny",
      "signed",
      "signed_amount_cny",
      "views_2027-05-16",
    ]);
    expect(en.at(-1)!.slice(4)).toEqual(["合计", "Total", "0", "3", "3", "250810", "5", "5700.49", "0"]);
  });
});

describe("the organiser's export of every lead", () => {
  it("lists each lead of the fair once with its status, held ones as 待确认, the same count as the summary", async () => {
    const leads = await leadsOfEvent(db, fair.main);
    expect(leads.map((l) => [l.buyer_name, l.booth, l.status])).toEqual([
      ["甲的买家", "A01", "deal"], // a deal was recorded on its thread (decision 043: the thread moves to 已成交)
      ["被暂扣的买家", "A01", "held"],
      ["乙的买家", "B01", "new"],
    ]);
    expect(leads).toHaveLength(fairSummaryTotals(await fairSummary(db, fair.main)).leads);

    const zh = parse(fairLeadsCsv(leads).slice(1)) as string[][];
    expect(zh[0]).toEqual([
      "留资时间(北京时间)",
      "展馆",
      "展位号",
      "参展单位(中文)",
      "参展单位(英文)",
      "来源",
      "采购方姓名",
      "采购方单位",
      "电话",
      "电子邮箱",
      "微信号",
      "感兴趣的产品",
      "留言",
      "状态",
      "待确认原因",
    ]);
    const held = zh.find((r) => r[6] === "被暂扣的买家")!;
    expect(held.slice(1, 6)).toEqual(["1", "A01", "甲县酒业", "", "展位扫码"]);
    expect(held.slice(8, 15)).toEqual(["13900001111", leads[1]!.buyer_email, "buyer_wx88", "", "'=想订 200 箱", "待确认", "同一设备留资较多"]);
    expect(held[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(zh.find((r) => r[6] === "甲的买家")!.slice(13)).toEqual(["已成交", ""]);

    const en = parse(fairLeadsCsv(leads, "en").slice(1)) as string[][];
    expect(en[0]!.slice(0, 3)).toEqual(["received_at", "hall", "booth"]);
    expect(en.find((r) => r[6] === "被暂扣的买家")!.slice(13)).toEqual(["held", "device"]);
  });
});
