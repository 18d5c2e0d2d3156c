import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app";
import { launchBrowser } from "../support/browser";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { seedSampleFair } from "../support/events";

describe("fair staff present the catalogue with the keyboard", () => {
  let t: TestDatabase;
  let app: TestApp;
  let browser: Browser;
  let fair: Awaited<ReturnType<typeof seedSampleFair>>;

  beforeAll(async () => {
    t = await createTestDatabase();
    fair = await seedSampleFair(t.db);
    app = await startTestApp({
      databaseUrl: t.url,
      indexPrefix: `pr${process.pid}_`,
      env: { DATA_DIR: fair.dataDir, PUBLIC_ORIGIN: "https://catalogue.haidong.example" },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    fair?.cleanup();
    await t?.drop();
  });

  it("steps through the slides with arrows, PageDown/PageUp and Space, and keeps working offline once loaded", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(`${app.url}/events/${fair.eventId}/present`);
    const visible = page.locator("section.slide:not([hidden])");
    // the first slide: the first highlight, big, with its booth, badge and a QR code to the public product page
    await expect.poll(() => visible.locator("h2").textContent()).toBe("示例互助青稞酒 42度 500毫升");
    expect(await visible.locator(".slide-booth").textContent()).toMatch(/A0\d/);
    expect(await visible.locator(".slide-qr svg").getAttribute("aria-label")).toMatch(/^https:\/\/catalogue\.haidong\.example\/products\/\d+\?event=\d+$/);
    const fontSize = await visible.locator("h2").evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(64);
    // wait for hydration (the page marks the offline cache as filled)
    await page.locator('.present[data-offline-ready="true"]').waitFor({ timeout: 20_000 });

    await page.keyboard.press("ArrowRight");
    await expect.poll(() => visible.locator("h2").textContent()).toBe("示例循化大红袍花椒");
    await page.keyboard.press("PageDown");
    await expect.poll(() => visible.locator("h2").textContent()).toBe("示例白牦牛肉 冷冻分割");
    await page.keyboard.press("PageUp");
    await expect.poll(() => visible.locator("h2").textContent()).toBe("示例循化大红袍花椒");
    await page.keyboard.press("Space");
    await expect.poll(() => visible.locator("h2").textContent()).toBe("示例白牦牛肉 冷冻分割");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => page.locator(".present").getAttribute("data-slide")).toBe("1");

    // the venue Wi-Fi goes: a reload still shows the presentation with its pictures
    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => visible.locator("h2").textContent(), { timeout: 10_000 }).toBe("示例互助青稞酒 42度 500毫升");
    const loaded = await visible.locator(".slide-photo img").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);
    expect(loaded).toBe(true);
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => visible.locator("h2").textContent()).toBe("示例循化大红袍花椒");
    await context.close();
  });

  it("advances by itself with ?auto=, and the A key or the button turns that off", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(`${app.url}/events/${fair.eventId}/present?auto=1`);
    const slide = () => page.locator(".present").getAttribute("data-slide");
    const toggle = page.locator("button[aria-pressed]");
    expect(await toggle.getAttribute("aria-pressed")).toBe("true");
    // no key pressed: the slides move on their own (waiting for the change, not timing it)
    await expect.poll(slide, { timeout: 15_000 }).toBe("2");
    await expect.poll(slide, { timeout: 15_000 }).toBe("3");
    await page.keyboard.press("a");
    await expect.poll(() => toggle.getAttribute("aria-pressed")).toBe("false");
    await toggle.click();
    await expect.poll(() => toggle.getAttribute("aria-pressed")).toBe("true");

    // 适老模式 promises that nothing moves by itself: the same link stays on its slide, offers no auto-advance and
    // its key help does not mention the A key, which does nothing there
    await page.goto(`${app.url}/events/${fair.eventId}/present?auto=1&elder=1`);
    await page.locator('.present[data-offline-ready="true"]').waitFor({ timeout: 20_000 });
    expect(await toggle.count()).toBe(0);
    expect(await page.locator(".present-controls").textContent()).not.toMatch(/A|自动/);
    await page.keyboard.press("a");
    // a fixed wait is the only way to see that nothing happens: three periods of ?auto=1
    await page.waitForTimeout(3_000);
    expect(await slide()).toBe("1");
    await page.keyboard.press("ArrowRight");
    await expect.poll(slide).toBe("2");
    await context.close();
  });
});
