import { createHash } from "node:crypto";
import { sql } from "kysely";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Role } from "../../db/schema";
import { createAccount } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { chinaDate, httpClient, type Fields } from "../support/buyers";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { seedSampleFair } from "../support/events";
import { throttleKey } from "../../app/platform/throttle.server";

// Booth leads over HTTP, as a phone without JavaScript would send them: the booth page a QR code opens, validation in
// zh and en, the limits (per phone and per booth; past one a lead is held, never refused), who sees the lead, a
// withdrawn exhibitor's booth, and the fair summary fair staff download.

let t: TestDatabase;
let app: TestApp;
let fair: Awaited<ReturnType<typeof seedSampleFair>>;
type Client = ReturnType<typeof httpClient>;
const people = {} as Record<"liquorProducer" | "pepperProducer" | "fairStaff", Client>;
const booth = { liquor: 0, pepper: 0 };
const liquor = { id: 0, organization_id: 0 };
const pepper = { id: 0, organization_id: 0 };

async function signedIn(role: Role, organizationId?: number) {
  const account = await createAccount(t.db, { role });
  if (organizationId) await t.db.updateTable("users").set({ organization_id: organizationId }).where("id", "=", account.id).execute();
  const c = httpClient(app.url);
  expect((await c.signIn(account.email, account.password)).status).toBe(302);
  return c;
}
const exhibitorOf = async (organizationId: number) =>
  (
    await t.db
      .selectFrom("event_exhibitors")
      .select("id")
      .where("event_id", "=", fair.eventId)
      .where("organization_id", "=", organizationId)
      .executeTakeFirstOrThrow()
  ).id;
const views = async (exhibitorId: number) =>
  Number(
    (
      await t.db
        .selectFrom("event_booth_views")
        .select((eb) => eb.fn.sum<number>("views").as("n"))
        .where("exhibitor_id", "=", exhibitorId)
        .executeTakeFirst()
    )?.n ?? 0,
  );
const viewsOn = async (exhibitorId: number, day: string) =>
  (await t.db.selectFrom("event_booth_views").select("views").where("exhibitor_id", "=", exhibitorId).where("day", "=", day).executeTakeFirst())?.views ?? 0;
const text = (html: string) => html.replace(/<!--.*?-->/g, "").replace(/<[^>]+>/g, "");
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const boothPath = (id: number) => `/events/${fair.eventId}/booth/${id}`;

function leadFields(overrides: Fields = {}): Fields {
  return {
    message: "想订 200 箱 42 度青稞酒做中秋团购",
    product_id: liquor.id,
    buyer_name: "扫码买家",
    buyer_organization: "兰州示例超市",
    buyer_phone: "139 0000 1111",
    consent: "on",
    ...overrides,
  };
}

beforeAll(async () => {
  t = await createTestDatabase();
  fair = await seedSampleFair(t.db);
  Object.assign(liquor, await fair.product("示例互助青稞酒 42度 500毫升"));
  Object.assign(pepper, await fair.product("示例循化大红袍花椒"));
  booth.liquor = await exhibitorOf(liquor.organization_id);
  booth.pepper = await exhibitorOf(pepper.organization_id);
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: `bl${process.pid}_`, env: { DATA_DIR: fair.dataDir } });
  people.liquorProducer = await signedIn("producer", liquor.organization_id);
  people.pepperProducer = await signedIn("producer", pepper.organization_id);
  people.fairStaff = await signedIn("fair_staff");
});
afterAll(async () => {
  await app?.stop();
  fair?.cleanup();
  await t?.drop();
});
// every request comes from 127.0.0.1: each test starts with a clean throttle
const LEAD_SCOPES = ["inquiry", "reply", "lead_device", "lead_booth", "lead_address", "lead_flood"];
beforeEach(() => t.db.deleteFrom("throttle_events").where("scope", "in", LEAD_SCOPES).execute());

/** A phone that scanned the booth's code: it has the booth page's device cookie. */
async function phoneAt(exhibitorId: number) {
  const phone = httpClient(app.url);
  expect((await phone.get(boothPath(exhibitorId))).status).toBe(200);
  expect(phone.jar.header()).toContain("hd_device=");
  return phone;
}
const statusOf = async (buyerName: string) =>
  await t.db
    .selectFrom("inquiry_recipients as r")
    .innerJoin("inquiries as i", "i.id", "r.inquiry_id")
    .select(["r.id", "r.status", "r.held_reason"])
    .where("i.buyer_name", "=", buyerName)
    .executeTakeFirstOrThrow();

describe("the booth page", () => {
  it("shows the exhibitor and the form, and counts a scan per GET except fair staff's own checks", async () => {
    const before = await views(booth.liquor);
    const res = await httpClient(app.url).get(boothPath(booth.liquor));
    expect(res.status).toBe(200);
    expect(res.headers.get("x-robots-tag")).toBe("noindex");
    const html = await res.text();
    expect(html).toContain("互助示例青稞酒业有限公司");
    expect(html).toContain("留下联系方式");
    expect(html).toMatch(/<form[^>]*method="post"/);
    expect(await views(booth.liquor)).toBe(before + 1);
    await httpClient(app.url).get(`${boothPath(booth.liquor)}?lang=en`);
    expect(await views(booth.liquor)).toBe(before + 2);
    expect((await people.fairStaff.get(boothPath(booth.liquor))).status).toBe(200);
    expect(await views(booth.liquor)).toBe(before + 2);
    // another event's id, an unknown booth or a draft event: 404
    expect((await httpClient(app.url).get(`/events/${fair.eventId + 1000}/booth/${booth.liquor}`)).status).toBe(404);
    expect((await httpClient(app.url).get(boothPath(999999))).status).toBe(404);
    expect((await httpClient(app.url).get(`/events/${fair.eventId}/booth/abc`)).status).toBe(404);
    await t.db.updateTable("events").set({ status: "draft" }).where("id", "=", fair.eventId).execute();
    try {
      expect((await httpClient(app.url).get(boothPath(booth.liquor))).status).toBe(404);
      expect((await httpClient(app.url).post(boothPath(booth.liquor), leadFields())).status).toBe(404);
    } finally {
      await t.db.updateTable("events").set({ status: "published" }).where("id", "=", fair.eventId).execute();
    }
  });

  it("names each wrong field in Chinese and English, never a 500, and stores nothing", async () => {
    const bad = { message: "", buyer_name: "", buyer_email: "", buyer_phone: "12" };
    const zh = await httpClient(app.url).post(boothPath(booth.liquor), bad);
    expect(zh.status).toBe(400);
    const zhText = text(await zh.text());
    expect(zhText).toContain("请填写姓名");
    expect(zhText).toContain("请填写您感兴趣的内容");
    expect(zhText).toContain("电话号码格式不正确");
    expect(zhText).toContain("请勾选同意后再提交"); // PIPL: no consent, nothing kept
    const en = await httpClient(app.url).post(`${boothPath(booth.liquor)}?lang=en`, { ...bad, buyer_phone: "" });
    expect(en.status).toBe(400);
    const enText = text(await en.text());
    expect(enText).toContain("Enter your name");
    expect(enText).toContain("Say what interests you");
    expect(enText).toContain("Give an email address or a phone number so producers can reach you");
    // a product of another booth, a nonsense product, a bad email, an empty post
    const forged = await httpClient(app.url).post(boothPath(booth.liquor), leadFields({ product_id: pepper.id }));
    expect(forged.status).toBe(400);
    expect(text(await forged.text())).toContain("请选择本展位的产品");
    for (const fields of [
      leadFields({ product_id: "abc" }),
      leadFields({ buyer_email: "not-an-email" }),
      leadFields({ buyer_wechat: "1-not-a-wechat-id" }),
      {},
      leadFields({ message: "长".repeat(2001) }),
    ]) {
      expect((await httpClient(app.url).post(boothPath(booth.liquor), fields)).status).toBe(400);
    }
    expect(await t.db.selectFrom("inquiries").select("id").where("buyer_name", "in", ["扫码买家", ""]).executeTakeFirst()).toBeUndefined();
  });

  it("ten buyers behind one venue address each leave a lead from their own phone: none is refused or held", async () => {
    for (let i = 0; i < 10; i++) {
      const phone = await phoneAt(booth.pepper);
      const res = await phone.post(boothPath(booth.pepper), leadFields({ product_id: "", buyer_name: `同网买家${i}` }));
      expect({ i, status: res.status, location: res.headers.get("location") }).toEqual({ i, status: 302, location: expect.stringMatching(/\?sent=1$/) });
      expect(await statusOf(`同网买家${i}`)).toMatchObject({ status: "new", held_reason: null });
    }
  });

  it("a sixth lead from one phone within ten minutes is kept and held, the buyer is told, and the exhibitor or staff confirm it", async () => {
    const phone = await phoneAt(booth.pepper);
    const locations: string[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await phone.post(boothPath(booth.pepper), leadFields({ product_id: "", buyer_name: `一机多留${i}` }));
      expect(res.status).toBe(302);
      locations.push(res.headers.get("location")!);
    }
    for (let i = 0; i < 5; i++) expect(await statusOf(`一机多留${i}`)).toMatchObject({ status: "new" });
    const held = [await statusOf("一机多留5"), await statusOf("一机多留6")];
    for (const h of held) expect(h).toMatchObject({ status: "held", held_reason: "device" });
    expect(locations[6]).toMatch(/\?sent=1&held=1$/);
    expect(text(await (await httpClient(app.url).get(locations[6]!)).text())).toContain("展商确认后才会看到它");

    // the exhibitor sees it under 待确认 and confirms one
    const pepperProducer = await signedIn("producer", pepper.organization_id);
    expect(text(await (await pepperProducer.get("/producer/inbox?status=held")).text())).toContain("一机多留6");
    expect(text(await (await pepperProducer.get(`/producer/inbox/${held[0]!.id}`)).text())).toContain("先由您确认");
    expect((await pepperProducer.post(`/producer/inbox/${held[0]!.id}`, { intent: "accept" })).status).toBe(302);
    expect(await statusOf("一机多留5")).toMatchObject({ status: "new" });
    // another producer cannot confirm it; fair staff see the rest for the event and confirm them all
    expect((await people.liquorProducer.post(`/producer/inbox/${held[1]!.id}`, { intent: "accept" })).status).toBe(404);
    expect((await people.liquorProducer.get(`/events/${fair.eventId}/held-leads`)).status).toBe(403);
    const list = await people.fairStaff.get(`/events/${fair.eventId}/held-leads`);
    expect(list.status).toBe(200);
    const listText = text(await list.text());
    expect(listText).toContain("一机多留6");
    expect(listText).not.toContain("一机多留5");
    expect(text(await (await people.fairStaff.get(`/events/${fair.eventId}/manage`)).text())).toContain("待确认的留资(1)");
    const accepted = await people.fairStaff.post(`/events/${fair.eventId}/held-leads`, { id: "all" });
    expect(accepted.headers.get("location")).toBe(`/events/${fair.eventId}/held-leads?accepted=1`);
    expect(await statusOf("一机多留6")).toMatchObject({ status: "new", held_reason: "device" });
    expect((await people.fairStaff.post(`/events/${fair.eventId}/held-leads`, { id: "1 or 1=1" })).status).toBe(400);
  });

  it("refuses only a flood no venue produces (thousands an hour from one address), with Retry-After, storing nothing", async () => {
    // the flood limit's events for every form the test's loopback address can take
    for (const address of ["127.0.0.1", "::ffff:127.0.0.1", "::1"]) {
      await t.db
        .insertInto("throttle_events")
        .columns(["scope", "key_hash"])
        .expression((eb) =>
          eb
            .selectFrom(sql<{ n: number }>`generate_series(1, 3000)`.as("g"))
            .select([sql.lit("lead_flood").as("scope"), sql.lit(throttleKey("lead_flood", address)).as("key_hash")]),
        )
        .execute();
    }
    const res = await (await phoneAt(booth.pepper)).post(boothPath(booth.pepper), leadFields({ product_id: "", buyer_name: "洪水" }));
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(text(await res.text())).toContain("发送过于频繁");
    expect(await t.db.selectFrom("inquiries").select("id").where("buyer_name", "=", "洪水").executeTakeFirst()).toBeUndefined();
  });
});

describe("a withdrawn exhibitor", () => {
  it("asks before removing, keeps its printed booth QR resolving with a notice, and gets the same code back when re-added", async () => {
    const cherry = await fair.product("示例乐都大樱桃");
    const manage = `/events/${fair.eventId}/manage`;
    expect((await people.fairStaff.post(manage, { intent: "add-exhibitor", organization_id: cherry.organization_id, hall: "W", booth: "W01" })).status).toBe(
      302,
    );
    const id = await exhibitorOf(cherry.organization_id);
    expect(await (await httpClient(app.url).get(`/events/${fair.eventId}`)).text()).toContain(`/organizations/${cherry.organization_id}"`);
    // the manage page's remove button opens a question first (details/summary, no JavaScript needed)
    const page = await (await people.fairStaff.get(manage)).text();
    expect(page).toMatch(/<details class="confirm-action"><summary[^>]*>移除<\/summary>/);
    expect(text(page)).toContain("其展位二维码仍可打开,但会显示已退出");
    expect((await people.fairStaff.post(manage, { intent: "remove-exhibitor", id })).status).toBe(302);

    const boothPage = await httpClient(app.url).get(boothPath(id));
    expect(boothPage.status).toBe(200);
    const boothHtml = await boothPage.text();
    expect(text(boothHtml)).toContain("该单位已退出本次对接会");
    expect(boothHtml).not.toMatch(/<form[^>]*method="post"/);
    const late = await httpClient(app.url).post(boothPath(id), leadFields({ product_id: "", buyer_name: "退出后" }));
    expect(late.status).toBe(410);
    expect(await t.db.selectFrom("inquiries").select("id").where("buyer_name", "=", "退出后").executeTakeFirst()).toBeUndefined();
    // gone from the public exhibitor list and the QR sheet, listed as withdrawn on the manage page
    expect(await (await httpClient(app.url).get(`/events/${fair.eventId}`)).text()).not.toContain(`/organizations/${cherry.organization_id}"`);
    expect(await (await people.fairStaff.get(`/events/${fair.eventId}/booth-qr`)).text()).not.toContain(boothPath(id));
    expect(text(await (await people.fairStaff.get(manage)).text())).toContain("已退出的参展单位");

    // re-adding the company restores the same row, so the printed code is the same
    expect((await people.fairStaff.post(manage, { intent: "add-exhibitor", organization_id: cherry.organization_id, hall: "W", booth: "W01" })).status).toBe(
      302,
    );
    expect(await exhibitorOf(cherry.organization_id)).toBe(id);
    expect(text(await (await httpClient(app.url).get(boothPath(id))).text())).toContain("留下联系方式");
  });

  it("refuses a booth number another exhibitor already has, naming it", async () => {
    const liquorBooth = await t.db.selectFrom("event_exhibitors").select(["hall", "booth"]).where("id", "=", booth.liquor).executeTakeFirstOrThrow();
    const res = await people.fairStaff.post(`/events/${fair.eventId}/manage`, {
      intent: "add-exhibitor",
      organization_id: pepper.organization_id,
      hall: liquorBooth.hall ?? "",
      booth: ` ${liquorBooth.booth.toLowerCase()} `,
    });
    expect(res.status).toBe(400);
    expect(text(await res.text())).toContain("该展位号已被 互助示例青稞酒业有限公司 使用");
    expect((await t.db.selectFrom("event_exhibitors").select("booth").where("id", "=", booth.pepper).executeTakeFirstOrThrow()).booth).not.toBe(
      liquorBooth.booth,
    );
  });
});

describe("a lead", () => {
  let recipientId = 0;
  let token = "";
  beforeAll(async () => {
    await t.db.deleteFrom("throttle_events").where("scope", "in", LEAD_SCOPES).execute();
    const res = await httpClient(app.url).post(
      boothPath(booth.liquor),
      leadFields({ buyer_name: "冯扫码", buyer_email: "feng@buyer.example.com", buyer_wechat: "feng_buyer88" }),
    );
    expect(res.status).toBe(302);
    token = res.headers.get("location")!.match(/^\/inquiries\/([A-Za-z0-9_-]{43})\?sent=1$/)![1]!;
    const inquiry = await t.db.selectFrom("inquiries").selectAll().where("buyer_token_hash", "=", sha256(token)).executeTakeFirstOrThrow();
    expect(inquiry).toMatchObject({
      source: "booth",
      event_id: fair.eventId,
      quantity: null,
      buyer_phone: "139 0000 1111",
      message: "想订 200 箱 42 度青稞酒做中秋团购",
    });
    recipientId = (await t.db.selectFrom("inquiry_recipients").select(["id", "organization_id"]).where("inquiry_id", "=", inquiry.id).executeTakeFirstOrThrow())
      .id;
  });

  it("reaches the exhibitor's inbox tagged with the event, and the buyer's private link", async () => {
    const inbox = text(await (await people.liquorProducer.get("/producer/inbox")).text());
    expect(inbox).toContain("冯扫码");
    expect(inbox).toContain("对接会:");
    expect(inbox).toContain("海东市特色农产品产销对接会(示例)");
    const thread = await people.liquorProducer.get(`/producer/inbox/${recipientId}`);
    expect(thread.status).toBe(200);
    const threadText = text(await thread.text());
    expect(threadText).toContain("feng@buyer.example.com");
    expect(threadText).toContain("微信: feng_buyer88");
    expect(threadText).toContain("海东市特色农产品产销对接会(示例)");
    expect(threadText).toContain("示例互助青稞酒 42度 500毫升");
    const buyerPage = await httpClient(app.url).get(`/inquiries/${token}?sent=1`);
    expect(buyerPage.status).toBe(200);
    expect(text(await buyerPage.text())).toContain("海东市特色农产品产销对接会(示例)");
  });

  it("stays hidden from another producer", async () => {
    const thread = await people.pepperProducer.get(`/producer/inbox/${recipientId}`);
    expect(thread.status).toBe(404);
    expect(await thread.text()).not.toContain("feng@buyer.example.com");
    expect(await (await people.pepperProducer.get("/producer/inbox")).text()).not.toContain("冯扫码");
  });

  it("counts, with the deal the producer records on it, in the fair summary, its totals and its CSV", async () => {
    const deal = await people.liquorProducer.post(`/producer/inbox/${recipientId}`, {
      intent: "deal",
      kind: "signed",
      amount_cny: "12,000",
      product_id: liquor.id,
      deal_date: chinaDate(0),
    });
    expect(deal.status).toBe(302);
    expect((await t.db.selectFrom("deals").select("event_id").where("inquiry_recipient_id", "=", recipientId).executeTakeFirstOrThrow()).event_id).toBe(
      fair.eventId,
    );

    expect((await httpClient(app.url).get(`/events/${fair.eventId}/report`)).status).toBe(302);
    expect((await people.liquorProducer.get(`/events/${fair.eventId}/report`)).status).toBe(403);
    expect((await people.liquorProducer.get(`/events/${fair.eventId}/report.csv`)).status).toBe(403);
    const page = await people.fairStaff.get(`/events/${fair.eventId}/report`);
    expect(page.status).toBe(200);
    const pageHtml = await page.text();
    expect(text(pageHtml)).toContain("互助示例青稞酒业有限公司");
    // scans per day: today's scans of this test's booth page are in today's column
    expect(pageHtml).toMatch(new RegExp(`<time datetime="${chinaDate(0)}">`, "i"));
    // amounts in renminbi; the totals by county and by the category of the product dealt in, as captioned tables
    expect(text(pageHtml)).toContain("¥12,000.00");
    expect(pageHtml).toContain("<caption");
    const liquorCategory = (await t.db.selectFrom("products").select("category").where("id", "=", liquor.id).executeTakeFirstOrThrow()).category!;
    const byCategory = pageHtml.match(/<table[^>]*id="totals-by-category"[\s\S]*?<\/table>/)![0];
    expect(text(byCategory)).toContain(`${liquorCategory.trim()}0¥0.001¥12,000.00`);
    const byCounty = pageHtml.match(/<table[^>]*id="totals-by-county"[\s\S]*?<\/table>/)![0];
    expect(byCounty).toMatch(/<th scope="col"[^>]*>县区<\/th>/);
    expect(byCounty).toContain('<th scope="row">合计</th>');
    const en = text(await (await people.fairStaff.get(`/events/${fair.eventId}/report?lang=en`)).text());
    expect(en).toContain("CN¥12,000.00");
    expect(en).toContain("Totals by county");
    await people.fairStaff.get(`/events/${fair.eventId}/report?lang=zh-CN`); // back to Chinese for the stories below

    // Chinese headers by default, the English codes scripts read with ?lang=en
    const zhCsv = await (await people.fairStaff.get(`/events/${fair.eventId}/report.csv`)).text();
    expect((parse(zhCsv) as string[][])[0]!.slice(0, 7)).toEqual([
      "参展编号",
      "展馆",
      "展位号",
      "经营主体编号",
      "经营主体(中文)",
      "经营主体(英文)",
      "扫码次数",
    ]);
    const csv = await people.fairStaff.get(`/events/${fair.eventId}/report.csv?lang=en`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toContain(`event-${fair.eventId}-report.csv`);
    const body = new Uint8Array(await csv.arrayBuffer());
    expect([...body.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csvText = new TextDecoder().decode(body);
    expect(csvText).toContain("\r\n");
    // the decoder has already taken off the BOM
    const records: string[][] = parse(csvText);
    expect(records[0]!.slice(6, 12)).toEqual(["booth_views", "leads", "intents", "intent_amount_cny", "signed", "signed_amount_cny"]);
    const row = records.find((r) => r[4] === "互助示例青稞酒业有限公司")!;
    const [views_, leads, , , signed, signedAmount] = row.slice(6);
    expect(Number(views_)).toBe(await views(booth.liquor));
    const todayColumn = records[0]!.indexOf(`views_${chinaDate(0)}`);
    expect(todayColumn).toBeGreaterThan(11);
    expect(Number(row[todayColumn])).toBeGreaterThan(0);
    expect(Number(row[todayColumn])).toBe(await viewsOn(booth.liquor, chinaDate(0)));
    // the sample lead, this test's lead and the first block's nothing-stored checks: 2 leads
    expect(Number(leads)).toBe(2);
    expect(Number(signed)).toBe(1);
    expect(Number(signedAmount)).toBe(12000);
    expect(records.at(-1)!.slice(0, 6)).toEqual(["", "", "", "", "合计", "Total"]);
  });
});

describe("booth QR sheets", () => {
  it("fair staff print every booth; a producer only its own; anyone else is turned away", async () => {
    const all = await people.fairStaff.get(`/events/${fair.eventId}/booth-qr`);
    expect(all.status).toBe(200);
    const allHtml = await all.text();
    expect(allHtml).toContain(`${app.url}${boothPath(booth.liquor)}`);
    expect(allHtml).toContain(`${app.url}${boothPath(booth.pepper)}`);
    expect(allHtml).toMatch(/<svg role="img" aria-label="展位二维码,链接:http/);
    const own = await people.liquorProducer.get(`/events/${fair.eventId}/booth-qr`);
    expect(own.status).toBe(200);
    const ownHtml = await own.text();
    expect(ownHtml).toContain(`${app.url}${boothPath(booth.liquor)}`);
    expect(ownHtml).not.toContain(boothPath(booth.pepper));
    expect((await people.liquorProducer.get(`/events/${fair.eventId}/booth-qr?exhibitor=${booth.pepper}`)).status).toBe(404);
    expect((await httpClient(app.url).get(`/events/${fair.eventId}/booth-qr`)).status).toBe(302);
    // the producer's dashboard links to it; the manage page shows every booth's code and links the fair summary
    expect(await (await people.liquorProducer.get("/producer")).text()).toContain(`/events/${fair.eventId}/booth-qr?exhibitor=${booth.liquor}`);
    const manage = await (await people.fairStaff.get(`/events/${fair.eventId}/manage`)).text();
    expect(manage).toContain(`/events/${fair.eventId}/report`);
    expect(manage).toContain(`href="${app.url}${boothPath(booth.pepper)}"`);
  });
});

describe("the organiser's export of every lead", () => {
  it("is for fair staff only, never cached, and lists each lead with its status, held ones as 待确认", async () => {
    const path = `/events/${fair.eventId}/leads.csv`;
    expect((await httpClient(app.url).get(path)).status).toBe(302);
    expect((await people.liquorProducer.get(path)).status).toBe(403);
    // one lead still waiting for confirmation
    const waiting = await statusOf("同网买家3");
    await t.db.updateTable("inquiry_recipients").set({ status: "held", held_reason: "booth" }).where("id", "=", waiting.id).execute();

    const res = await people.fairStaff.get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain(`event-${fair.eventId}-leads.csv`);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    // buyers' contacts left the catalogue: the audit log says who took them, when, and how many (PIPL)
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["action", "entity_type", "note", "actor_id"])
      .where("action", "=", "export_personal_data")
      .where("entity_id", "=", fair.eventId)
      .execute();
    expect(audit).toEqual([expect.objectContaining({ entity_type: "event", note: expect.stringMatching(/^leads\.csv: \d+$/) })]);
    expect(audit[0]!.actor_id).not.toBeNull();
    const records: string[][] = parse(await res.text());
    const header = records[0]!;
    expect(header).toEqual(expect.arrayContaining(["留资时间(北京时间)", "展位号", "采购方姓名", "电话", "电子邮箱", "微信号", "留言", "状态"]));
    const cell = (row: string[], name: string) => row[header.indexOf(name)];
    const feng = records.find((r) => cell(r, "采购方姓名") === "冯扫码")!;
    expect([cell(feng, "电子邮箱"), cell(feng, "微信号"), cell(feng, "参展单位(中文)")]).toEqual([
      "feng@buyer.example.com",
      "feng_buyer88",
      "互助示例青稞酒业有限公司",
    ]);
    expect(cell(feng, "留资时间(北京时间)")).toMatch(new RegExp(`^${chinaDate(0)} \\d{2}:\\d{2}$`));
    const held = records.find((r) => cell(r, "采购方姓名") === "同网买家3")!;
    expect([cell(held, "状态"), cell(held, "待确认原因")]).toEqual(["待确认", "本展位短时间内留资较多"]);
    // the same leads the summary counts
    const summary = parse(await (await people.fairStaff.get(`/events/${fair.eventId}/report.csv?lang=en`)).text()) as string[][];
    expect(records.length - 1).toBe(Number(summary.at(-1)![summary[0]!.indexOf("leads")]));

    const en: string[][] = parse(await (await people.fairStaff.get(`${path}?lang=en`)).text());
    expect(en[0]!.slice(0, 3)).toEqual(["received_at", "hall", "booth"]);
    expect(en.find((r) => r[en[0]!.indexOf("buyer_name")] === "同网买家3")![en[0]!.indexOf("status")]).toBe("held");
    // the report page links both downloads
    expect(await (await people.fairStaff.get(`/events/${fair.eventId}/report`)).text()).toContain(`href="${path}"`);
  });
});
