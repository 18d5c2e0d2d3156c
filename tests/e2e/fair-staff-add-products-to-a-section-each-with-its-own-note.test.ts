import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { browserAvailable, launchBrowser, signInInBrowser } from "../support/browser";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { seedSampleFair } from "../support/events";

// Issue 19: with JavaScript, the add-to-section form kept the previous product's note, so the next product added was
// saved with it. After an add the form must start empty.

describe.skipIf(!browserAvailable)("fair staff add products to a section", () => {
  let t: TestDatabase;
  let app: TestApp;
  let browser: Browser;
  let fair: Awaited<ReturnType<typeof seedSampleFair>>;

  beforeAll(async () => {
    t = await createTestDatabase();
    fair = await seedSampleFair(t.db);
    app = await startTestApp({ databaseUrl: t.url, indexPrefix: `ae${process.pid}_`, env: { DATA_DIR: fair.dataDir } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    fair?.cleanup();
    await t?.drop();
  });

  it("each with its own note: after adding one, the form is empty for the next", { timeout: 90_000 }, async () => {
    const staff = await createAccount(t.db, { role: "fair_staff" });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInInBrowser(page, app.url, staff);
    const section = (await t.db.selectFrom("event_sections").select(["id"]).where("event_id", "=", fair.eventId).orderBy("position").executeTakeFirstOrThrow())
      .id;
    // two exhibitor products not yet picked in this section
    const picked = (await t.db.selectFrom("event_entries").select("product_id").where("section_id", "=", section).execute()).map((r) => r.product_id);
    const options = await (async () => {
      await page.goto(`${app.url}/events/${fair.eventId}/manage`);
      return page.locator(`#add-${section} option`).evaluateAll((els) => els.map((e) => Number((e as HTMLOptionElement).value)));
    })();
    const [first, second] = options.filter((id) => !picked.includes(id));
    expect(second).toBeDefined();

    // with JavaScript running (the bug was in the page's own navigation), marked so a full reload would show
    await page.waitForFunction(() => "__remixRouter" in window);
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    const addForm = () => page.locator(`form:has(#add-${section})`);
    await page.locator(`#add-${section}`).selectOption(String(first));
    await page.locator(`#add-note-zh-${section}`).fill("第一件的说明");
    await addForm().getByRole("button", { name: "手动添加产品" }).click();
    await expect
      .poll(
        async () =>
          (await t.db.selectFrom("event_entries").select("note_zh").where("section_id", "=", section).where("product_id", "=", first!).executeTakeFirst())
            ?.note_zh,
      )
      .toBe("第一件的说明");
    // the page is the same document (no reload): the form starts empty
    await expect.poll(() => page.locator(`#add-note-zh-${section}`).inputValue()).toBe("");
    expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);

    await page.locator(`#add-${section}`).selectOption(String(second));
    await addForm().getByRole("button", { name: "手动添加产品" }).click();
    await expect
      .poll(
        async () =>
          (await t.db.selectFrom("event_entries").select("id").where("section_id", "=", section).where("product_id", "=", second!).executeTakeFirst()) !==
          undefined,
      )
      .toBe(true);
    const saved = await t.db
      .selectFrom("event_entries")
      .select("note_zh")
      .where("section_id", "=", section)
      .where("product_id", "=", second!)
      .executeTakeFirstOrThrow();
    expect(saved.note_zh).toBeNull();
    await context.close();
  });
});
