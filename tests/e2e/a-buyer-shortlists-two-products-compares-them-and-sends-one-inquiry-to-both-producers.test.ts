import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, signInOverHttp } from "../support/accounts";
import { pendingSearchEventCount } from "../../db/queries/outbox";
import { startTestApp, waitForIndexed, type TestApp } from "../support/app";
import { axeViolations, browserAvailable, launchBrowser, signInInBrowser } from "../support/browser";
import { chinaDate, seedSamples } from "../support/buyers";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

/** A control's accessible name: its visible text, then the product it acts on (from visually hidden text). */
const named = (action: string, product: string) => new RegExp(`^${action}\\s*:\\s*${product.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);

describe.skipIf(!browserAvailable)("a buyer shortlists two products, compares them, and sends one inquiry to both producers", () => {
  let t: TestDatabase;
  let search: Awaited<ReturnType<typeof createTestSearch>>;
  let app: TestApp;
  let browser: Browser;
  let samples: Awaited<ReturnType<typeof seedSamples>>;
  const liquor = { name: "示例互助青稞酒 42度 500毫升", org: "互助示例青稞酒业有限公司", id: 0, organization_id: 0 };
  const crabapple = { name: "示例乐都沙果 鲜果", org: "乐都区示例果蔬种植专业合作社", id: 0, organization_id: 0 };
  let producer: Awaited<ReturnType<typeof createAccount>>;
  let privateLink = "";

  beforeAll(async () => {
    t = await createTestDatabase();
    search = await createTestSearch();
    samples = await seedSamples(t.db);
    Object.assign(liquor, await samples.product(liquor.name));
    Object.assign(crabapple, await samples.product(crabapple.name));
    producer = await createAccount(t.db);
    await t.db.updateTable("users").set({ organization_id: liquor.organization_id }).where("id", "=", producer.id).execute();
    app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix, env: { DATA_DIR: samples.dataDir } });
    // the story starts in the search results: wait until the outbox has brought the samples to Meilisearch
    await waitForIndexed(async () => {
      if ((await pendingSearchEventCount(t.db)) > 0) return false;
      const body = (await (await fetch(`${app.url}/api/v1/search?q=${encodeURIComponent(liquor.name)}&type=product`)).json()) as {
        degraded: boolean;
        total: number;
      };
      return !body.degraded && body.total > 0;
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

  async function expectNoAxeViolations(page: Page) {
    expect({ page: page.url(), violations: await axeViolations(page) }).toEqual({ page: page.url(), violations: [] });
  }

  it("with JavaScript: the buttons keep the page, the table compares, one form reaches both producers", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();

    // 1. shortlist one product straight from the search results and one from its page; the fetcher keeps the page
    // (no reload) and the results stay as they were
    for (const [i, p] of [liquor, crabapple].entries()) {
      await page.goto(i === 0 ? `${app.url}/search?q=${encodeURIComponent("青稞酒")}&type=product` : `${app.url}/products/${p.id}`);
      await page.locator('input[name="js"]').first().waitFor({ state: "attached" }); // hydrated: the buttons now use fetchers
      const before = page.url();
      await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
      await page.getByRole("button", { name: named("加入对比清单", p.name) }).click();
      await page
        .getByRole("status")
        .filter({ hasText: `已加入对比清单(共 ${i + 1} 件)` })
        .waitFor();
      expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
      await page.getByRole("button", { name: named("移出对比清单", p.name) }).waitFor();
      expect(page.url()).toBe(before);
    }

    // 2. the shortlist shows both, ticked for comparison
    await page.getByRole("link", { name: "查看对比清单" }).first().click();
    await page.getByRole("heading", { level: 1, name: "对比清单" }).waitFor();
    await page.getByRole("heading", { level: 2, name: liquor.name }).waitFor();
    await page.getByRole("heading", { level: 2, name: crabapple.name }).waitFor();
    expect(await page.getByRole("checkbox", { name: named("选中对比", liquor.name) }).isChecked()).toBe(true);
    await expectNoAxeViolations(page);

    // 3. compare them side by side
    await page.getByRole("button", { name: /对比所选产品/ }).click();
    await page.getByRole("heading", { level: 1, name: "产品对比" }).waitFor();
    const table = page.getByRole("table", { name: /2 件产品的并排对比/ });
    await table.waitFor();
    expect(await table.getByRole("columnheader").allTextContents()).toEqual([liquor.name, crabapple.name]);
    const giRow = table.getByRole("row", { name: /地理标志及有效期/ });
    expect(await giRow.textContent()).toContain("互助青稞酒 — 经公告核准使用");
    expect(await giRow.textContent()).toContain("乐都沙果 — 经公告核准使用");
    await expectNoAxeViolations(page);

    // on a 360 px phone the table scrolls inside its box; the page itself does not scroll sideways
    await page.setViewportSize({ width: 360, height: 740 });
    const widths = await page.evaluate(() => {
      const box = document.querySelector(".compare-scroll")!;
      return {
        page: document.documentElement.scrollWidth,
        body: document.body.scrollWidth,
        boxRight: box.getBoundingClientRect().right,
        inner: box.scrollWidth,
        outer: box.clientWidth,
      };
    });
    expect(widths.page).toBeLessThanOrEqual(360);
    expect(widths.body).toBeLessThanOrEqual(360);
    expect(widths.boxRight).toBeLessThanOrEqual(360);
    expect(widths.inner).toBeGreaterThan(widths.outer);
    await page.getByRole("region", { name: /并排对比/ }).focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => page.evaluate(() => document.querySelector(".compare-scroll")!.scrollLeft)).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 1280, height: 800 });

    // 4. one inquiry to both producers; a mistake is shown next to its field first
    await page.getByRole("link", { name: "向这些产品的生产者询价" }).click();
    await page.getByRole("heading", { level: 1, name: "询价 / 样品申请" }).waitFor();
    // a line per product, grouped per producer; both ticked, each with its own need (issue 18)
    const line = (name: string) => page.getByRole("group", { name, exact: true });
    expect(await line(liquor.name).getByRole("checkbox", { name: "询价此产品" }).isChecked()).toBe(true);
    expect(await line(crabapple.name).getByRole("checkbox", { name: "询价此产品" }).isChecked()).toBe(true);
    for (const [p, quantity] of [
      [liquor, "30"],
      [crabapple, "2"],
    ] as const) {
      await line(p.name).getByLabel("数量 *", { exact: true }).fill(quantity);
      await line(p.name).getByLabel("单位 *", { exact: true }).fill("箱");
      await line(p.name).getByLabel("交货期:最早 *").fill(chinaDate(7));
      await line(p.name).getByLabel("交货期:最晚 *").fill(chinaDate(30));
      await line(p.name).getByLabel("收货省份 *").selectOption("广东");
    }
    await line(liquor.name).getByLabel("目标价(元 / 单位,选填)").fill("95");
    await line(liquor.name).getByLabel("需要样品(样品申请)").check();
    await page.getByLabel("姓名 *").fill("陈采购");
    await page.getByLabel(/同意按此处理我的个人信息/).check(); // PIPL: the buyer ticks it
    await page.getByLabel("单位名称").fill("深圳示例食品贸易有限公司");
    await page.getByRole("button", { name: "发送询价" }).click();
    const emailError = page.getByText("请填写电子邮箱或电话,生产者才能联系您");
    await emailError.waitFor();
    expect(await page.getByLabel("电子邮箱").getAttribute("aria-invalid")).toBe("true");
    await expectNoAxeViolations(page);
    await page.getByLabel("电子邮箱").fill("chen@food-trade.example.com");
    await page.getByRole("button", { name: "发送询价" }).click();

    // 5. the private link page
    await page.getByText("询价已发送给 2 位生产者。").waitFor();
    privateLink = page.url().replace(/\?.*$/, "");
    expect(privateLink).toMatch(/\/inquiries\/[A-Za-z0-9_-]{43}$/);
    await page.getByRole("heading", { level: 2, name: new RegExp(liquor.org) }).waitFor();
    await page.getByRole("heading", { level: 2, name: new RegExp(crabapple.org) }).waitFor();
    await expectNoAxeViolations(page);

    const inquiry = await t.db.selectFrom("inquiries").selectAll().where("buyer_name", "=", "陈采购").executeTakeFirstOrThrow();
    expect(inquiry).toMatchObject({ buyer_email: "chen@food-trade.example.com" });
    const lines = await t.db
      .selectFrom("inquiry_products as ip")
      .innerJoin("inquiry_recipients as r", "r.id", "ip.recipient_id")
      .select(["ip.product_id", "ip.quantity", "ip.quantity_unit", "ip.destination_province", "ip.sample_wanted"])
      .where("r.inquiry_id", "=", inquiry.id)
      .execute();
    expect(lines.find((l) => l.product_id === liquor.id)).toMatchObject({
      quantity: "30.00",
      quantity_unit: "箱",
      destination_province: "广东",
      sample_wanted: true,
    });
    expect(lines.find((l) => l.product_id === crabapple.id)).toMatchObject({ quantity: "2.00", sample_wanted: false });
    const recipients = await t.db.selectFrom("inquiry_recipients").select(["organization_id", "status"]).where("inquiry_id", "=", inquiry.id).execute();
    expect(recipients.map((r) => r.organization_id).sort()).toEqual([liquor.organization_id, crabapple.organization_id].sort());
    await context.close();
  }, 180_000);

  it("the producer finds it in the inbox, quotes, and the buyer reads the quote through the private link", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInInBrowser(page, app.url, producer);
    await page.getByRole("heading", { level: 1, name: "我的主体" }).waitFor();
    await page.getByRole("link", { name: "1 条新询价" }).click();
    await page.getByRole("heading", { level: 1, name: "询价收件箱" }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: /陈采购/ }).click();
    await page.getByRole("heading", { level: 1, name: /陈采购 的询价/ }).waitFor();
    expect(await page.getByRole("link", { name: "chen@food-trade.example.com" }).count()).toBe(1);
    expect(await page.content()).not.toContain(crabapple.name); // asked of the other producer
    await page.getByLabel("回复内容 *").fill("可以供货,样品三天内寄出。");
    await page.getByLabel("报价(元 / 单位,选填)").fill("88");
    await page.getByRole("button", { name: "发送回复" }).click();
    await page.getByText("回复已发送。").waitFor();
    await page.getByText("报价:88 元 / 箱").waitFor();
    await expectNoAxeViolations(page);
    await context.close();

    const buyer = await (await browser.newContext()).newPage();
    await buyer.goto(privateLink);
    await buyer.getByText("可以供货,样品三天内寄出。").waitFor();
    await buyer.getByText("报价:88 元 / 箱").waitFor();
    await buyer.context().close();
  }, 180_000);

  it("works without JavaScript: a plain form adds to the shortlist and sends the inquiry", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${app.url}/products/${crabapple.id}`);
    await page.getByRole("button", { name: named("加入对比清单", crabapple.name) }).click();
    await page.getByRole("button", { name: named("移出对比清单", crabapple.name) }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/products/${crabapple.id}`);
    await page.goto(`${app.url}/shortlist/inquiry`);
    const line = page.getByRole("group", { name: crabapple.name, exact: true });
    await line.getByLabel("数量 *", { exact: true }).fill("abc");
    await page.getByRole("button", { name: "发送询价" }).click();
    await page.getByText(`${crabapple.name}:数量——应为数字,最多两位小数(如 12.5 或 1,200.50)`).first().waitFor();
    await page.getByText("请填写电子邮箱或电话,生产者才能联系您").waitFor();
    await line.getByLabel("数量 *", { exact: true }).fill("2");
    await line.getByLabel("单位 *", { exact: true }).fill("吨");
    await line.getByLabel("交货期:最早 *").fill(chinaDate(3));
    await line.getByLabel("交货期:最晚 *").fill(chinaDate(9));
    await line.getByLabel("收货省份 *").selectOption("四川");
    await page.getByLabel("姓名 *").fill("无脚本买家");
    await page.getByLabel(/同意按此处理我的个人信息/).check(); // PIPL: the buyer ticks it
    await page.getByLabel("电话").fill("028-12345678");
    await page.getByRole("button", { name: "发送询价" }).click();
    await page.getByText("询价已发送给 1 位生产者。").waitFor();
    await context.close();
  }, 180_000);

  it("has no axe violations on any buyer, producer or staff page in zh, en and elder mode", async () => {
    const staff = await createAccount(t.db, { role: "fair_staff" });
    const inquiry = await t.db.selectFrom("inquiries").select("id").where("buyer_name", "=", "陈采购").executeTakeFirstOrThrow();
    const thread = await t.db
      .selectFrom("inquiry_recipients")
      .select("id")
      .where("inquiry_id", "=", inquiry.id)
      .where("organization_id", "=", liquor.organization_id)
      .executeTakeFirstOrThrow();

    const signedIn = async (email: string, password: string): Promise<BrowserContext> => {
      const context = await browser.newContext();
      const { cookie } = await signInOverHttp(app.url, email, password);
      const [name, ...value] = cookie.split("=");
      await context.addCookies([{ name: name!, value: value.join("="), url: app.url }]);
      return context;
    };
    const buyerContext = await browser.newContext();
    const buyerPage = await buyerContext.newPage();
    for (const p of [liquor, crabapple]) {
      await buyerPage.goto(`${app.url}/products/${p.id}`);
      await buyerPage.locator('input[name="js"]').waitFor({ state: "attached" });
      await buyerPage.getByRole("button", { name: named("加入对比清单", p.name) }).click();
      await buyerPage.getByRole("button", { name: named("移出对比清单", p.name) }).waitFor();
    }
    // The pages with this story's data that the whole-site walk (every-page-passes-axe-…) does not scan: a filled
    // shortlist, the comparison, the inquiry form and its private link, the producer's thread and staff's view of it.
    // The product page, the inbox list and /matching are scanned there in the same modes, so not twice (CI time).
    const pages: [BrowserContext, string][] = [
      [buyerContext, "/shortlist"],
      [buyerContext, `/shortlist/compare?ids=${liquor.id}&ids=${crabapple.id}`],
      [buyerContext, "/shortlist/inquiry"],
      [buyerContext, "/shortlist/print"],
      [buyerContext, new URL(privateLink).pathname],
      [await signedIn(producer.email, producer.password), `/producer/inbox/${thread.id}`],
      [await signedIn(staff.email, staff.password), `/matching/inquiries/${inquiry.id}`],
    ];
    for (const [context, path] of pages) {
      const page = await context.newPage();
      for (const q of ["lang=zh-CN&elder=0", "lang=en&elder=0", "lang=zh-CN&elder=1", "lang=en&elder=1"]) {
        await page.goto(`${app.url}${path}${path.includes("?") ? "&" : "?"}${q}`);
        await expectNoAxeViolations(page);
        if (q.startsWith("lang=en")) expect({ page: page.url(), untranslated: await untranslated(page) }).toEqual({ page: page.url(), untranslated: [] });
      }
      await page.close();
    }
    for (const context of new Set(pages.map(([c]) => c))) await context.close();
  }, 600_000);
});
