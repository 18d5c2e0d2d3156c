import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE, insertSearchFixture } from "../../db/seed/search-fixtures";
import { pendingSearchEventCount } from "../../db/queries/outbox";
import { startTestApp, waitForIndexed, type TestApp } from "../support/app";
import { axeViolations, browserAvailable, launchBrowser } from "../support/browser";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

const HUZHU = "互助土族自治县";
const enc = encodeURIComponent;

// browser stories are slow on a busy 2-core machine: give each one a minute
describe.skipIf(!browserAvailable)("a buyer narrows results by county and GI scheme", { timeout: 60_000 }, () => {
  let t: TestDatabase;
  let search: Awaited<ReturnType<typeof createTestSearch>>;
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await createTestDatabase();
    await insertSearchFixture(t.db);
    search = await createTestSearch();
    app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix });
    await waitForIndexed(async () => {
      if ((await pendingSearchEventCount(t.db)) > 0) return false;
      const body = (await (await fetch(`${app.url}/api/v1/search?q=${enc(FIXTURE.products.jerky)}`)).json()) as { degraded: boolean; total: number };
      return !body.degraded && body.total > 0;
    }, 30_000);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await search?.drop();
    await t?.drop();
  });

  /** Han text outside elements marked lang="zh…": interface text left untranslated. */
  const unmarkedChinese = (page: Page) =>
    page.evaluate(() => {
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!/\p{Script=Han}/u.test(node.textContent ?? "")) continue;
        if (node.parentElement?.closest("script, style")) continue;
        if (node.parentElement?.closest("[lang]")?.getAttribute("lang")?.startsWith("zh")) continue;
        found.push((node.textContent ?? "").trim().slice(0, 40));
      }
      return found;
    });
  const resultNames = (page: Page) => page.locator(".result-list .result__name a").allInnerTexts();
  const resultCounties = (page: Page) => page.locator(".result-list .result__meta > span:first-child").allInnerTexts();

  it("types, sees results update without a reload, ticks a county and a GI scheme, and shares the URL", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/search`);
    // the page is hydrated once the live form is wired up
    await page.waitForFunction(() => !!document.querySelector("#search-form") && (window as unknown as { __remixContext?: unknown }).__remixContext);
    await page.evaluate(() => ((window as unknown as { __stillHere: boolean }).__stillHere = true));
    const historyBefore = await page.evaluate(() => history.length);

    const box = page.getByLabel("搜索产品、商标、地理标志或企业");
    await box.pressSequentially("青稞", { delay: 50 });
    await page.waitForURL((url) => url.searchParams.get("q") === "青稞", { timeout: 10_000 });
    await expect.poll(() => resultNames(page), { timeout: 10_000 }).toContain("互助青稞酒");
    // no full page load, focus still in the box, and typing did not pile up history entries
    expect(await page.evaluate(() => (window as unknown as { __stillHere?: boolean }).__stillHere)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("q");
    expect(await page.evaluate(() => history.length)).toBe(historyBefore);

    // county facet, with its count
    const county = page.getByRole("group", { name: "区县" }).getByRole("checkbox", { name: new RegExp(`^${HUZHU} \\(\\d+\\)$`) });
    await county.check();
    await page.waitForURL((url) => url.searchParams.getAll("county").includes(HUZHU));
    await expect.poll(async () => new Set(await resultCounties(page)), { timeout: 10_000 }).toEqual(new Set([HUZHU]));
    // the other counties stay on offer (OR within the facet)
    expect(
      await page
        .getByRole("group", { name: "区县" })
        .getByRole("checkbox", { name: /^循化撒拉族自治县 \(\d+\)$/ })
        .isChecked(),
    ).toBe(false);

    // GI scheme facet: ANDed with the county
    await page
      .getByRole("group", { name: "地理标志类别" })
      .getByRole("checkbox", { name: /地理标志保护产品/ })
      .check();
    await page.waitForURL((url) => url.searchParams.get("gi_scheme") === "protected_product");
    // (the URL changes before React renders the new results: wait for the list itself)
    await expect.poll(async () => new Set(await resultNames(page)), { timeout: 10_000 }).toEqual(new Set(["互助青稞酒", FIXTURE.products.liquor]));
    expect(await page.getByRole("status").filter({ hasText: "共找到" }).innerText()).toMatch(/共找到 2 条结果/);
    // the product card shows its badges
    const card = page.locator(".result").filter({ hasText: FIXTURE.products.liquor });
    for (const badge of ["产品", "地理标志保护产品", "区域公用品牌:黄河彩篮", "商标:天佑德", "绿色食品"]) {
      expect(await card.getByText(badge, { exact: true }).count()).toBe(1);
    }
    const gi = page.locator(".result").filter({ has: page.getByRole("link", { name: "互助青稞酒", exact: true }) });
    expect(await gi.getByText("待核实").count()).toBe(1);

    // the URL is shareable: another buyer without JavaScript sees the same narrowed list
    const shared = page.url();
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const other = await noJs.newPage();
    await other.goto(shared);
    expect(new Set(await resultNames(other))).toEqual(new Set(["互助青稞酒", FIXTURE.products.liquor]));
    expect(await other.getByRole("checkbox", { name: /^互助土族自治县/ }).isChecked()).toBe(true);
    expect(await other.getByLabel("搜索产品、商标、地理标志或企业").inputValue()).toBe("青稞");
    await noJs.close();

    // removing a filter by its link also clears its checkbox
    await page.getByRole("link", { name: "去掉筛选:地理标志保护产品" }).click();
    await page.waitForURL((url) => !url.searchParams.has("gi_scheme"));
    await expect.poll(() => page.getByRole("checkbox", { name: /地理标志保护产品/ }).isChecked()).toBe(false);
    expect(await county.isChecked()).toBe(true);
    await context.close();
  });

  it("narrows with JavaScript turned off, through the form's own GET submission", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${app.url}/search?q=${enc("蒜")}`);
    expect(await resultNames(page)).toEqual(expect.arrayContaining([FIXTURE.products.garlic, "乐都紫皮大蒜"]));
    await page.getByRole("checkbox", { name: /^有机产品/ }).check();
    await page.getByRole("button", { name: "应用筛选" }).click();
    await page.waitForURL((url) => url.searchParams.get("certification") === "organic");
    expect(await resultNames(page)).toEqual([FIXTURE.products.garlic]);
    expect(new URL(page.url()).searchParams.get("q")).toBe("蒜");
    await context.close();
  });

  it("offers other spellings and filter removal when nothing matches", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/search?q=${enc("牦牛")}&county=${enc("乐都区")}`);
    expect(await page.getByText("没有找到与“牦牛”相关的结果。").count()).toBe(1);
    await page.getByRole("link", { name: "yak", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("q") === "yak");
    await page.getByRole("link", { name: "去掉筛选:乐都区" }).first().click();
    await page.waitForURL((url) => !url.searchParams.has("county"));
    await expect.poll(() => resultNames(page), { timeout: 10_000 }).toContain("互助青海白牦牛");
    expect(await page.getByLabel("搜索产品、商标、地理标志或企业").inputValue()).toBe("yak");
    await context.close();
  });

  it("shows English names in English, marking Chinese fallbacks", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/search?q=${enc("蒜")}&lang=en`);
    expect(await resultNames(page)).toEqual(expect.arrayContaining(["Purple-skin garlic 5 kg", "Ledu Purple-skin Garlic", FIXTURE.products.shoots]));
    const shoots = page.locator(".result").filter({ hasText: FIXTURE.products.shoots });
    expect(await shoots.getByText("(no English yet; shown in Chinese)").count()).toBe(1);
    expect(
      await page
        .getByRole("group", { name: "District / county" })
        .getByRole("checkbox", { name: /^Ledu District/ })
        .count(),
    ).toBe(1);
    // every Chinese text on the page is record content marked lang="zh-CN" (facets, badges, removal links, echoed query)
    for (const path of [
      `/search?q=${enc("酒")}&county=${enc(HUZHU)}&township=${enc(FIXTURE.townships.weiyuan)}&lang=en`,
      `/search?q=${enc("牦牛")}&county=${enc("乐都区")}&lang=en`,
      `/search?q=12345678&lang=en`,
    ]) {
      await page.goto(`${app.url}${path}`);
      expect(await unmarkedChinese(page), path).toEqual([]);
    }
    await context.close();
  });

  it.each(["", "&elder=1", "&lang=en&elder=1"])("fits a 360 px wide phone (%s)", async (prefs) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${app.url}/search?q=${enc("青稞")}&county=${enc(HUZHU)}${prefs}`);
    expect(await page.locator(".result").count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(1);
    await context.close();
  });

  it.each([
    ["Chinese", `/search?q=${enc("酒")}&county=${enc(HUZHU)}`, 44],
    ["English", `/search?q=${enc("酒")}&county=${enc(HUZHU)}&lang=en`, 44],
    ["elder mode", `/search?q=${enc("酒")}&gi_scheme=protected_product&elder=1`, 60],
    ["elder mode, English, nothing found", `/search?q=zzzzqqqq&county=${enc(HUZHU)}&lang=en&elder=1`, 60],
  ])("has no axe violations and large enough targets (%s)", async (_label, path, minTarget) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}${path}`);
    expect(await axeViolations(page)).toEqual([]);
    const small = await page.evaluate((min) => {
      const targets = [
        ...document.querySelectorAll(".facet__options label, .search-sort select, .active-filters a, .search-empty__links a, .result__name a, .pagination a"),
      ];
      return targets.map((el) => ({ text: (el as HTMLElement).innerText, h: el.getBoundingClientRect().height })).filter((r) => r.h < min - 0.5);
    }, minTarget);
    expect(small).toEqual([]);
    await context.close();
  });
});
