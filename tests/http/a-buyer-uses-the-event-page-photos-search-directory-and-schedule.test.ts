import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { httpClient } from "../support/buyers";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { seedSampleFair, waitForFairIndexed } from "../support/events";

// The public event page a buyer uses at a fair (issue 19), as a phone without JavaScript reads it: each catalogue
// entry's photo, the search within the event (the kiosk's: Chinese, pinyin initials, category), the exhibitor
// directory by hall and booth in natural order with its booth pages, and the schedule by day in China time — which
// fair staff edit on the manage screen, a wrong line refused by its number with nothing saved.

let t: TestDatabase;
let app: TestApp;
let fair: Awaited<ReturnType<typeof seedSampleFair>>;
let staff: ReturnType<typeof httpClient>;
const buyer = () => httpClient(app.url);
const text = (html: string) => html.replace(/<!--.*?-->/g, "").replace(/<[^>]+>/g, "");
const page = async (query = "") => {
  const res = await buyer().get(`/events/${fair.eventId}${query}`);
  expect(res.status).toBe(200);
  // what the page shows, not the loader data its scripts carry
  return (await res.text()).replace(/<script[\s\S]*?<\/script>/g, "");
};
/** The part of the page from one heading's id to another's, or to the end of its section. */
const part = (html: string, from: string, to?: string) => {
  const start = html.indexOf(`id="${from}"`);
  expect(start, `no #${from}`).toBeGreaterThan(-1);
  const end = to ? html.indexOf(`id="${to}"`, start) : html.indexOf("</section>", start);
  return html.slice(start, end > -1 ? end : undefined);
};
const exhibitorOf = async (organizationId: number) =>
  (
    await t.db
      .selectFrom("event_exhibitors")
      .select("id")
      .where("event_id", "=", fair.eventId)
      .where("organization_id", "=", organizationId)
      .executeTakeFirstOrThrow()
  ).id;

const products = {} as Record<"liquor" | "rawLiquor" | "pepper" | "chilli" | "walnut" | "cherry", { id: number; organization_id: number }>;

beforeAll(async () => {
  t = await createTestDatabase();
  fair = await seedSampleFair(t.db);
  products.liquor = await fair.product("示例互助青稞酒 42度 500毫升");
  products.rawLiquor = await fair.product("示例青稞原浆酒 礼盒");
  products.pepper = await fair.product("示例循化大红袍花椒");
  products.chilli = await fair.product("示例循化线辣椒 干制");
  products.walnut = await fair.product("示例循化薄皮核桃");
  products.cherry = await fair.product("示例乐都大樱桃");
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: `ep${process.pid}_`, env: { DATA_DIR: fair.dataDir } });
  await waitForFairIndexed(app.url);
  const account = await createAccount(t.db, { role: "fair_staff" });
  staff = httpClient(app.url);
  expect((await staff.signIn(account.email, account.password)).status).toBe(302);
});
afterAll(async () => {
  await app?.stop();
  fair?.cleanup();
  await t?.drop();
});

describe("the catalogue on the event page", () => {
  it("shows each entry's photo: small, lazy, sized so nothing jumps, described in the page's language", async () => {
    const html = await page();
    const imgs = [...html.matchAll(/<img [^>]*class="event-photo"[^>]*>/g)].map((m) => m[0]);
    expect(imgs.length).toBeGreaterThan(3);
    for (const img of imgs) {
      expect(img).toContain('loading="lazy"');
      expect(img).toMatch(/width="160"/);
      expect(img).toMatch(/height="120"/);
      expect(img).toMatch(/src="\/images\/[^"]+"/);
    }
    expect(imgs.some((img) => img.includes('alt="示例互助青稞酒 42度 500毫升(示例图片)"'))).toBe(true);
    // the photo is really there
    const src = /src="([^"]+)"/.exec(imgs[0]!)![1]!;
    expect((await buyer().get(src)).status).toBe(200);
    // entries lead to the product page naming this fair and booth
    expect(html).toContain(`href="/products/${products.liquor.id}?event=${fair.eventId}"`);
  });
});

describe("the search within the event", () => {
  it("is a GET form that works without JavaScript, with a category select", async () => {
    const html = await page();
    expect(html).toMatch(/<form[^>]*method="get"[^>]*action="\/events\/\d+"/);
    expect(html).toContain('name="q"');
    expect(html).toMatch(/<select[^>]*name="category"/);
    expect(html).toContain('<option value="调味品"');
  });

  it("narrows by Chinese: photo, name, producer, hall and booth, linked to the product at this fair", async () => {
    const results = part(await page(`?q=${encodeURIComponent("青稞")}`), "event-results", "event-directory");
    expect(text(results)).toContain("找到 2 件产品");
    expect(results).toContain(`href="/products/${products.liquor.id}?event=${fair.eventId}"`);
    expect(results).toContain(`href="/products/${products.rawLiquor.id}?event=${fair.eventId}"`);
    expect(results).not.toContain(`/products/${products.pepper.id}?`);
    expect(results).toContain('class="event-photo"');
    expect(text(results)).toContain("互助示例青稞酒业有限公司");
    expect(text(results)).toContain("A 馆 A01 展位");
  });

  it("narrows by pinyin initials as the kiosk does", async () => {
    const results = part(await page("?q=qkj"), "event-results", "event-directory");
    expect(results).toContain(`/products/${products.liquor.id}?`);
    expect(results).not.toContain(`/products/${products.rawLiquor.id}?`);
    expect(results).not.toContain(`/products/${products.pepper.id}?`);
  });

  it("filters by category, alone and with words", async () => {
    const spices = part(await page(`?category=${encodeURIComponent("调味品")}`), "event-results", "event-directory");
    expect(spices).toContain(`/products/${products.pepper.id}?`);
    expect(spices).toContain(`/products/${products.chilli.id}?`);
    expect(spices).not.toContain(`/products/${products.walnut.id}?`);
    expect(spices).not.toContain(`/products/${products.liquor.id}?`);
    const nuts = part(await page(`?q=${encodeURIComponent("循化")}&category=${encodeURIComponent("坚果")}`), "event-results", "event-directory");
    expect(nuts).toContain(`/products/${products.walnut.id}?`);
    expect(nuts).not.toContain(`/products/${products.pepper.id}?`);
    // the form keeps what was searched
    expect(await page(`?category=${encodeURIComponent("坚果")}`)).toMatch(/<option[^>]*value="坚果"[^>]*selected=""/);
  });

  it("says so when nothing matches, with a way back to the whole catalogue", async () => {
    const html = await page(`?q=${encodeURIComponent("没有这种东西")}`);
    const results = part(html, "event-results", "event-directory");
    expect(text(results)).toContain("没有找到符合条件的产品。");
    expect(results).toContain(`href="/events/${fair.eventId}"`);
    expect(results).not.toContain("/products/");
    // without a search the curated catalogue shows instead
    expect(html).not.toContain("重点推介");
    expect(await page()).toContain("重点推介");
  });
});

describe("the exhibitor directory", () => {
  it("lists every exhibitor by hall and booth in natural order (A2 before A10), with organisation and booth pages", async () => {
    const liquorBooth = await exhibitorOf(products.liquor.organization_id);
    const cherryBooth = await exhibitorOf(products.cherry.organization_id);
    await t.db.updateTable("event_exhibitors").set({ hall: "A", booth: "A10" }).where("id", "=", liquorBooth).execute();
    await t.db.updateTable("event_exhibitors").set({ hall: "A", booth: "A2" }).where("id", "=", cherryBooth).execute();
    const directory = part(await page(), "event-directory");
    expect(directory).toMatch(/<caption[^>]*>/);
    expect(directory).toContain('<th scope="col">展位</th>');
    const a2 = directory.indexOf(">A2<");
    const a10 = directory.indexOf(">A10<");
    expect(a2).toBeGreaterThan(-1);
    expect(a10).toBeGreaterThan(a2);
    expect(directory.indexOf(">A03<")).toBeGreaterThan(a2);
    expect(directory.indexOf(">A03<")).toBeLessThan(a10);
    expect(directory.indexOf(">B05<")).toBeGreaterThan(a10);
    expect(directory).toContain(`href="/organizations/${products.liquor.organization_id}"`);
    expect(directory).toContain(`href="/events/${fair.eventId}/booth/${liquorBooth}"`);
    expect((await buyer().get(`/events/${fair.eventId}/booth/${liquorBooth}`)).status).toBe(200);
  });

  it("leaves out a withdrawn exhibitor and its products, and a company not yet reviewed", async () => {
    const pepperBooth = await exhibitorOf(products.pepper.organization_id);
    const res = await staff.post(`/events/${fair.eventId}/manage`, { intent: "remove-exhibitor", id: pepperBooth });
    expect(res.status).toBe(302);
    const html = await page();
    const directory = part(html, "event-directory");
    expect(directory).not.toContain("循化县示例花椒专业合作社");
    expect(directory).not.toContain(`/booth/${pepperBooth}"`);
    const spices = part(await page(`?category=${encodeURIComponent("调味品")}`), "event-results", "event-directory");
    expect(spices).not.toContain(`/products/${products.pepper.id}?`);
    // a company not published (imported for review) stays off the directory too
    await t.db.updateTable("organizations").set({ status: "draft" }).where("id", "=", products.cherry.organization_id).execute();
    try {
      expect(part(await page(), "event-directory")).not.toContain("乐都区示例果蔬种植专业合作社");
    } finally {
      await t.db.updateTable("organizations").set({ status: "published" }).where("id", "=", products.cherry.organization_id).execute();
    }
    expect((await staff.post(`/events/${fair.eventId}/manage`, { intent: "restore-exhibitor", id: pepperBooth })).status).toBe(302);
    expect(part(await page(), "event-directory")).toContain("循化县示例花椒专业合作社");
  });
});

describe("the schedule", () => {
  const year = () => t.db.selectFrom("events").select(["starts_on", "schedule"]).where("id", "=", fair.eventId).executeTakeFirstOrThrow();

  it("is shown by day with every time labelled 北京时间 (China time in English)", async () => {
    const { starts_on } = await year();
    const y = starts_on.slice(0, 4);
    const schedule = text(part(await page(), "event-schedule", "event-search-title"));
    expect(schedule).toContain("日程");
    const first = schedule.indexOf(`${y}-05-16`);
    const second = schedule.indexOf(`${y}-05-17`);
    const third = schedule.indexOf(`${y}-05-18`);
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
    expect(third).toBeGreaterThan(second);
    expect(schedule.indexOf("开幕式")).toBeGreaterThan(first);
    expect(schedule.indexOf("开幕式")).toBeLessThan(second);
    expect(schedule.indexOf("签约仪式")).toBeGreaterThan(second);
    expect(schedule.indexOf("闭幕式")).toBeGreaterThan(third);
    expect(schedule).toMatch(/09:30\s*北京时间/);
    expect(schedule).toContain("全天");
    const en = text(part(await page("?lang=en"), "event-schedule", "event-search-title"));
    expect(en).toContain("Opening ceremony");
    expect(en).toMatch(/09:30\s*China time/);
  });

  it("is edited by fair staff; a wrong line is refused by its number and nothing is saved", async () => {
    const before = await year();
    const y = before.starts_on.slice(0, 4);
    const typed = [`${y}-05-16 09:00 开幕式 | Opening @ 主会场`, `${y}-05-16 25:00 晚宴`, `${y}-06-01 09:00 参观`].join("\n");
    const refused = await staff.post(`/events/${fair.eventId}/manage`, { intent: "save-schedule", schedule: typed });
    expect(refused.status).toBe(400);
    const body = text(await refused.text());
    expect(body).toContain("日程没有保存");
    expect(body).toContain("第 2 行");
    expect(body).toContain("第 3 行");
    expect(body).not.toContain("第 1 行");
    // what was typed stays in the textarea
    expect(body).toContain(`${y}-05-16 25:00 晚宴`);
    expect((await year()).schedule).toEqual(before.schedule);
    // a buyer cannot edit it
    const stranger = await buyer().post(`/events/${fair.eventId}/manage`, { intent: "save-schedule", schedule: `${y}-05-16 冒充` });
    expect([302, 403]).toContain(stranger.status);
    if (stranger.status === 302) expect(stranger.headers.get("location")).toMatch(/\/login/);
    expect((await year()).schedule).toEqual(before.schedule);

    const saved = await staff.post(`/events/${fair.eventId}/manage`, {
      intent: "save-schedule",
      schedule: `${y}-05-17 14:00 产销对接洽谈 | Matchmaking @ B 馆\n${y}-05-16 08:45 开幕式 | Opening ceremony @ 主会场`,
    });
    expect(saved.status).toBe(302);
    expect((await year()).schedule).toEqual([
      { date: `${y}-05-16`, time: "08:45", title_zh: "开幕式", title_en: "Opening ceremony", place_zh: "主会场" },
      { date: `${y}-05-17`, time: "14:00", title_zh: "产销对接洽谈", title_en: "Matchmaking", place_zh: "B 馆" },
    ]);
    const schedule = text(part(await page(), "event-schedule", "event-search-title"));
    expect(schedule).toMatch(/08:45\s*北京时间/);
    expect(schedule).not.toContain("签约仪式");
    // the manage screen shows it back in the same format
    expect(text(await (await staff.get(`/events/${fair.eventId}/manage`)).text())).toContain(`${y}-05-16 08:45 开幕式 | Opening ceremony @ 主会场`);
  });
});
