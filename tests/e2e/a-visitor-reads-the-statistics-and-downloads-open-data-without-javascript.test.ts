import fs from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInChina } from "../../app/platform/china-time";
import { startTestApp, type TestApp } from "../support/app";
import { axeViolations, browserAvailable, launchBrowser } from "../support/browser";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

// A visitor reads /stats and /open-data in Chromium: no axe violations in Chinese, English and 适老模式, everything
// works with JavaScript switched off (charts are server-rendered SVG, downloads are plain links), and a record whose
// name tries to break out of the JSON-LD script runs nothing.

const HOSTILE = "</script><script>alert(1)</script>";

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let app: TestApp;
let hostileProduct = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  const db = t.db;
  const ledu = (await db.selectFrom("places").select("id").where("name_zh", "=", "乐都区").executeTakeFirstOrThrow()).id;
  const org = (
    await db
      .insertInto("organizations")
      .values({ name_zh: "统计页面测试合作社", county_id: ledu, status: "published" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  for (const [name, category] of [
    ["青稞粉", "粮油"],
    ["菜籽油", "粮油"],
    ["牦牛肉干", "肉类"],
  ]) {
    await db.insertInto("products").values({ organization_id: org, name_zh: name!, category, status: "published" }).execute();
  }
  hostileProduct = (
    await db
      .insertInto("products")
      .values({ organization_id: org, name_zh: HOSTILE, category: "粮油", status: "published" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  const [y, m, d] = todayInChina().split("-");
  await db
    .insertInto("trademarks")
    .values({
      name_zh: "续展测试商标",
      reg_no: "E2E0001",
      legal_status: "registered",
      registration_date: `${Number(y) - 10}-${m}-${d === "29" ? "28" : d}`,
      status: "published",
    })
    .execute();
  const gi = (await db.selectFrom("gi_products").select("id").where("status", "=", "published").orderBy("id").executeTakeFirstOrThrow()).id;
  await db.insertInto("gi_authorised_users").values({ gi_product_id: gi, organization_id: org, basis: "announcement", verification: "verified" }).execute();
  search = await createTestSearch();
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix, env: { PUBLIC_ORIGIN: "https://catalogue.example.cn" } });
});

afterAll(async () => {
  await app?.stop();
  await search?.drop();
  await t?.drop();
});

describe.skipIf(!browserAvailable)("statistics and open data in the browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it("has no axe violations on /stats and /open-data in zh, en and elder mode", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const path of ["/stats", "/open-data"]) {
      for (const q of ["", "?lang=en", "?elder=1", "?lang=en&elder=1"]) {
        await page.goto(`${app.url}${path}${q}`);
        expect({ page: path + q, violations: await axeViolations(page) }).toEqual({ page: path + q, violations: [] });
      }
    }
    await context.close();
    // on a phone in 适老模式 the charts and tables scroll sideways inside the page, which itself does not
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    const small = await phone.newPage();
    for (const path of ["/stats?elder=1", "/open-data?elder=1"]) {
      await small.goto(`${app.url}${path}`);
      expect({ page: path, violations: await axeViolations(small) }).toEqual({ page: path, violations: [] });
      expect(await small.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    }
    await phone.close();
  }, 240_000);

  it("shows the charts, tables and downloads with JavaScript switched off", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${app.url}/stats?lang=zh-CN`);
    await page.getByRole("heading", { level: 1, name: "统计与规划目标" }).waitFor();
    // each chart is one named image
    await page.getByRole("img", { name: "产品(按区县和品类)" }).waitFor();
    await page.getByRole("img", { name: "商标:目录收录情况与 2025 年目标" }).waitFor();
    const table = page.getByRole("table", { name: "数据表:产品(按区县和品类)" });
    await expect(table.getByRole("rowheader", { name: "乐都区" }).count()).resolves.toBe(1);
    await expect(table.locator("tfoot td").last().textContent()).resolves.toBe("4");
    await expect(page.getByRole("table", { name: "数据表:续展期内或 12 个月内到期的商标" }).getByText("续展测试商标").count()).resolves.toBe(1);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载“产品(按区县和品类)”的 CSV 数据" }).click()]);
    const csv = fs.readFileSync((await download.path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString("utf8")).toContain("乐都区,Ledu District,粮油,3");

    await page.goto(`${app.url}/open-data`);
    const [dump] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "产品 JSON", exact: true }).click()]);
    expect(dump.suggestedFilename()).toMatch(/^haidong-products-\d{4}-\d{2}-\d{2}\.json$/);
    const body = JSON.parse(fs.readFileSync((await dump.path())!, "utf8")) as { licence: { name: string }; records: { name_zh: string }[] };
    expect(body.licence.name).toBe("CC BY 4.0");
    expect(body.records.map((r) => r.name_zh)).toContain("牦牛肉干");
    await context.close();
  });

  it("writes the Chinese tables of /stats without English, and tells the two 中国驰名商标 reports apart", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/stats`);
    // text in a table cell outside any element that declares its own language (a quoted source, a site's name)
    const english = await page.evaluate(() => {
      const found: string[] = [];
      for (const cell of document.querySelectorAll("main table th, main table td, main table caption")) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const owner = node.parentElement?.closest("[lang]");
          if (owner && owner !== document.documentElement) continue;
          // words of two or more Latin letters, leaving out web addresses and site names (ht.cn, reportify.ai)
          const text = (node.textContent ?? "").replace(/\b[\w.-]+\.(cn|com|ai)\b/gi, "");
          if (/[A-Za-z]{2,}/.test(text)) found.push(text.trim());
        }
      }
      return found;
    });
    expect(english).toEqual([]);
    const wellKnown = page.getByRole("table", { name: "数据表:中国驰名商标与青海省著名商标" });
    const labels = await wellKnown.locator("tbody th").allTextContents();
    const reports = labels.filter((l) => l.startsWith("中国驰名商标"));
    expect(reports).toEqual(["中国驰名商标(2022 年 12 月报道)", "中国驰名商标(2020 年 10 月报道)"]);
    // the chart's labels are whole: no label is cut with an ellipsis
    expect(await page.locator("svg.chart text").evaluateAll((els) => els.filter((e) => e.textContent?.includes("…")).length)).toBe(0);
    await context.close();
  });

  it("runs nothing from a record name that closes the JSON-LD script", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const dialogs: string[] = [];
    const cspErrors: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on("console", (msg) => {
      if (/Content Security Policy/i.test(msg.text())) cspErrors.push(msg.text());
    });
    await page.goto(`${app.url}/products/${hostileProduct}`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(HOSTILE);
    const ld = await page.locator('script[type="application/ld+json"]').allTextContents();
    expect(ld).toHaveLength(1);
    expect((JSON.parse(ld[0]!) as { name: string }).name).toBe(HOSTILE);
    // no script element was created from the name, and nothing ran
    // (the name does appear, escaped, inside Remix's own data script; what must not exist is a script made of it)
    expect(await page.locator("script").evaluateAll((els) => els.filter((e) => e.textContent?.trim() === "alert(1)").length)).toBe(0);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(cspErrors).toEqual([]);
    await context.close();
  });
});
