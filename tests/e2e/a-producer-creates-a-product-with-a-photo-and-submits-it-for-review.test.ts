import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { axeViolations, browserAvailable, launchBrowser, signInInBrowser } from "../support/browser";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

describe.skipIf(!browserAvailable)("a producer creates a product with a photo, submits it, and sees it waiting for review", () => {
  let t: TestDatabase;
  let search: Awaited<ReturnType<typeof createTestSearch>>;
  let app: TestApp;
  let browser: Browser;
  let account: Awaited<ReturnType<typeof createAccount>>;

  beforeAll(async () => {
    t = await createTestDatabase();
    search = await createTestSearch();
    account = await createAccount(t.db, { organizationName: "乐都区测试果蔬合作社" });
    app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await search?.drop();
    await t?.drop();
  });

  it("walks through sign-in, the product form, the picture upload and submission", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInInBrowser(page, app.url, account);
    await page.getByRole("heading", { level: 1, name: "我的主体" }).waitFor();

    await page.getByRole("link", { name: "新建产品" }).click();
    await page.getByRole("heading", { level: 1, name: "新建产品" }).waitFor();
    await page.getByLabel("产品名称(中文)*").fill("测试沙果鲜果");
    await page.getByLabel("产品名称(英文)").fill("Test crabapple");
    await page.getByLabel("类别 *").selectOption("水果");
    await page.getByLabel("8月").check();
    await page.getByLabel("9月").check();
    await page.getByLabel("起订量", { exact: true }).fill("500");
    // an invalid value first: the error appears next to its field
    await page.getByLabel("年供应量").fill("-3");
    await page.getByRole("button", { name: "保存" }).click();
    await expect.poll(() => page.getByText("应为数字").count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("年供应量").fill("300");
    await page.getByRole("button", { name: "保存" }).click();

    await page.getByRole("heading", { level: 1, name: /产品图片/ }).waitFor();
    await page.getByLabel(/选择图片/).setInputFiles(path.resolve(import.meta.dirname, "../fixtures/images/barley-field.jpg"));
    await page.getByLabel("图片说明(中文)*").fill("成熟的沙果挂在枝头");
    await page.getByRole("button", { name: "上传" }).click();
    await page.getByText("图片已上传。").waitFor();
    expect(await page.getByRole("img", { name: "成熟的沙果挂在枝头" }).count()).toBe(1);
    // the description can be corrected after upload, next to the picture
    await page.getByLabel("第 1 张图片的说明(中文)*").fill("枝头成熟的红沙果");
    await page.getByRole("button", { name: "保存说明" }).click();
    await page.getByRole("status").getByText("已保存。").waitFor();
    await expect.poll(() => page.getByRole("img", { name: "枝头成熟的红沙果" }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("link", { name: "编辑产品" }).click();
    await page.getByRole("heading", { level: 1, name: "编辑产品" }).waitFor();
    await page.getByRole("button", { name: "提交审核" }).click();
    await page.getByText("已提交,等待市场监管部门审核。").waitFor();

    await page.goto(`${app.url}/producer`);
    const row = page.getByRole("row", { name: /测试沙果鲜果/ });
    expect(await row.textContent()).toContain("待审核");
    expect(await axeViolations(page)).toEqual([]);

    const stored = await t.db.selectFrom("products").selectAll().where("name_zh", "=", "测试沙果鲜果").executeTakeFirstOrThrow();
    expect(stored.status).toBe("submitted");
    expect(stored.organization_id).toBe(account.organizationId);
    expect(stored.availability_months).toEqual([8, 9]);
    await context.close();
  });

  it("the product form works with JavaScript turned off", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInInBrowser(page, app.url, account);
    await page.goto(`${app.url}/producer/products/new`);
    await page.getByRole("button", { name: "保存" }).click();
    // server-side validation answers with the field errors
    expect(await page.getByText("必填").count()).toBeGreaterThan(0);
    await page.getByLabel("产品名称(中文)*").fill("无脚本产品");
    await page.getByLabel("类别 *").selectOption("蔬菜");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByRole("heading", { level: 1, name: /产品图片/ }).waitFor();
    await context.close();
  });
});
