import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../support/accounts";
import { startTestApp, waitForIndexed, type TestApp } from "../support/app";
import { axeViolations, browserAvailable, launchBrowser, signInInBrowser } from "../support/browser";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

// Issue 21: 删除 asks first, moves the product to the recycle bin with a notice and an undo, takes it off the public
// page and out of search at once, and 恢复 (or 撤销) brings it back as it was, into search again.

describe.skipIf(!browserAvailable)("a producer deletes a product by mistake and restores it from the recycle bin", () => {
  let t: TestDatabase;
  let search: Awaited<ReturnType<typeof createTestSearch>>;
  let app: TestApp;
  let browser: Browser;
  let account: Awaited<ReturnType<typeof createAccount>>;
  let productId = 0;
  const NAME = "回收站测试沙棘原汁";

  /** Whether the public search page lists the product (its link), as a visitor sees it. */
  const inSearch = async () => {
    const html = await (await fetch(`${app.url}/search?q=${encodeURIComponent("沙棘原汁")}`)).text();
    return new RegExp(`href="/products/${productId}["?]`).test(html);
  };
  const publicStatus = async () => (await fetch(`${app.url}/products/${productId}`)).status;

  beforeAll(async () => {
    t = await createTestDatabase();
    search = await createTestSearch();
    account = await createAccount(t.db, { organizationName: "回收站测试合作社" });
    productId = (
      await t.db
        .insertInto("products")
        .values({ organization_id: account.organizationId!, name_zh: NAME, name_en: "Test sea-buckthorn juice", category: "水果", status: "published" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    await t.db.insertInto("search_outbox").values({ entity_type: "product", entity_id: productId }).execute();
    app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix });
    browser = await launchBrowser();
    await waitForIndexed(inSearch, 30_000);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await search?.drop();
    await t?.drop();
  });

  /** Bins the product from its edit page through the confirm panel; `axe` checks the open panel (needs JavaScript to inject). */
  async function binFromItsPage(page: Page, { axe = true } = {}) {
    await page.goto(`${app.url}/producer/products/${productId}`);
    await page.getByRole("heading", { level: 1, name: "编辑产品" }).waitFor();
    const summary = page.locator("summary", { hasText: "删除" });
    // (this product is far from complete, so 提交审核 is itself a panel that asks first: a summary, not a button)
    // not styled like 提交审核 beside it: outlined in the danger colour, in its own place below
    const submitClass = await page.locator("summary, button", { hasText: "提交审核" }).first().getAttribute("class");
    const deleteClass = (await summary.getAttribute("class")) ?? "";
    expect(deleteClass).toContain("button--danger-outline");
    expect(deleteClass).not.toBe(submitClass);
    expect(await summary.getAttribute("aria-label")).toBe(`删除产品:${NAME}`);
    // it asks first, naming the product; nothing has happened yet
    await summary.click();
    const panel = page.locator(".product-delete .confirm-action__panel");
    await panel.waitFor();
    expect(await panel.textContent()).toContain(`将“${NAME}”移到回收站?`);
    if (axe) expect(await axeViolations(page)).toEqual([]);
    expect((await t.db.selectFrom("products").select("deleted_at").where("id", "=", productId).executeTakeFirstOrThrow()).deleted_at).toBeNull();
    await panel.getByRole("button", { name: "移到回收站" }).click();
    await page.getByRole("status").getByText("已移到回收站,30 天内可恢复。").waitFor();
    expect(new URL(page.url()).pathname).toBe("/producer/products/bin");
  }

  it("asks first, bins with a notice, and takes the product off its public page, search and the producer's list at once", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInInBrowser(page, app.url, account);
    await page.getByRole("heading", { level: 1, name: "我的主体" }).waitFor();
    expect(await publicStatus()).toBe(200);

    await binFromItsPage(page);
    const row = page.getByRole("row", { name: new RegExp(NAME) });
    expect(await row.textContent()).toContain("30 天");
    expect(await row.textContent()).toContain("已公开");
    // gone from the public page at once, and from search as soon as the outbox is drained
    expect([404, 410]).toContain(await publicStatus());
    await waitForIndexed(async () => !(await inSearch()));
    // nor on the producer's own list, which points at the bin instead
    await page.goto(`${app.url}/producer`);
    expect(await page.getByRole("link", { name: NAME }).count()).toBe(0);
    await page.getByRole("link", { name: "回收站(1)" }).click();
    await page.getByRole("heading", { level: 1, name: "回收站" }).waitFor();

    // a binned product cannot be edited: its page is gone until it is restored
    expect((await page.goto(`${app.url}/producer/products/${productId}`))?.status()).toBe(404);
    expect(await t.db.selectFrom("products").select(["status", "status_before_delete"]).where("id", "=", productId).executeTakeFirstOrThrow()).toEqual({
      status: "archived",
      status_before_delete: "published",
    });
    await context.close();
  });

  it("restores from the bin list (zh and en pass axe), and undoes at once from the notice", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInInBrowser(page, app.url, account);

    // restore from the list (the product binned in the story above)
    await page.goto(`${app.url}/producer/products/bin`);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${app.url}/producer/products/bin?lang=en`);
    await page.getByRole("heading", { level: 1, name: "Recycle bin" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: `Restore: ${NAME}` }).click();
    await page.getByRole("status").getByText("Restored, as it was before it was deleted.").waitFor();
    // the list updates with the answer; under load it can land a moment after the notice
    await expect.poll(() => page.getByText("The recycle bin is empty.").count()).toBe(1);
    expect(await publicStatus()).toBe(200);
    await waitForIndexed(inSearch);
    await page.goto(`${app.url}/producer?lang=zh-CN`);

    // delete again, and this time undo straight from the notice
    await binFromItsPage(page);
    await waitForIndexed(async () => !(await inSearch()));
    await page.getByRole("button", { name: `撤销删除:${NAME}` }).click();
    await page.getByRole("status").getByText("已恢复,回到删除前的状态。").waitFor();
    expect(
      await t.db.selectFrom("products").select(["status", "deleted_at", "status_before_delete"]).where("id", "=", productId).executeTakeFirstOrThrow(),
    ).toEqual({ status: "published", deleted_at: null, status_before_delete: null });
    expect(await publicStatus()).toBe(200);
    await waitForIndexed(inSearch);
    await page.getByRole("link", { name: NAME }).click();
    await page.getByRole("heading", { level: 1, name: "编辑产品" }).waitFor();
    await context.close();
  });

  it("asks, bins and undoes with JavaScript turned off too", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInInBrowser(page, app.url, account);
    await binFromItsPage(page, { axe: false });
    await page.getByRole("button", { name: `撤销删除:${NAME}` }).click();
    await page.getByRole("status").getByText("已恢复,回到删除前的状态。").waitFor();
    expect((await t.db.selectFrom("products").select("status").where("id", "=", productId).executeTakeFirstOrThrow()).status).toBe("published");
    await context.close();
  });
});
