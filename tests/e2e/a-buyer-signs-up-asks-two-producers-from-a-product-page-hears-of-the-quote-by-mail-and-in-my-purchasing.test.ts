import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { axeViolations, browserAvailable, launchBrowser } from "../support/browser";
import { chinaDate, httpClient, seedSamples } from "../support/buyers";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { pollUntil } from "../support/poll";
import { createTestSearch } from "../support/search";
import { startTestSmtp, type TestSmtp } from "../support/smtp";

// Issue 18 as a buyer lives it, end to end, with a real mail server: sign up as 采购商 from a product page, ask two
// producers for different things from that page, hear of the liquor producer's quote by e-mail (in Chinese, with the
// thread's link) and in 我的采购 (the header's 通知 count, the thread's status), and record the deal there.

describe.skipIf(!browserAvailable)("a buyer signs up, asks two producers from a product page and hears of the quote by mail and in 我的采购", () => {
  let t: TestDatabase;
  let search: Awaited<ReturnType<typeof createTestSearch>>;
  let app: TestApp;
  let smtp: TestSmtp;
  let browser: Browser;
  let samples: Awaited<ReturnType<typeof seedSamples>>;
  const liquor = { name: "示例互助青稞酒 42度 500毫升", id: 0, organization_id: 0 };
  const crabapple = { name: "示例乐都沙果 鲜果", id: 0, organization_id: 0 };

  beforeAll(async () => {
    t = await createTestDatabase();
    search = await createTestSearch();
    samples = await seedSamples(t.db);
    Object.assign(liquor, await samples.product(liquor.name));
    Object.assign(crabapple, await samples.product(crabapple.name));
    smtp = await startTestSmtp();
    app = await startTestApp({
      databaseUrl: t.url,
      indexPrefix: search.prefix,
      env: { DATA_DIR: samples.dataDir, SMTP_URL: smtp.url, MAIL_FROM: "noreply@catalogue.test" },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await smtp?.close();
    await search?.drop();
    await t?.drop();
    samples?.cleanup();
  });

  const line = (page: Page, product: string) => page.getByRole("group", { name: product, exact: true });

  it("signs up, sends a line per product, is mailed the quote, sees it in 我的采购 and records the deal", async () => {
    const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    // 1. from the crabapples' page: onto the shortlist, then sign up from the header, which brings them back
    await page.goto(`${app.url}/products/${crabapple.id}`);
    await page.locator('input[name="js"]').first().waitFor({ state: "attached" });
    await page.getByRole("button", { name: /^加入对比清单/ }).click();
    await page.getByRole("button", { name: /^移出对比清单/ }).waitFor();
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "注册账号" }).click();
    await page.waitForURL((u) => u.pathname === "/signup");
    await page.getByRole("radio", { name: /^采购商/ }).check();
    await page.getByLabel("电子邮箱或手机号").fill("he.buyer@trade.example.com");
    await page.getByLabel(/姓名或单位名称/).fill("何采购");
    await page.getByLabel("密码", { exact: true }).fill("plateau trade 2026");
    await page.getByLabel(/再次输入密码|确认密码/).fill("plateau trade 2026");
    await page.getByLabel(/同意按此处理我的个人信息/).check();
    await page.getByRole("button", { name: "注册账号" }).click();
    await page.waitForURL((u) => u.pathname === "/login");
    await page.getByLabel("电子邮箱或手机号").fill("he.buyer@trade.example.com");
    await page.getByLabel("密码").fill("plateau trade 2026");
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL((u) => u.pathname === `/products/${crabapple.id}`); // back where they started

    // 2. the liquor's page: 询价 / 索样, with the crabapples from the shortlist offered beside it
    await page.goto(`${app.url}/products/${liquor.id}`);
    await page
      .getByRole("link", { name: /^询价 \/ 索样/ })
      .first()
      .click();
    await page.waitForURL((u) => u.pathname === "/shortlist/inquiry");
    expect(await page.getByLabel("姓名 *").inputValue()).toBe("何采购"); // from the account
    await line(page, crabapple.name).getByLabel("询价此产品").check();
    for (const [product, need] of [
      [liquor.name, { quantity: "120", unit: "箱", province: "陕西" }],
      [crabapple.name, { quantity: "2", unit: "吨", province: "陕西" }],
    ] as const) {
      await line(page, product).getByLabel("数量 *", { exact: true }).fill(need.quantity);
      await line(page, product).getByLabel("单位 *", { exact: true }).fill(need.unit);
      await line(page, product).getByLabel("交货期:最早 *").fill(chinaDate(5));
      await line(page, product).getByLabel("交货期:最晚 *").fill(chinaDate(25));
      await line(page, product).getByLabel("收货省份 *").selectOption(need.province);
    }
    await page.getByLabel(/同意按此处理我的个人信息/).check();
    await page.getByRole("button", { name: "发送询价" }).click();
    await page.waitForURL((u) => /^\/buyer\/inquiries\/\d+$/.test(u.pathname)); // the account's page, no link to keep
    await page.getByText("询价已发送给 2 位生产者。").waitFor();
    const inquiryPath = new URL(page.url()).pathname;
    expect(await axeViolations(page)).toEqual([]);

    // 3. the liquor producer quotes the 箱 line (their side is walked in the per-line story; here over HTTP)
    const producer = await createAccount(t.db);
    await t.db.updateTable("users").set({ organization_id: liquor.organization_id }).where("id", "=", producer.id).execute();
    const thread = await t.db
      .selectFrom("inquiry_recipients as r")
      .innerJoin("inquiry_products as ip", "ip.recipient_id", "r.id")
      .select(["r.id", "ip.id as lineId"])
      .where("r.organization_id", "=", liquor.organization_id)
      .where("ip.product_id", "=", liquor.id)
      .orderBy("r.id", "desc")
      .executeTakeFirstOrThrow();
    const desk = httpClient(app.url);
    await desk.signIn(producer.email, producer.password);
    const quoted = await desk.post(`/producer/inbox/${thread.id}`, { intent: "quote", lineId: thread.lineId, quoted_price: "88", price_unit: "箱", moq: "60" });
    expect(quoted.status).toBe(302);

    // 4. the quote reaches the buyer's mailbox, in Chinese, naming the product, the price and the MOQ
    const mailTo = () => smtp.received.find((m) => m.to.includes("he.buyer@trade.example.com"));
    await pollUntil(() => mailTo() !== undefined, 30_000, "the quote's mail to the buyer");
    const mail = mailTo()!;
    expect(mail.subject).toContain("回复了您的询价");
    expect(mail.text).toContain(`${liquor.name}: 88 元 / 箱`);
    expect(mail.text).toContain("起订量 60 箱");
    expect(mail.text).toMatch(/\/mail-preferences\//); // every mail says how to stop them

    // 5. in the site: the header counts the notice, 我的采购 shows the thread as quoted, the thread shows the quote
    await page.goto(`${app.url}/buyer`);
    await page.getByRole("link", { name: "通知(1)" }).waitFor();
    const card = page.locator(".buyer-home__inquiries li.card").first();
    expect(await card.getByText("已报价").count()).toBe(1);
    await card.getByRole("link").first().click();
    await page.waitForURL((u) => u.pathname === inquiryPath);
    await page.getByText("88 元 / 箱").first().waitFor();
    const liquorThread = page.locator("section.inquiry-thread").filter({ hasText: "88 元 / 箱" });
    await liquorThread.getByLabel("签约", { exact: true }).check();
    await liquorThread.getByLabel("金额(元)*", { exact: true }).fill("10560");
    await liquorThread.getByRole("button", { name: "记录成交" }).click();
    await page.getByText("成交情况已记录。").waitFor();
    await page.goto(`${app.url}/buyer`);
    await page.getByText(/签约 · .*¥10,560\.00/).waitFor(); // the deal, on 我的采购
    expect(await axeViolations(page)).toEqual([]);
  }, 300_000);
});
