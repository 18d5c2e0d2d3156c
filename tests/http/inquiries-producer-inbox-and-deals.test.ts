import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dealTotals } from "../../db/queries/deals";
import type { Role } from "../../db/schema";
import { createAccount } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { chinaDate, httpClient, seedSamples, type Fields } from "../support/buyers";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let app: TestApp;
let samples: Awaited<ReturnType<typeof seedSamples>>;
const products = {
  liquor: { id: 0, organization_id: 0 },
  giftBox: { id: 0, organization_id: 0 },
  crabapple: { id: 0, organization_id: 0 },
  pepper: { id: 0, organization_id: 0 },
};
type Client = ReturnType<typeof httpClient>;
const people = {} as Record<"producerA" | "producerB" | "producerC" | "reviewer" | "fairStaff" | "admin", Client>;

async function signedIn(role: Role, organizationId?: number) {
  const account = await createAccount(t.db, { role });
  if (organizationId) await t.db.updateTable("users").set({ organization_id: organizationId }).where("id", "=", account.id).execute();
  const c = httpClient(app.url);
  expect((await c.signIn(account.email, account.password)).status).toBe(302);
  return c;
}

beforeAll(async () => {
  t = await createTestDatabase();
  search = await createTestSearch();
  samples = await seedSamples(t.db);
  products.liquor = await samples.product("示例互助青稞酒 42度 500毫升"); // 互助示例青稞酒业有限公司 (A)
  products.giftBox = await samples.product("示例青稞原浆酒 礼盒"); // A as well
  products.crabapple = await samples.product("示例乐都沙果 鲜果"); // 乐都区示例果蔬种植专业合作社 (B)
  products.pepper = await samples.product("示例循化大红袍花椒"); // 循化县示例花椒专业合作社 (C, never addressed)
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix, env: { DATA_DIR: samples.dataDir } });
  people.producerA = await signedIn("producer", products.liquor.organization_id);
  people.producerB = await signedIn("producer", products.crabapple.organization_id);
  people.producerC = await signedIn("producer", products.pepper.organization_id);
  people.reviewer = await signedIn("reviewer");
  people.fairStaff = await signedIn("fair_staff");
  people.admin = await signedIn("admin");
});
afterAll(async () => {
  await app?.stop();
  await search?.drop();
  await t?.drop();
  samples?.cleanup();
});
// every request here comes from 127.0.0.1: start each test (and each block's setup) with a clean inquiry throttle
let fairEventId = 0;
const clearThrottle = () => t.db.deleteFrom("throttle_events").where("scope", "in", ["inquiry", "reply"]).execute();
beforeEach(clearThrottle);

/** Page text without tags (React's comment markers included). */
const text = (html: string) => html.replace(/<!--.*?-->/g, "").replace(/<[^>]+>/g, "");
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

const LINE_FIELDS = ["quantity", "quantity_unit", "delivery_from", "delivery_to", "destination_province", "target_price", "sample_wanted"];

/** The form as the page posts it: a ticked line per product, each with the same need unless `overrides` say otherwise. */
function inquiryFields(productIds: number[], overrides: Fields = {}): Fields {
  const need: Fields = {
    quantity: "20",
    quantity_unit: "吨",
    delivery_from: chinaDate(10),
    delivery_to: chinaDate(40),
    destination_province: "广东",
    target_price: "15.5",
    sample_wanted: "on",
  };
  const fields: Fields = {
    message: "请报含运费的价格。",
    buyer_name: "王采购",
    buyer_organization: "广州示例贸易有限公司",
    buyer_email: "buyer@trade.example.com",
    buyer_phone: "139 1234 5678",
    consent: "on",
  };
  for (const [k, v] of Object.entries(overrides)) (LINE_FIELDS.includes(k) ? need : fields)[k] = v;
  productIds.forEach((id, i) => {
    fields[`lines[${i}].product_id`] = id;
    fields[`lines[${i}].include`] = "on";
    for (const [k, v] of Object.entries(need)) fields[`lines[${i}].${k}`] = v;
  });
  return fields;
}

/** A buyer without an account who shortlists these products. */
async function buyerWith(...ids: number[]) {
  const c = httpClient(app.url);
  for (const id of ids) expect((await c.post("/shortlist/items", { intent: "add", productId: id })).status).toBe(302);
  return c;
}

async function sendInquiry(buyer: Client, productIds: number[], overrides: Fields = {}) {
  const res = await buyer.post("/shortlist/inquiry", inquiryFields(productIds, overrides));
  expect(res.status, await res.clone().text()).toBe(302);
  const token = res.headers.get("location")!.match(/^\/inquiries\/([A-Za-z0-9_-]{43})\?sent=1$/)![1]!;
  const inquiry = await t.db.selectFrom("inquiries").selectAll().where("buyer_token_hash", "=", sha256(token)).executeTakeFirstOrThrow();
  const recipients = await t.db.selectFrom("inquiry_recipients").selectAll().where("inquiry_id", "=", inquiry.id).orderBy("id").execute();
  const recipientOf = (orgId: number) => recipients.find((r) => r.organization_id === orgId)!.id;
  return { token, inquiry, recipients, recipientOf };
}

describe("sending an inquiry", () => {
  it("sends one structured request to every producer of the chosen products, one recipient row each", async () => {
    const buyer = await buyerWith(products.liquor.id, products.giftBox.id, products.crabapple.id);
    const { token, inquiry, recipients } = await sendInquiry(buyer, [products.liquor.id, products.giftBox.id, products.crabapple.id]);
    expect(recipients.map((r) => r.organization_id).sort()).toEqual([products.liquor.organization_id, products.crabapple.organization_id].sort());
    expect(recipients.every((r) => r.status === "new")).toBe(true);
    expect(inquiry).toMatchObject({
      buyer_name: "王采购",
      buyer_email: "buyer@trade.example.com",
      buyer_phone: "139 1234 5678",
      buyer_user_id: null,
    });
    const asked = await t.db.selectFrom("inquiry_products").selectAll().orderBy("id").execute();
    const forA = asked.filter((p) => p.recipient_id === recipients.find((r) => r.organization_id === products.liquor.organization_id)!.id);
    expect(forA.map((p) => p.product_id)).toEqual([products.liquor.id, products.giftBox.id]);
    // the need is stated on each line (issue 18), not on the inquiry
    expect(forA[0]).toMatchObject({ quantity: "20.00", quantity_unit: "吨", destination_province: "广东", target_price: "15.50", sample_wanted: true });
    expect(inquiry.quantity).toBeNull();
    // the link's token is nowhere in the database, only its hash
    const dump = JSON.stringify(await t.db.selectFrom("inquiries").selectAll().execute());
    expect(dump).not.toContain(token);
  });

  it("shows errors next to the fields, in the visitor's language, and never a 500", async () => {
    const buyer = await buyerWith(products.liquor.id);
    const bad = inquiryFields([products.liquor.id], {
      quantity: "lots",
      buyer_email: "",
      buyer_phone: "",
      delivery_to: chinaDate(5),
      delivery_from: chinaDate(9),
      destination_province: "火星",
    });
    const res = await buyer.post("/shortlist/inquiry", bad);
    expect(res.status).toBe(400);
    const html = await res.text();
    // each line's problem names the product and the field
    expect(text(html)).toContain("示例互助青稞酒 42度 500毫升:数量——应为数字,最多两位小数");
    expect(html).toContain("请填写电子邮箱或电话,生产者才能联系您");
    expect(text(html)).toContain("交货期:最晚——最晚交货日期不能早于最早交货日期");
    expect(html).toContain("请选择收货省份");
    expect(html).toMatch(/id="[^"]*buyer_email[^"]*"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="[^"]*buyer_email/);
    const en = await buyer.post("/shortlist/inquiry?lang=en", bad);
    const enHtml = await en.text();
    expect(enHtml).toContain("must be a number with two decimals at most");
    expect(enHtml).toContain("Give an email address or a phone number so producers can reach you");

    for (const fields of [
      inquiryFields([]),
      inquiryFields(["abc" as unknown as number]),
      inquiryFields([99999999]), // no such product: a forged id addresses nobody
      inquiryFields([products.liquor.id], { quantity: "1".repeat(400) }),
      {},
    ]) {
      const r = await buyer.post("/shortlist/inquiry", fields);
      expect(r.status).toBe(400);
    }
    expect(await t.db.selectFrom("inquiries").select("id").where("buyer_name", "=", "王采购").where("quantity", "=", "1").executeTakeFirst()).toBeUndefined();
  });

  it("asks about a public product from its 询价 / 索样 link without a shortlist; a forged id offers nothing", async () => {
    const buyer = httpClient(app.url);
    const form = await (await buyer.get(`/shortlist/inquiry?product=${products.crabapple.id}`)).text();
    expect(form).toContain("示例乐都沙果 鲜果");
    expect(form).toMatch(/name="lines\[0\]\.include"[^>]*checked/);
    const forged = await (await buyer.get("/shortlist/inquiry?product=99999999")).text();
    expect(forged).not.toContain('name="lines[0].product_id"');
    const { recipients } = await sendInquiry(buyer, [products.crabapple.id], { buyer_name: "链接买家" });
    expect(recipients.map((r) => r.organization_id)).toEqual([products.crabapple.organization_id]);
  });

  it("throttles a client that sends too many: 429 with Retry-After", async () => {
    const buyer = await buyerWith(products.pepper.id);
    for (let i = 0; i < 5; i++) await sendInquiry(buyer, [products.pepper.id], { buyer_name: `限流买家${i}` });
    const res = await buyer.post("/shortlist/inquiry", inquiryFields([products.pepper.id], { buyer_name: "第六次" }));
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect(await res.text()).toContain("发送过于频繁,请 10 分钟后再试");
    expect(await t.db.selectFrom("inquiries").select("id").where("buyer_name", "=", "第六次").executeTakeFirst()).toBeUndefined();
    // another address is not affected: the events are per client (only hashes of the address are stored)
    const events = await t.db.selectFrom("throttle_events").select("key_hash").where("scope", "in", ["inquiry", "reply"]).execute();
    expect(events.every((e) => /^[0-9a-f]{64}$/.test(e.key_hash) && !e.key_hash.includes("127.0.0.1"))).toBe(true);
  });
});

describe("who sees an inquiry", () => {
  let sent: Awaited<ReturnType<typeof sendInquiry>>;
  beforeAll(async () => {
    await clearThrottle();
    const buyer = await buyerWith(products.liquor.id, products.crabapple.id);
    sent = await sendInquiry(buyer, [products.liquor.id, products.crabapple.id], { buyer_name: "李买家", buyer_email: "li.buyer@market.example.com" });
  });

  it("a producer sees only the inquiries addressed to its organisation, with the buyer's contact", async () => {
    const a = sent.recipientOf(products.liquor.organization_id);
    const b = sent.recipientOf(products.crabapple.organization_id);
    const inbox = await (await people.producerA.get("/producer/inbox")).text();
    expect(inbox).toContain("李买家");
    expect(inbox).toContain(`/producer/inbox/${a}`);
    expect(inbox).not.toContain(`/producer/inbox/${b}"`);
    const thread = await people.producerA.get(`/producer/inbox/${a}`);
    expect(thread.status).toBe(200);
    expect(thread.headers.get("cache-control")).toBe("private, no-store");
    const html = await thread.text();
    expect(html).toContain("li.buyer@market.example.com");
    expect(html).toContain("示例互助青稞酒 42度 500毫升");
    expect(html).not.toContain("示例乐都沙果 鲜果"); // asked of the other producer
    // the other producer's thread of the same inquiry does not exist for A
    expect((await people.producerA.get(`/producer/inbox/${b}`)).status).toBe(404);
    expect((await people.producerB.get(`/producer/inbox/${b}`)).status).toBe(200);
  });

  it("a producer not addressed gets 404 and never sees the buyer's contact", async () => {
    for (const id of sent.recipients.map((r) => r.id)) {
      const res = await people.producerC.get(`/producer/inbox/${id}`);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain("li.buyer@market.example.com");
    }
    const inbox = await (await people.producerC.get("/producer/inbox")).text();
    expect(inbox).not.toContain("李买家");
    expect(inbox).not.toContain("li.buyer@market.example.com");
    for (const id of ["abc", "0", "99999999"]) expect((await people.producerC.get(`/producer/inbox/${id}`)).status).toBe(404);
    // nor can it write to it
    const post = await people.producerC.post(`/producer/inbox/${sent.recipients[0]!.id}`, { intent: "reply", body: "打扰了" });
    expect(post.status).toBe(404);
  });

  it("counts new inquiries on the producer's dashboard", async () => {
    const dashboard = await (await people.producerB.get("/producer")).text();
    const n = (
      await t.db
        .selectFrom("inquiry_recipients")
        .select("id")
        .where("organization_id", "=", products.crabapple.organization_id)
        .where("status", "=", "new")
        .execute()
    ).length;
    expect(n).toBeGreaterThan(0);
    expect(dashboard).toContain(`${n} 条新询价`);
    expect(dashboard).toContain('href="/producer/inbox?status=new"');
  });

  it("the buyer's private link works without an account; a wrong token is a 404", async () => {
    const res = await httpClient(app.url).get(`/inquiries/${sent.token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    // the site-wide policy comes first; browsers apply the last one listed, so the private link never leaks to
    // another site as a Referer (same-origin, not no-referrer: a form posted without JavaScript must carry its Origin)
    expect(res.headers.get("referrer-policy")?.split(/,\s*/).at(-1)).toBe("same-origin");
    const html = await res.text();
    expect(html).toContain("互助示例青稞酒业有限公司");
    expect(html).toContain("乐都区示例果蔬种植专业合作社");
    expect(html).toContain("li.buyer@market.example.com"); // the buyer's own contact
    // producers' contacts as each organisation chose: the public ones, never the private mobile number
    expect(html).toContain("sales@distillery.example.com");
    expect(html).not.toContain("13800000000");

    const wrong = randomBytes(32).toString("base64url");
    expect((await httpClient(app.url).get(`/inquiries/${wrong}`)).status).toBe(404);
    expect((await httpClient(app.url).get("/inquiries/abc")).status).toBe(404);
    expect((await httpClient(app.url).get(`/inquiries/${sent.token.slice(0, 42)}!`)).status).toBe(404);
    const forged = await httpClient(app.url).post(`/inquiries/${wrong}`, { intent: "reply", recipientId: sent.recipients[0]!.id, body: "hi" });
    expect(forged.status).toBe(404);
  });

  it("staff see the buyer's contact; other roles and visitors do not", async () => {
    for (const who of [people.reviewer, people.fairStaff, people.admin]) {
      expect(await (await who.get("/matching")).text()).toContain("李买家");
      const res = await who.get(`/matching/inquiries/${sent.inquiry.id}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("li.buyer@market.example.com");
    }
    expect((await people.producerA.get(`/matching/inquiries/${sent.inquiry.id}`)).status).toBe(403);
    expect((await people.producerA.get("/matching")).status).toBe(403);
    const anonymous = await httpClient(app.url).get(`/matching/inquiries/${sent.inquiry.id}`);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
  });
});

describe("the reply thread", () => {
  it("carries replies both ways and moves the status: new → quoted → closed → reopened by the buyer", async () => {
    const buyer = await buyerWith(products.liquor.id);
    const { token, recipientOf } = await sendInquiry(buyer, [products.liquor.id], { buyer_name: "赵买家" });
    const id = recipientOf(products.liquor.organization_id);
    const status = async () => (await t.db.selectFrom("inquiry_recipients").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status;

    const reply = await people.producerA.post(`/producer/inbox/${id}`, { intent: "reply", body: "可以供货,含运费报价如下。", quoted_price: "18.8" });
    expect(reply.status).toBe(302);
    expect(reply.headers.get("location")).toBe(`/producer/inbox/${id}?done=reply`);
    expect(await status()).toBe("quoted");
    let page = await (await buyer.get(`/inquiries/${token}`)).text();
    expect(page).toContain("可以供货,含运费报价如下。");
    expect(text(page)).toContain("报价:18.8 元 / 吨");
    expect(page).toContain("已报价");

    const buyerReply = await buyer.post(`/inquiries/${token}`, { intent: "reply", recipientId: id, body: "请先寄样品。" });
    expect(buyerReply.status).toBe(302);
    expect(await (await people.producerA.get(`/producer/inbox/${id}`)).text()).toContain("请先寄样品。");

    expect((await people.producerA.post(`/producer/inbox/${id}`, { intent: "status", status: "closed" })).status).toBe(302);
    expect(await status()).toBe("closed");
    await buyer.post(`/inquiries/${token}`, { intent: "reply", recipientId: id, body: "还在吗?" });
    expect(await status()).toBe("replied");

    // bad input is refused with a message, never a 500
    const empty = await people.producerA.post(`/producer/inbox/${id}`, { intent: "reply", body: "  ", quoted_price: "-3" });
    expect(empty.status).toBe(400);
    const emptyHtml = await empty.text();
    expect(emptyHtml).toContain("必填");
    expect(emptyHtml).toContain("应为数字,最多两位小数");
    expect((await people.producerA.post(`/producer/inbox/${id}`, { intent: "status", status: "won" })).status).toBe(400);
    expect((await people.producerA.post(`/producer/inbox/${id}`, { intent: "dance" })).status).toBe(400);
    expect((await buyer.post(`/inquiries/${token}`, { intent: "reply", recipientId: "x", body: "a" })).status).toBe(400);
    page = await (await buyer.get(`/inquiries/${token}`)).text();
    expect(page).toContain("还在吗?");
  });
});

describe("deal outcomes", () => {
  let sent: Awaited<ReturnType<typeof sendInquiry>>;
  let threadA = 0;
  beforeAll(async () => {
    await clearThrottle();
    const buyer = await buyerWith(products.liquor.id, products.crabapple.id);
    sent = await sendInquiry(buyer, [products.liquor.id, products.crabapple.id], { buyer_name: "成交买家" });
    threadA = sent.recipientOf(products.liquor.organization_id);
  });
  const deal = (overrides: Fields = {}): Fields => ({
    intent: "deal",
    kind: "intent",
    amount_cny: "120000",
    product_id: products.liquor.id,
    deal_date: chinaDate(0),
    note: "展会现场达成",
    ...overrides,
  });
  const dealsOf = (recorded_by: string) =>
    t.db
      .selectFrom("deals")
      .selectAll()
      .where("recorded_by", "=", recorded_by as "producer")
      .execute();

  it("the producer records one on its own thread, the amount typed with a thousands separator", async () => {
    const res = await people.producerA.post(`/producer/inbox/${threadA}`, deal({ kind: "signed", amount_cny: "88,000.50" }));
    expect(res.status).toBe(302);
    const [row] = await dealsOf("producer");
    expect(row).toMatchObject({
      kind: "signed",
      amount_cny: "88000.50",
      organization_id: products.liquor.organization_id,
      product_id: products.liquor.id,
      inquiry_recipient_id: threadA,
      event_id: null,
    });
    expect(text(await (await people.producerA.get(`/producer/inbox/${threadA}`)).text())).toContain("¥88,000.50 · 生产者记录");
  });

  it("the buyer records one through the private link", async () => {
    const res = await httpClient(app.url).post(`/inquiries/${sent.token}`, { ...deal(), recipientId: threadA });
    expect(res.status).toBe(302);
    const [row] = await dealsOf("buyer");
    expect(row).toMatchObject({
      kind: "intent",
      amount_cny: "120000.00",
      organization_id: products.liquor.organization_id,
      inquiry_recipient_id: threadA,
      recorded_by_user_id: null,
    });
  });

  it("fair staff and admins record one for any published product, with the event", async () => {
    fairEventId = (
      await t.db
        .insertInto("events")
        .values({ name_zh: "成交测试对接会", starts_on: "2027-05-16", ends_on: "2027-05-17", venue_zh: "海东会展中心", organiser_zh: "海东市商务局" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    const res = await people.fairStaff.post(
      "/matching/deals/new",
      deal({ product_id: products.pepper.id, event_id: String(fairEventId), kind: "signed", amount_cny: "5000" }),
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/matching?recorded=1");
    const [row] = await dealsOf("fair_staff");
    expect(row).toMatchObject({
      kind: "signed",
      organization_id: products.pepper.organization_id,
      product_id: products.pepper.id,
      product_name_zh: "示例循化大红袍花椒",
      event_id: fairEventId,
      inquiry_recipient_id: null,
    });
    expect((await people.admin.post("/matching/deals/new", deal({ product_id: products.crabapple.id }))).status).toBe(302);
    expect(await dealsOf("admin")).toHaveLength(1);
    expect(await (await people.fairStaff.get("/matching")).text()).toContain("示例循化大红袍花椒");
  });

  it("refuses everyone else", async () => {
    const before = (await t.db.selectFrom("deals").select("id").execute()).length;
    expect((await people.reviewer.post("/matching/deals/new", deal())).status).toBe(403);
    expect((await people.reviewer.get("/matching/deals/new")).status).toBe(403);
    expect((await people.producerA.post("/matching/deals/new", deal())).status).toBe(403);
    const anonymous = await httpClient(app.url).post("/matching/deals/new", deal());
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/login/);
    // a producer on another organisation's thread, a producer that was never addressed, a wrong link
    expect((await people.producerB.post(`/producer/inbox/${threadA}`, deal())).status).toBe(404);
    expect((await people.producerC.post(`/producer/inbox/${threadA}`, deal())).status).toBe(404);
    expect((await httpClient(app.url).post(`/inquiries/${randomBytes(32).toString("base64url")}`, { ...deal(), recipientId: threadA })).status).toBe(404);
    // the buyer cannot name another thread of someone else's inquiry
    const other = await buyerWith(products.crabapple.id);
    const mine = await sendInquiry(other, [products.crabapple.id], { buyer_name: "另一位买家" });
    expect((await httpClient(app.url).post(`/inquiries/${mine.token}`, { ...deal(), recipientId: threadA })).status).toBe(404);
    expect((await t.db.selectFrom("deals").select("id").execute()).length).toBe(before);
  });

  it("refuses bad values with messages on the fields", async () => {
    const res = await people.producerA.post(
      `/producer/inbox/${threadA}`,
      deal({ kind: "maybe", amount_cny: "-5", deal_date: "2026-02-30", product_id: products.pepper.id }),
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("请选择意向或签约");
    expect(html).toContain("应为数字,最多两位小数");
    expect(html).toContain("日期格式应为 YYYY-MM-DD");
    // a product the buyer did not ask this producer about
    const wrongProduct = await people.producerA.post(`/producer/inbox/${threadA}`, deal({ product_id: products.pepper.id }));
    expect(wrongProduct.status).toBe(400);
    expect(await wrongProduct.text()).toContain("请选择产品");
    expect((await people.fairStaff.post("/matching/deals/new", deal({ product_id: 999999 }))).status).toBe(400);
    expect((await people.fairStaff.post("/matching/deals/new", deal({ event_id: "x" }))).status).toBe(400);
    // a number that names no event (deals.event_id is a foreign key): the field says so, nothing is written, no 500
    const before = (await t.db.selectFrom("deals").select("id").execute()).length;
    const noEvent = await people.fairStaff.post("/matching/deals/new", deal({ event_id: "987654" }));
    expect(noEvent.status).toBe(400);
    expect(await noEvent.text()).toContain("没有这个编号的活动");
    expect((await t.db.selectFrom("deals").select("id").execute()).length).toBe(before);
  });

  it("feeds the statistics", async () => {
    const totals = await dealTotals(t.db);
    const rows = await t.db.selectFrom("deals").select(["kind", "amount_cny"]).execute();
    const sum = (kind: string) => rows.filter((r) => r.kind === kind).reduce((a, r) => a + Number(r.amount_cny), 0);
    expect(totals.signed).toEqual({ count: rows.filter((r) => r.kind === "signed").length, amountCny: sum("signed") });
    expect(totals.intent).toEqual({ count: rows.filter((r) => r.kind === "intent").length, amountCny: sum("intent") });
    expect(totals.signed.count).toBeGreaterThanOrEqual(2);
    expect((await dealTotals(t.db, { eventId: fairEventId })).signed).toEqual({ count: 1, amountCny: 5000 });
  });
});
