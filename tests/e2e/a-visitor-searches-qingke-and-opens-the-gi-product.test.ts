import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app";
import { axeViolations, browserAvailable, launchBrowser } from "../support/browser";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

describe.skipIf(!browserAvailable)("a visitor searches 青稞 and opens 互助青稞酒", () => {
  let t: TestDatabase;
  let search: Awaited<ReturnType<typeof createTestSearch>>;
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await createTestDatabase();
    search = await createTestSearch();
    app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await search?.drop();
    await t?.drop();
  });

  it("types 青稞 into the search box, sees 互助青稞酒 and opens its page", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(app.url);
    await page.getByLabel("搜索产品、商标、地理标志或企业").fill("青稞");
    await page.getByRole("button", { name: "搜索" }).click();
    await page.waitForURL(/\/search\?q=/);
    const result = page.getByRole("link", { name: "互助青稞酒" });
    await expect.poll(() => result.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await result.first().click();
    await page.getByRole("heading", { level: 1, name: "互助青稞酒" }).waitFor({ timeout: 10_000 });
    expect(page.url()).toMatch(/\/gi\/\d+$/);
    expect(await page.getByText("互助土族自治县").count()).toBeGreaterThan(0);
    expect(await page.getByText("待核实").count()).toBeGreaterThan(0);
    await context.close();
  });

  it("works with JavaScript turned off", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${app.url}/search?q=${encodeURIComponent("青稞")}`);
    expect(await page.getByRole("link", { name: "互助青稞酒" }).count()).toBeGreaterThan(0);
    await context.close();
  });

  it.each([
    ["home in Chinese", "/"],
    ["search in English", "/search?q=yak&lang=en"],
    ["GI page in elder mode", "/gi/1?elder=1"],
    ["home in English elder mode", "/?lang=en&elder=1"],
  ])("%s has no axe violations", async (_label, path) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}${path}`);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
