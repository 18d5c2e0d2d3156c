import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withdrawExhibitor } from "../../db/queries/event-exhibitors";
import { startTestApp, type TestApp } from "../support/app";
import { axeViolations, browserAvailable, launchBrowser } from "../support/browser";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { seedSampleFair, waitForFairIndexed } from "../support/events";

// Issue 19 item 10, "after the scan": a product page reached from the presenter, the printed catalogue or the kiosk
// says 在 <fair> · <hall booth> and offers the booth's lead form and an inquiry; the kiosk hand-off lands in the
// visitor's own shortlist (对比清单), not in a bare list of ids.

const LIQUOR = "示例互助青稞酒 42度 500毫升";
const PEPPER = "示例循化大红袍花椒";
const CHERRY = "示例乐都大樱桃";
const YAK = "示例白牦牛肉 冷冻分割";

describe.skipIf(!browserAvailable)("after the scan, a visitor finds the fair's booth and an inquiry, and the kiosk list in their own shortlist", () => {
  let t: TestDatabase;
  let app: TestApp;
  let browser: Browser;
  let fair: Awaited<ReturnType<typeof seedSampleFair>>;
  let eventName = "";
  let eventNameEn = "";

  beforeAll(async () => {
    t = await createTestDatabase();
    fair = await seedSampleFair(t.db);
    const event = await t.db.selectFrom("events").select(["name_zh", "name_en"]).where("id", "=", fair.eventId).executeTakeFirstOrThrow();
    eventName = event.name_zh;
    eventNameEn = event.name_en!;
    app = await startTestApp({ databaseUrl: t.url, indexPrefix: `as${process.pid}_`, env: { DATA_DIR: fair.dataDir } });
    await waitForFairIndexed(app.url);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    fair?.cleanup();
    await t?.drop();
  });

  /** "A 馆 A01 展位": where the product's organisation exhibits at the sample fair. */
  async function boothOf(name: string) {
    const p = await fair.product(name);
    const x = await t.db
      .selectFrom("event_exhibitors")
      .select(["id", "hall", "booth"])
      .where("event_id", "=", fair.eventId)
      .where("organization_id", "=", p.organization_id)
      .executeTakeFirstOrThrow();
    return { ...x, text: `${x.hall} 馆 ${x.booth} 展位`, textEn: `Hall ${x.hall}, booth ${x.booth}`, productId: p.id };
  }

  const notice = (page: Page, at = /^在/) => page.getByRole("complementary", { name: at });

  async function expectTargets(page: Page, min: number) {
    for (const target of [notice(page).getByRole("link", { name: "留下联系方式" }), notice(page).getByRole("button", { name: "询价" })]) {
      const box = (await target.boundingBox())!;
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(min);
      expect(box.x + box.width).toBeLessThanOrEqual(360);
    }
  }

  it(
    "a visitor scans a presenter slide at 360 px, reads 在 <fair> · <hall booth>, opens the booth's lead form and asks for a quote",
    { timeout: 90_000 },
    async () => {
      const booth = await boothOf(LIQUOR);
      const screen = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const slides = await screen.newPage();
      await slides.goto(`${app.url}/events/${fair.eventId}/present`);
      const qr = (await slides.locator("section.slide:not([hidden]) .slide-qr svg").getAttribute("aria-label"))!;
      expect(qr).toMatch(new RegExp(`/products/${booth.productId}\\?event=${fair.eventId}$`));
      // the printed catalogue's codes carry the fair too
      const print = await (await fetch(`${app.url}/events/${fair.eventId}/print`)).text();
      expect(print).toContain(`/products/${booth.productId}?event=${fair.eventId}`);
      await screen.close();

      const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
      const page = await phone.newPage();
      await page.goto(qr.replace(/^https?:\/\/[^/]+/, app.url));
      await expect.poll(() => notice(page).getByRole("paragraph").first().innerText()).toBe(`在 ${eventName} · ${booth.text}`);
      await expectTargets(page, 24);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect(await axeViolations(page)).toEqual([]);

      await notice(page).getByRole("link", { name: "留下联系方式" }).click();
      await page.waitForURL((url) => url.pathname === `/events/${fair.eventId}/booth/${booth.id}` && url.hash === "#lead-form");
      await page.getByRole("heading", { name: "留下联系方式" }).waitFor();
      // the lead is about this product unless the visitor says otherwise
      expect(await page.getByLabel("感兴趣的产品(可选)").inputValue()).toBe(String(booth.productId));
      await page.goBack();

      // 询价: onto the visitor's shortlist, then the inquiry with this product chosen
      await notice(page).getByRole("button", { name: "询价" }).click();
      await page.waitForURL((url) => url.pathname === "/shortlist/inquiry");
      expect(await page.getByRole("group", { name: LIQUOR, exact: true }).getByRole("checkbox", { name: "询价此产品" }).isChecked()).toBe(true);

      // 适老模式: targets of 44 px at least, still within 360 px
      await page.goto(`${app.url}/products/${booth.productId}?event=${fair.eventId}&elder=1`);
      await expectTargets(page, 44);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      // in English (still in 适老模式), with no Chinese outside the names
      await page.goto(`${app.url}/products/${booth.productId}?event=${fair.eventId}&lang=en`);
      const en = notice(page, /^At /);
      expect((await en.getByRole("paragraph").first().textContent())!.replace(/\s+/g, " ").trim()).toBe(`At ${eventNameEn} · ${booth.textEn}`);
      expect(await en.getByRole("link", { name: "Leave your contact details" }).count()).toBe(1);
      expect(await en.getByRole("button", { name: "Ask for a quote" }).count()).toBe(1);
      expect(await en.evaluate((el) => el.textContent)).not.toMatch(/\p{Script=Han}/u);
      await phone.close();
    },
  );

  it("works without JavaScript, and says nothing for a withdrawn booth or for an event the product is not at", { timeout: 60_000 }, async () => {
    const booth = await boothOf(YAK);
    const noScript = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    const page = await noScript.newPage();
    // the parameter only chooses among the product's fairs: a made-up one still names the real fair
    await page.goto(`${app.url}/products/${booth.productId}?event=999999`);
    expect(await notice(page).getByRole("paragraph").first().innerText()).toBe(`在 ${eventName} · ${booth.text}`);
    await notice(page).getByRole("button", { name: "询价" }).click();
    await page.waitForURL((url) => url.pathname === "/shortlist/inquiry");
    expect(await page.getByRole("group", { name: YAK, exact: true }).getByRole("checkbox", { name: "询价此产品" }).isChecked()).toBe(true);

    await withdrawExhibitor(t.db, fair.eventId, booth.id);
    await page.goto(`${app.url}/products/${booth.productId}?event=${fair.eventId}`);
    await page.getByRole("heading", { level: 1, name: YAK }).waitFor();
    expect(await notice(page).count()).toBe(0);
    // a fair that is over is not advertised either
    const pepper = await boothOf(PEPPER);
    await t.db.updateTable("events").set({ starts_on: "2020-05-16", ends_on: "2020-05-18" }).where("id", "=", fair.eventId).execute();
    await page.goto(`${app.url}/products/${pepper.productId}?event=${fair.eventId}`);
    await page.getByRole("heading", { level: 1, name: PEPPER }).waitFor();
    expect(await notice(page).count()).toBe(0);
    await t.db.updateTable("events").set({ starts_on: "2099-05-16", ends_on: "2099-05-18" }).where("id", "=", fair.eventId).execute();
    await noScript.close();
  });

  it("a visitor scans the kiosk QR and finds the products in their own 对比清单 with an inquiry action", { timeout: 90_000 }, async () => {
    const kiosk = await browser.newContext({ viewport: { width: 1280, height: 900 }, hasTouch: true });
    const screen = await kiosk.newPage();
    await screen.goto(`${app.url}/events/${fair.eventId}/kiosk?q=${encodeURIComponent("花椒")}`);
    await screen.getByRole("button", { name: `加入我的清单: ${PEPPER}` }).click();
    await screen.getByRole("heading", { name: "我的清单(1)" }).waitFor();
    await screen.goto(`${app.url}/events/${fair.eventId}/kiosk?q=${encodeURIComponent("樱桃")}`);
    await screen.getByRole("button", { name: `加入我的清单: ${CHERRY}` }).click();
    await screen.getByRole("heading", { name: "我的清单(2)" }).waitFor();
    await screen.getByRole("button", { name: "扫码带走清单" }).click();
    const qr = screen.locator(".kiosk-qr svg");
    await qr.waitFor();
    const url = (await qr.getAttribute("aria-label"))!;

    // the visitor had shortlisted something on their phone before: the kiosk's products join it
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    const liquor = await fair.product(LIQUOR);
    await page.goto(`${app.url}/products/${liquor.id}`);
    await page.locator('input[name="js"]').first().waitFor({ state: "attached" });
    await page.getByRole("button", { name: new RegExp(`^加入对比清单\\s*:\\s*${LIQUOR}$`) }).click();
    await page.getByRole("status").filter({ hasText: "已加入对比清单(共 1 件)。" }).waitFor();

    await page.goto(url);
    await page.waitForURL((u) => u.pathname === "/shortlist");
    await page.getByRole("heading", { level: 1, name: "对比清单" }).waitFor();
    expect(await page.getByRole("status").filter({ hasText: "已从自助查询屏加入 2 件产品。" }).count()).toBe(1);
    // the phone's own product first, then the kiosk's in the order the visitor picked them
    expect(await page.locator(".shortlist__items h2").allInnerTexts()).toEqual([LIQUOR, PEPPER, CHERRY]);
    expect(await axeViolations(page)).toEqual([]);
    // the list is the visitor's own: it is there without the notice, after the QR code is spent
    const again = await fetch(url, { redirect: "manual" });
    expect(again.status).toBe(410);
    await page.goto(`${app.url}/shortlist`);
    for (const name of [LIQUOR, PEPPER, CHERRY]) expect(await page.getByRole("link", { name, exact: true }).count()).toBe(1);
    expect(await page.getByRole("status").filter({ hasText: "自助查询屏" }).count()).toBe(0);

    await page.getByRole("link", { name: "发送询价" }).click();
    await page.waitForURL((u) => u.pathname === "/shortlist/inquiry");
    for (const name of [PEPPER, CHERRY])
      expect(await page.getByRole("group", { name, exact: true }).getByRole("checkbox", { name: "询价此产品" }).isChecked()).toBe(true);
    // and each product page names the booth
    await page.goto(`${app.url}/shortlist`);
    await page.getByRole("link", { name: CHERRY, exact: true }).click();
    const cherry = await boothOf(CHERRY);
    await expect.poll(() => notice(page).getByRole("paragraph").first().innerText()).toBe(`在 ${eventName} · ${cherry.text}`);
    await phone.close();
    await kiosk.close();
  });
});
