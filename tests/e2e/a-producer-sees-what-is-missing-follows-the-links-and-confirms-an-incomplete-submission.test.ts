import type { Browser, Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { axeViolations, browserAvailable, launchBrowser, signInInBrowser } from "../support/browser";
import { createTestDatabase, type TestDatabase } from "../support/db";

// Issue 21: the completeness meter appeared only after the first save, its missing items were not links, and a
// product at 17% went to review without a word; after 保存 at the foot of the long form the notice appeared at the
// top while the screen stayed at the bottom.

describe.skipIf(!browserAvailable)("a producer sees what buyers will miss, follows the links, and confirms an incomplete submission", () => {
  let t: TestDatabase;
  let app: TestApp;
  let browser: Browser;
  let account: Awaited<ReturnType<typeof createAccount>>;

  beforeAll(async () => {
    t = await createTestDatabase();
    account = await createAccount(t.db, { organizationName: "平安区完整度测试合作社" });
    app = await startTestApp({ databaseUrl: t.url, indexPrefix: `meter${process.pid}_` });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await t?.drop();
  });

  it("shows the meter on the new form, links each missing item to its field, focuses the saved notice, and asks before submitting below 60%", async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
    const page = await context.newPage();
    await signInInBrowser(page, app.url, account);
    await page.goto(`${app.url}/producer/products/new`);
    await page.getByRole("button", { name: "朗读本页" }).waitFor();

    // from the start: the meter and what is missing, each a link to its field that puts the cursor there
    expect(await page.getByLabel(/^完整度 \d+%$/).count()).toBe(1);
    const missing = page.getByRole("list", { name: "还缺少:" });
    const inView = (locator: Locator) => locator.evaluate((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().bottom <= innerHeight);
    const nameEn = `#${await page.getByLabel("产品名称(英文)").getAttribute("id")}`;
    await missing.getByRole("link", { name: "英文名称" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(nameEn.slice(1));
    expect(await inView(page.getByLabel("产品名称(英文)"))).toBe(true);
    await missing.getByRole("link", { name: "供应月份" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest("fieldset")?.id)).toBe("product-months");
    expect(await inView(page.locator("#product-months input").first())).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel("产品名称(中文)*").fill("完整度测试大蒜");
    await page.getByLabel("类别 *").selectOption("蔬菜");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByRole("heading", { level: 1, name: /产品图片/ }).waitFor();
    await page.getByRole("link", { name: "编辑产品" }).click();
    await page.getByRole("heading", { level: 1, name: "编辑产品" }).waitFor();

    // the edit form's meter links the picture item to the pictures page
    expect(await page.getByRole("list", { name: "还缺少:" }).getByRole("link", { name: "产品图片" }).getAttribute("href")).toMatch(
      /^\/producer\/products\/\d+\/images$/,
    );

    // 保存 at the foot of the long form: focus (and the screen) moves to the notice at the top
    await page.getByLabel("起订量", { exact: true }).fill("100");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await page
      .getByRole("status")
      .getByText(/已保存/)
      .waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("notice") ?? false)).toBe(true);
    await expect
      .poll(() =>
        page
          .getByRole("status")
          .getByText(/已保存/)
          .evaluate((el) => Math.round(el.getBoundingClientRect().top)),
      )
      .toBeLessThan(800);
    expect(
      await page
        .getByRole("status")
        .getByText(/已保存/)
        .evaluate((el) => el.getBoundingClientRect().top),
    ).toBeGreaterThanOrEqual(0);

    // below 60%: 提交审核 asks first, saying what is missing; nothing is submitted until confirmed
    await page.getByText("提交审核", { exact: true }).click();
    await page.getByText(/资料完整度只有 \d+%,还缺少:/).waitFor();
    expect((await t.db.selectFrom("products").select("status").where("name_zh", "=", "完整度测试大蒜").executeTakeFirstOrThrow()).status).toBe("draft");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "仍然提交审核" }).click();
    await page.getByText("已提交,等待市场监管部门审核。").waitFor();
    expect((await t.db.selectFrom("products").select("status").where("name_zh", "=", "完整度测试大蒜").executeTakeFirstOrThrow()).status).toBe("submitted");
    await context.close();
  });
});
