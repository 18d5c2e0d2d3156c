import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app";
import { launchBrowser } from "../support/browser";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { seedSampleFair, waitForFairIndexed } from "../support/events";

describe("a visitor hands the kiosk shortlist over to their phone", () => {
  let t: TestDatabase;
  let app: TestApp;
  let browser: Browser;
  let fair: Awaited<ReturnType<typeof seedSampleFair>>;

  beforeAll(async () => {
    t = await createTestDatabase();
    fair = await seedSampleFair(t.db);
    app = await startTestApp({ databaseUrl: t.url, indexPrefix: `ki${process.pid}_`, env: { DATA_DIR: fair.dataDir } });
    await waitForFairIndexed(app.url);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    fair?.cleanup();
    await t?.drop();
  });

  it("searches by pinyin with large targets, shortlists two products and takes them to the phone with a one-time QR code", { timeout: 90_000 }, async () => {
    const kiosk = await browser.newContext({ viewport: { width: 1280, height: 900 }, hasTouch: true });
    const page = await kiosk.newPage();
    await page.goto(`${app.url}/events/${fair.eventId}/kiosk`);
    // pinyin initials of 花椒
    await page.getByLabel("产品名称或拼音").fill("hj");
    await page.getByRole("button", { name: "查找", exact: true }).click();
    // the start page lists 花椒 too: wait for the search itself, not just the heading
    await page.waitForURL((url) => url.searchParams.get("q") === "hj");
    await page.getByRole("heading", { name: "示例循化大红袍花椒" }).waitFor();
    const add = page.getByRole("button", { name: "加入我的清单: 示例循化大红袍花椒" });
    const box = await add.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(60);
    await add.click();
    await page.getByRole("heading", { name: "我的清单(1)" }).waitFor();
    await page.getByRole("link", { name: "水果", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("category") === "水果");
    await page.getByRole("button", { name: "加入我的清单: 示例乐都大樱桃" }).click();
    await page.getByRole("heading", { name: "我的清单(2)" }).waitFor();
    // the yak meat is not a fruit
    expect(await page.getByRole("heading", { name: "示例白牦牛肉 冷冻分割" }).count()).toBe(0);

    await page.getByRole("button", { name: "扫码带走清单" }).click();
    const qr = page.locator(".kiosk-qr svg");
    await qr.waitFor();
    const url = (await qr.getAttribute("aria-label"))!;
    expect(url).toMatch(/\/events\/\d+\/take\/[A-Za-z0-9_-]{43}$/);

    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const mobile = await phone.newPage();
    await mobile.goto(url);
    // the list lands in the phone's own shortlist (after-the-scan-….test.ts follows it to the inquiry)
    await mobile.waitForURL((u) => u.pathname === "/shortlist");
    await mobile.getByRole("heading", { level: 1, name: "对比清单" }).waitFor();
    // each product's own link (its 询价 / 索样 link names it too, after the action)
    expect(await mobile.getByRole("link", { name: "示例循化大红袍花椒", exact: true }).count()).toBe(1);
    expect(await mobile.getByRole("link", { name: "示例乐都大樱桃", exact: true }).count()).toBe(1);
    // the kiosk notices the scan and starts over at once: the next visitor sees neither the list nor the QR code
    await page.locator(".kiosk[data-at-start='true']").waitFor({ timeout: 15_000 });
    expect(await page.locator(".kiosk-qr").count()).toBe(0);
    expect(await page.getByRole("heading", { name: "我的清单(0)" }).count()).toBe(1);
    // the phone keeps the list; the QR code itself works once
    await mobile.reload();
    expect(await mobile.getByRole("link", { name: "示例乐都大樱桃", exact: true }).count()).toBe(1);
    const again = await fetch(url, { redirect: "manual" });
    expect(again.status).toBe(410);
    await phone.close();
    await kiosk.close();
  });

  it("cannot be left: no site header or footer (sign-in, sign-up, language, other pages), every link stays in the kiosk", { timeout: 60_000 }, async () => {
    const kiosk = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    const page = await kiosk.newPage();
    await page.goto(`${app.url}/events/${fair.eventId}/kiosk`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(await page.locator(".site-header, .site-footer").count()).toBe(0);
    expect(await page.getByRole("link", { name: "登录" }).count()).toBe(0);
    const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.filter((h) => h !== `/events/${fair.eventId}/kiosk`)).toEqual([]);
    // the rest of the site keeps its header
    await page.goto(`${app.url}/events/${fair.eventId}`);
    expect(await page.locator(".site-header").count()).toBe(1);
    await kiosk.close();
  });

  it("goes back to the start and clears the kiosk's shortlist after the idle timeout", { timeout: 90_000 }, async () => {
    const kiosk = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await kiosk.newPage();
    await page.goto(`${app.url}/events/${fair.eventId}/kiosk?idle=3&q=${encodeURIComponent("花椒")}`);
    await page.locator(".kiosk[data-idle-seconds='3']").waitFor();
    await page.getByRole("button", { name: "加入我的清单: 示例循化大红袍花椒" }).click();
    await page.getByRole("heading", { name: "我的清单(1)" }).waitFor();
    const before = (await t.db.selectFrom("kiosk_shortlist_items").select("product_id").execute()).length;
    expect(before).toBeGreaterThanOrEqual(1);
    // no touch for 3 s: the kiosk resets by itself
    await page.locator(".kiosk[data-at-start='true']").waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).search).toBe("?idle=3");
    expect(await page.getByRole("heading", { name: "我的清单(0)" }).count()).toBe(1);
    expect(await page.getByLabel("产品名称或拼音").inputValue()).toBe("");
    expect(await t.db.selectFrom("kiosk_shortlist_items").select("product_id").execute()).toHaveLength(before - 1);
    await kiosk.close();
  });
});
