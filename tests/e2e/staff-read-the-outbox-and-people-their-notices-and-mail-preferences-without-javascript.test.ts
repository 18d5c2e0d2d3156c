import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, signInOverHttp } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { axeViolations, browserAvailable, launchBrowser } from "../support/browser";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

// Issue 18 items 5 and 6 in a browser with JavaScript off: forgot-password (and its error), the mail kept for staff at
// /staff/outbox without SMTP_URL, a producer's notices at /notifications, and the preferences page a mail links to;
// each passes axe in Chinese and English.

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  t = await createTestDatabase();
  search = await createTestSearch();
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix });
  if (browserAvailable) browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await search?.drop();
  await t?.drop();
});

async function pageFor(cookie?: string) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  await addCookie(context, cookie);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

async function addCookie(context: BrowserContext, cookie?: string) {
  if (cookie) {
    const [name, value] = cookie.split("=");
    await context.addCookies([{ name: name!, value: value!, url: app.url }]);
  }
}

/** axe runs scripts in the page, so it gets a context of its own with JavaScript on; the stories run with it off. */
async function axeAt(path: string, label: string, cookie?: string, prepare?: (page: Page) => Promise<void>) {
  const context = await browser.newContext();
  await addCookie(context, cookie);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${app.url}${path}`);
  if (prepare) await prepare(page);
  const found = (await axeViolations(page)).map((v) => ({ page: label, ...v }));
  await context.close();
  return found;
}

describe.skipIf(!browserAvailable)("mail and notices without JavaScript", () => {
  it("a producer asks for a reset link, staff find the kept mail in the outbox, and its preferences link works", { timeout: 300_000 }, async () => {
    const producer = await createAccount(t.db, { organizationName: "无脚本合作社" });
    const admin = await createAccount(t.db, { role: "admin" });
    const problems: unknown[] = [];

    const visitor = await pageFor();
    await visitor.page.goto(`${app.url}/forgot-password`);
    await visitor.page.getByLabel("邮箱").fill("not-an-address");
    await visitor.page.getByRole("button", { name: "发送重设链接" }).click();
    expect(await visitor.page.locator("main").textContent()).toContain("电子邮箱格式不正确");
    problems.push(...(await axeAt("/forgot-password", "forgot")));
    await visitor.page.getByLabel("邮箱").fill(producer.email);
    await visitor.page.getByRole("button", { name: "发送重设链接" }).click();
    await visitor.page.waitForURL(/sent=1/);
    expect(await visitor.page.getByRole("status").textContent()).toContain("重设密码的链接已经发出");
    await visitor.context.close();

    const adminCookie = (await signInOverHttp(app.url, admin.email, admin.password)).cookie;
    const staff = await pageFor(adminCookie);
    problems.push(...(await axeAt("/staff/outbox?lang=en", "outbox en", adminCookie)));
    await staff.page.goto(`${app.url}/staff?lang=zh-CN`);
    await staff.page.getByRole("link", { name: "发件箱(邮件)" }).click();
    await staff.page.getByText("正文").first().click();
    const body = (await staff.page.locator("pre.mail-body").first().textContent()) ?? "";
    expect(body).toContain("/reset-password/");
    expect(await staff.page.locator("main").textContent()).toContain("已保存(未发送)");
    await staff.context.close();

    const prefsPath = body.match(/\/mail-preferences\/\S+/)![0];
    const prefs = await pageFor();
    problems.push(...(await axeAt(`${prefsPath}?lang=zh-CN`, "preferences zh")));
    await prefs.page.goto(`${app.url}${prefsPath}?lang=en`);
    await prefs.page.getByLabel("Booth leads").uncheck();
    await prefs.page.getByRole("button", { name: "Save" }).click();
    await prefs.page.waitForURL(/saved=1/);
    expect(await prefs.page.getByLabel("Booth leads").isChecked()).toBe(false);
    await prefs.context.close();
    expect(problems).toEqual([]);
  });

  it("a producer reads a notice and marks it read; the header count goes", { timeout: 300_000 }, async () => {
    const producer = await createAccount(t.db, { organizationName: "通知无脚本合作社" });
    await t.db
      .insertInto("notifications")
      .values([
        { user_id: producer.id, kind: "new_inquiry", event_key: "a", params: { buyer: "王经理" } as never, link_path: "/producer/inbox" },
        {
          user_id: producer.id,
          kind: "review_decision",
          event_key: "b",
          params: { entity: "product", record: "青稞酒", record_en: "Barley wine", decision: "approve" } as never,
          link_path: "/producer",
        },
      ])
      .execute();
    const cookie = (await signInOverHttp(app.url, producer.email, producer.password)).cookie;
    const problems: unknown[] = [...(await axeAt("/notifications?lang=en", "notifications en", cookie))];
    const { context, page } = await pageFor(cookie);
    await page.goto(`${app.url}/notifications?lang=zh-CN`);
    expect(await page.getByRole("link", { name: "通知(2)" }).count()).toBe(1);
    expect(await page.locator("main").textContent()).toContain("产品“青稞酒”已通过审核");
    await page.getByRole("button", { name: /^标为已读:王经理/ }).click();
    await page.waitForURL(/done=read/);
    expect(await page.getByRole("link", { name: "通知(1)" }).count()).toBe(1);
    await page.getByRole("button", { name: "全部标为已读" }).click();
    await page.waitForURL(/done=read/);
    expect(await page.getByRole("link", { name: "通知", exact: true }).count()).toBe(1);
    await context.close();
    expect(problems).toEqual([]);
  });
});
