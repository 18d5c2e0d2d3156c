import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { axeViolations, browserAvailable, launchBrowser, signInInBrowser } from "../support/browser";
import { chinaDate, seedSamples } from "../support/buyers";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

// Issue 18, items 3 and 4: from a product page the buyer clicks 询价 / 索样, adds a product of another producer from
// the shortlist, and asks each for something different (200 箱 at 95 元 of the liquor, 3 吨 and a sample of the
// crabapples). The liquor producer opens it (the buyer sees "已读"), quotes that line; the buyer reads the quote and
// the status history through the private link and records a deal. Then the same core path without JavaScript.

/** A control's accessible name: its visible text, then the product it acts on (from visually hidden text). */
const named = (action: string, product: string) => new RegExp(`^${action}\\s*:\\s*${product.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);

describe.skipIf(!browserAvailable)("a buyer asks two producers for different quantities from a product page, gets a quote per line and records a deal", () => {
  let t: TestDatabase;
  let search: Awaited<ReturnType<typeof createTestSearch>>;
  let app: TestApp;
  let browser: Browser;
  let samples: Awaited<ReturnType<typeof seedSamples>>;
  const liquor = { name: "示例互助青稞酒 42度 500毫升", org: "互助示例青稞酒业有限公司", id: 0, organization_id: 0 };
  const crabapple = { name: "示例乐都沙果 鲜果", org: "乐都区示例果蔬种植专业合作社", id: 0, organization_id: 0 };
  let producer: Awaited<ReturnType<typeof createAccount>>;

  beforeAll(async () => {
    t = await createTestDatabase();
    search = await createTestSearch();
    samples = await seedSamples(t.db);
    Object.assign(liquor, await samples.product(liquor.name));
    Object.assign(crabapple, await samples.product(crabapple.name));
    producer = await createAccount(t.db);
    await t.db.updateTable("users").set({ organization_id: liquor.organization_id }).where("id", "=", producer.id).execute();
    app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix, env: { DATA_DIR: samples.dataDir } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await search?.drop();
    await t?.drop();
    samples?.cleanup();
  });

  async function expectNoAxeViolations(page: Page) {
    expect({ page: page.url(), violations: await axeViolations(page) }).toEqual({ page: page.url(), violations: [] });
  }

  const line = (page: Page, product: string) => page.getByRole("group", { name: product, exact: true });

  async function fillLine(
    group: Locator,
    need: { quantity: string; unit: string; price?: string; sample?: boolean; province: string; from: number; to: number },
  ) {
    await group.getByLabel("数量 *", { exact: true }).fill(need.quantity);
    await group.getByLabel("单位 *", { exact: true }).fill(need.unit);
    if (need.price) await group.getByLabel("目标价(元 / 单位,选填)").fill(need.price);
    await group.getByLabel("交货期:最早 *").fill(chinaDate(need.from));
    await group.getByLabel("交货期:最晚 *").fill(chinaDate(need.to));
    await group.getByLabel("收货省份 *").selectOption(need.province);
    if (need.sample) await group.getByLabel("需要样品(样品申请)").check();
  }

  /** Shortlists the crabapples from their page, then asks about the liquor from its page with both lines filled. */
  async function sendFromProductPage(page: Page, buyerName: string, withJs: boolean) {
    await page.goto(`${app.url}/products/${crabapple.id}`);
    if (withJs) await page.locator('input[name="js"]').first().waitFor({ state: "attached" });
    await page.getByRole("button", { name: named("加入对比清单", crabapple.name) }).click();
    // with JavaScript the button turns at once; the list is saved when the fetcher's answer says so
    if (withJs) await page.getByRole("status").filter({ hasText: "已加入对比清单" }).waitFor();
    await page.getByRole("button", { name: named("移出对比清单", crabapple.name) }).waitFor();

    // the shortlist shows the product's first photo, with alt text, and 询价 / 索样 for it
    await page.goto(`${app.url}/shortlist`);
    const card = page.locator(".shortlist__items li").filter({ hasText: crabapple.name });
    expect(await card.locator("img").getAttribute("alt")).toBeTruthy();
    await card.getByRole("link", { name: named("询价 / 索样", crabapple.name) }).waitFor();

    await page.goto(`${app.url}/products/${liquor.id}`);
    await page.getByRole("link", { name: named("询价 / 索样", liquor.name) }).click();
    await page.getByRole("heading", { level: 1, name: "询价 / 样品申请" }).waitFor();
    // grouped per producer; the product asked about is ticked, the shortlisted one of the other producer is offered
    await page.getByRole("group", { name: liquor.org }).waitFor();
    await page.getByRole("group", { name: crabapple.org }).waitFor();
    expect(await line(page, liquor.name).getByLabel("询价此产品").isChecked()).toBe(true);
    expect(await line(page, crabapple.name).getByLabel("询价此产品").isChecked()).toBe(false);
    await line(page, crabapple.name).getByLabel("询价此产品").check();

    await fillLine(line(page, liquor.name), { quantity: "200", unit: "箱", price: "95", province: "广东", from: 7, to: 30 });
    // a mistake on the crabapple line is named with its product and field
    await fillLine(line(page, crabapple.name), { quantity: "0", unit: "吨", sample: true, province: "四川", from: 10, to: 40 });
    await page.getByLabel("姓名 *").fill(buyerName);
    await page.getByLabel(/同意按此处理我的个人信息/).check(); // PIPL: the buyer ticks it
    await page.getByLabel("电子邮箱").fill("chen@food-trade.example.com");
    await page.getByRole("button", { name: "发送询价" }).click();
    const problem = `${crabapple.name}:数量——应大于 0`;
    await page.getByRole("link", { name: problem }).waitFor(); // the summary at the top links to the field
    expect(await line(page, crabapple.name).getByLabel("数量 *", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    await line(page, crabapple.name).getByLabel("数量 *", { exact: true }).fill("3");
    await page.getByRole("button", { name: "发送询价" }).click();
    await page.getByText("询价已发送给 2 位生产者。").waitFor();
    return page.url().replace(/\?.*$/, "");
  }

  async function threadOf(buyerName: string, organizationId: number) {
    return t.db
      .selectFrom("inquiry_recipients as r")
      .innerJoin("inquiries as i", "i.id", "r.inquiry_id")
      .select(["r.id", "r.status"])
      .where("i.buyer_name", "=", buyerName)
      .where("r.organization_id", "=", organizationId)
      .executeTakeFirstOrThrow();
  }

  /** The producer opens the thread (it becomes read) and quotes the liquor line. */
  async function producerQuotes(page: Page, buyerName: string, withJs: boolean) {
    const thread = await threadOf(buyerName, liquor.organization_id);
    expect(thread.status).toBe("new");
    await signInInBrowser(page, app.url, producer);
    await page.goto(`${app.url}/producer/inbox/${thread.id}`);
    await page.getByRole("heading", { level: 1, name: new RegExp(`${buyerName} 的询价\\s*已读`) }).waitFor();
    expect(await page.content()).not.toContain(crabapple.name); // the other producer's line stays with the other producer
    await page.getByText("200 箱").first().waitFor();
    const form = page.getByRole("form", { name: `报价:${liquor.name}` });
    await form.getByLabel("单价(元)*").fill("93");
    expect(await form.getByLabel("计价单位 *").inputValue()).toBe("箱");
    await form.getByLabel("起订量(选填,单位同上)").fill("50");
    await form.getByLabel("交货周期(天,选填)").fill("10");
    await form.getByRole("button", { name: "发送报价" }).click();
    await page.getByText("报价已发送,采购方可以看到。").waitFor();
    await page.getByText("93 元 / 箱").first().waitFor();
    if (withJs) await expectNoAxeViolations(page);
    await page.context().clearCookies();
  }

  async function buyerSeesQuoteAndRecordsDeal(page: Page, privateLink: string, withJs: boolean) {
    await page.goto(privateLink);
    const liquorThread = page.locator("section.inquiry-thread").filter({ has: page.getByRole("heading", { level: 2, name: new RegExp(liquor.org) }) });
    const crabThread = page.locator("section.inquiry-thread").filter({ has: page.getByRole("heading", { level: 2, name: new RegExp(crabapple.org) }) });
    await liquorThread.getByText("93 元 / 箱").waitFor();
    await liquorThread.getByText("起订量 50 箱").waitFor();
    await liquorThread.getByText("10 天内交货").waitFor();
    // the status history, visible to the buyer
    expect(await liquorThread.locator(".status-history li").allTextContents()).toEqual([
      expect.stringMatching(/新询价 → 已读\(生产者\)$/),
      expect.stringMatching(/已读 → 已报价\(生产者\)$/),
    ]);
    await crabThread.getByText("3 吨").first().waitFor();
    await crabThread.getByText("尚未报价").waitFor();
    expect(await crabThread.getByRole("heading", { level: 2 }).textContent()).toContain("新询价");
    if (withJs) await expectNoAxeViolations(page);

    await liquorThread.getByLabel("签约", { exact: true }).check();
    await liquorThread.getByLabel("金额(元)*", { exact: true }).fill("18600");
    await liquorThread.getByRole("button", { name: "记录成交" }).click();
    await page.getByText("成交情况已记录。").waitFor();
    await liquorThread.getByText(/已报价 → 已成交\(采购方\)$/).waitFor();
    expect(await liquorThread.getByRole("heading", { level: 2 }).textContent()).toContain("已成交");
  }

  it("with JavaScript: per-line inquiry to two producers, a quote on one line, the history, and a deal", async () => {
    const page = await (await browser.newContext()).newPage();
    const link = await sendFromProductPage(page, "陈采购", true);
    await expectNoAxeViolations(page);

    const lines = await t.db
      .selectFrom("inquiry_products as ip")
      .innerJoin("inquiry_recipients as r", "r.id", "ip.recipient_id")
      .innerJoin("inquiries as i", "i.id", "r.inquiry_id")
      .select(["ip.product_id", "r.organization_id", "ip.quantity", "ip.quantity_unit", "ip.target_price", "ip.sample_wanted", "ip.destination_province"])
      .where("i.buyer_name", "=", "陈采购")
      .execute();
    expect(lines.sort((a, b) => (a.product_id === liquor.id ? -1 : b.product_id === liquor.id ? 1 : 0))).toEqual([
      {
        product_id: liquor.id,
        organization_id: liquor.organization_id,
        quantity: "200.00",
        quantity_unit: "箱",
        target_price: "95.00",
        sample_wanted: false,
        destination_province: "广东",
      },
      {
        product_id: crabapple.id,
        organization_id: crabapple.organization_id,
        quantity: "3.00",
        quantity_unit: "吨",
        target_price: null,
        sample_wanted: true,
        destination_province: "四川",
      },
    ]);

    const producerPage = await (await browser.newContext()).newPage();
    await producerQuotes(producerPage, "陈采购", true);
    await buyerSeesQuoteAndRecordsDeal(page, link, true);
    expect((await threadOf("陈采购", liquor.organization_id)).status).toBe("deal");
    expect((await threadOf("陈采购", crabapple.organization_id)).status).toBe("new");
  }, 300_000);

  it("without JavaScript: the same core path with plain links and forms", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const link = await sendFromProductPage(page, "无脚本买家", false);
    const producerPage = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await producerQuotes(producerPage, "无脚本买家", false);
    await buyerSeesQuoteAndRecordsDeal(page, link, false);
    expect((await threadOf("无脚本买家", liquor.organization_id)).status).toBe("deal");
  }, 300_000);

  it("the per-line form, with a product chosen and an error showing, passes axe in zh, en and elder mode", async () => {
    const page = await (await browser.newContext()).newPage();
    for (const q of ["lang=zh-CN&elder=0", "lang=en&elder=0", "lang=zh-CN&elder=1", "lang=en&elder=1"]) {
      await page.goto(`${app.url}/shortlist/inquiry?product=${liquor.id}&product=${crabapple.id}&${q}`);
      await expectNoAxeViolations(page);
      await page.locator('.inquiry-form input[name$=".quantity"]').first().fill("abc");
      await page.locator('.inquiry-form button[type="submit"]').click();
      await page.locator(".field-error").first().waitFor();
      await expectNoAxeViolations(page);
    }
  }, 300_000);
});
