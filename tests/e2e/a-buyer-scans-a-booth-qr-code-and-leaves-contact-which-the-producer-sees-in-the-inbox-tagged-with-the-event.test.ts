import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { axeViolations, browserAvailable, launchBrowser, signInInBrowser } from "../support/browser";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { seedSampleFair } from "../support/events";

const EVENT = "海东市特色农产品产销对接会(示例)";
const LIQUOR_ORG = "互助示例青稞酒业有限公司";

describe.skipIf(!browserAvailable)("a buyer scans a booth QR code and leaves contact, which the producer sees in the inbox tagged with the event", () => {
  let t: TestDatabase;
  let app: TestApp;
  let browser: Browser;
  let fair: Awaited<ReturnType<typeof seedSampleFair>>;
  let staff: Awaited<ReturnType<typeof createAccount>>;
  let producer: Awaited<ReturnType<typeof createAccount>>;
  let boothUrl = "";

  beforeAll(async () => {
    t = await createTestDatabase();
    fair = await seedSampleFair(t.db);
    const liquor = await fair.product("示例互助青稞酒 42度 500毫升");
    staff = await createAccount(t.db, { role: "fair_staff" });
    producer = await createAccount(t.db);
    await t.db.updateTable("users").set({ organization_id: liquor.organization_id }).where("id", "=", producer.id).execute();
    app = await startTestApp({ databaseUrl: t.url, indexPrefix: `bq${process.pid}_`, env: { DATA_DIR: fair.dataDir } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    fair?.cleanup();
    await t?.drop();
  });

  const signIn = (page: Page, account: { email: string; password: string }) => signInInBrowser(page, app.url, account);

  async function expectAxeCleanInEveryMode(page: Page, url: string) {
    for (const q of ["", "lang=en", "elder=1", "lang=zh-CN"]) {
      await page.goto(q ? `${url}${url.includes("?") ? "&" : "?"}${q}` : url);
      expect({ page: page.url(), violations: await axeViolations(page) }).toEqual({ page: page.url(), violations: [] });
      if (q === "lang=en") expect({ page: page.url(), untranslated: await untranslated(page) }).toEqual({ page: page.url(), untranslated: [] });
    }
  }

  /** Chinese text outside any lang="zh-CN" content: interface words left untranslated on an English page. */
  async function untranslated(page: Page) {
    return page.evaluate(() => {
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!/\p{Script=Han}/u.test(node.textContent ?? "")) continue;
        const owner = node.parentElement?.closest("[lang]");
        if ((owner && owner !== document.documentElement) || node.parentElement?.closest("script, style, [hidden]")) continue;
        found.push((node.textContent ?? "").trim().slice(0, 60));
      }
      return found;
    });
  }

  it("fair staff print the booth's QR code from the manage page", { timeout: 120_000 }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, staff);
    await page.goto(`${app.url}/events/${fair.eventId}/manage`);
    await page.getByRole("link", { name: new RegExp(`^展位二维码\\(打印\\)\\s*:\\s*${LIQUOR_ORG}$`) }).click();
    await page.getByRole("heading", { level: 2, name: LIQUOR_ORG }).waitFor();
    const code = page.getByRole("img", { name: /^展位二维码,链接:/ });
    expect(await code.count()).toBe(1);
    boothUrl = (await page.locator(".booth-sheet__url").textContent())!.trim();
    expect(boothUrl).toMatch(new RegExp(`^${app.url}/events/${fair.eventId}/booth/\\d+$`));
    expect((await code.getAttribute("aria-label"))!.endsWith(boothUrl)).toBe(true);
    await expectAxeCleanInEveryMode(page, page.url());
    await context.close();
  });

  it("a buyer's phone opens the booth page, is told what is missing, and sends a lead", { timeout: 180_000 }, async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    await expectAxeCleanInEveryMode(page, boothUrl);
    await page.goto(boothUrl);
    await page.getByRole("heading", { level: 1, name: LIQUOR_ORG }).waitFor();
    // scrolls no wider than the phone
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByRole("button", { name: "发送给生产者" }).click();
    await page.getByText("请填写您感兴趣的内容").waitFor();
    await page.getByText("请填写姓名").waitFor();
    await page.getByText("请填写电子邮箱或电话,生产者才能联系您").waitFor();
    await page.getByText("请勾选同意后再提交", { exact: false }).waitFor(); // PIPL: the box is never ticked for them
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("您感兴趣的内容 *").fill("想给单位订 50 箱做年货,请报价。");
    await page.getByLabel("感兴趣的产品(可选)").selectOption({ label: "示例互助青稞酒 42度 500毫升" });
    await page.getByLabel("姓名 *").fill("褚扫码");
    await page.getByLabel("电子邮箱").fill("chu@buyer.example.com");
    await page.getByLabel(/同意按此处理我的个人信息/).check();
    await page.getByRole("button", { name: "发送给生产者" }).click();
    await page.waitForURL((u) => u.pathname.startsWith("/inquiries/"));
    await page.getByText("询价已发送给 1 位生产者。").waitFor();
    await page.getByText(EVENT).first().waitFor();
    await phone.close();
  });

  it("works without JavaScript too", { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${boothUrl}?lang=en`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.getByLabel("What interests you *").fill("Samples for our shop in Chengdu, please.");
    await page.getByLabel("Name *").fill("No-script buyer");
    await page.getByLabel("Phone").fill("12");
    await page.getByRole("button", { name: "Send to the producer" }).click();
    await page.getByText("This is not a valid phone number").waitFor();
    await page.getByLabel("Phone").fill("+86 28 1234 5678");
    await page.getByLabel(/agree to my personal information/).check();
    await page.getByRole("button", { name: "Send to the producer" }).click();
    await page.waitForURL((u) => u.pathname.startsWith("/inquiries/"));
    await context.close();
    expect(await t.db.selectFrom("inquiries").select(["source", "event_id"]).where("buyer_name", "=", "No-script buyer").executeTakeFirst()).toEqual({
      source: "booth",
      event_id: fair.eventId,
    });
  });

  it("the producer finds both leads in the inbox, tagged with the fair", { timeout: 120_000 }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, producer);
    await page.goto(`${app.url}/producer/inbox`);
    const row = page.getByRole("row", { name: /褚扫码/ });
    await row.waitFor();
    const tag = (await row.locator(".badge--event").textContent())!;
    expect(tag.startsWith("对接会:")).toBe(true);
    expect(tag).toContain(EVENT);
    expect(await page.getByRole("row", { name: /No-script buyer/ }).count()).toBe(1);
    expect({ violations: await axeViolations(page) }).toEqual({ violations: [] });
    await row.getByRole("link").first().click();
    await page.getByRole("heading", { level: 1, name: /褚扫码/ }).waitFor();
    expect(await page.getByRole("link", { name: "chu@buyer.example.com" }).count()).toBe(1);
    await page.getByText(EVENT).first().waitFor();
    expect({ violations: await axeViolations(page) }).toEqual({ violations: [] });
    await page.goto(`${app.url}/producer`);
    await page.getByRole("heading", { level: 2, name: "您的展位" }).waitFor();
    await context.close();
  });

  it("fair staff read the fair summary: scans, leads and deals per exhibitor, in every mode", { timeout: 120_000 }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, staff);
    await page.goto(`${app.url}/events/${fair.eventId}/manage`);
    await page.getByRole("link", { name: "展位数据报告" }).click();
    await page.getByRole("heading", { level: 1, name: /展位数据报告/ }).waitFor();
    const row = page.getByRole("row", { name: new RegExp(LIQUOR_ORG) });
    // the sample lead and the two left above
    expect((await row.locator("td").nth(2).textContent())!.trim()).toBe("3");
    expect(Number((await row.locator("td").nth(1).textContent())!.trim())).toBeGreaterThanOrEqual(5);
    await expectAxeCleanInEveryMode(page, page.url());
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载 CSV" }).click()]);
    expect(download.suggestedFilename()).toBe(`event-${fair.eventId}-report.csv`);
    await context.close();
  });
});
