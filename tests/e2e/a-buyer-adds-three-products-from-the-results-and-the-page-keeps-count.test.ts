import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pendingSearchEventCount } from "../../db/queries/outbox";
import { startTestApp, waitForIndexed, type TestApp } from "../support/app";
import { browserAvailable, launchBrowser } from "../support/browser";
import { seedSamples } from "../support/buyers";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

// Issue 18's small things, walked as a buyer: after adding a third product the first card still said "(共 1 件)", the
// header showed no count, and every card on /shortlist linked "查看对比清单" to the page it was on.

describe.skipIf(!browserAvailable)("a buyer adds three products from the results", () => {
  let t: TestDatabase;
  let search: Awaited<ReturnType<typeof createTestSearch>>;
  let app: TestApp;
  let browser: Browser;
  let samples: Awaited<ReturnType<typeof seedSamples>>;

  beforeAll(async () => {
    t = await createTestDatabase();
    search = await createTestSearch();
    samples = await seedSamples(t.db);
    app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix, env: { DATA_DIR: samples.dataDir } });
    await waitForIndexed(async () => {
      if ((await pendingSearchEventCount(t.db)) > 0) return false;
      const body = (await (await fetch(`${app.url}/api/v1/search?q=${encodeURIComponent("示例")}&type=product`)).json()) as {
        degraded: boolean;
        total: number;
      };
      return !body.degraded && body.total >= 3;
    }, 30_000);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await search?.drop();
    await t?.drop();
    samples?.cleanup();
  });

  it("hears only the last button speak, sees the header count them, and finds no card on the list linking to the list", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/search?q=${encodeURIComponent("示例")}&type=product`);
    await page.locator('input[name="js"]').first().waitFor({ state: "attached" }); // hydrated: the buttons now use fetchers
    const nav = page.getByRole("navigation", { name: "主导航" });
    await expect(nav.getByRole("link", { name: "我的清单", exact: true }).count()).resolves.toBe(1);

    const cards = page.locator(".shortlist-button");
    for (let i = 0; i < 3; i++) {
      await cards.nth(i).getByRole("button").click();
      await expect.poll(() => cards.nth(i).locator("[role=status]").textContent()).toContain(`共 ${i + 1} 件`);
    }
    // the first two went quiet; the header says three
    await expect.poll(() => cards.nth(0).locator("[role=status]").textContent()).toBe("");
    expect(await cards.nth(1).locator("[role=status]").textContent()).toBe("");
    await expect.poll(() => nav.getByRole("link", { name: "我的清单(3)" }).count()).toBe(1);

    await nav.getByRole("link", { name: "我的清单(3)" }).click();
    await page.waitForURL(/\/shortlist$/);
    // the URL changes before the new page renders: wait for the list's own three cards, then count their links
    await expect.poll(() => page.locator("main .shortlist__items > li").count()).toBe(3);
    expect(await page.locator("main .shortlist__items .shortlist-button").count()).toBe(3);
    expect(await page.locator("main .shortlist-button__link").count()).toBe(0);
    await context.close();
  });

  it("without JavaScript, the header counts the list after each plain form post", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${app.url}/search?q=${encodeURIComponent("示例")}&type=product`);
    await page.locator(".shortlist-button button").first().click();
    await page.waitForLoadState();
    expect(await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "我的清单(1)" }).count()).toBe(1);
    await context.close();
  });

  it("a visitor who forgot their password finds out from the sign-in page what to do", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${app.url}/login`);
    await page.getByRole("link", { name: "忘记密码?" }).click();
    await page.waitForURL(/\/forgot-password$/);
    expect(await page.locator("h1").textContent()).toBe("忘记密码");
    expect(await page.locator("main").textContent()).toContain("24 小时内有效");
    await context.close();
  });
});
