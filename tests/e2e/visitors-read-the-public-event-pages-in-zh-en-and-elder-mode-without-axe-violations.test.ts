import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app";
import { axeViolations, launchBrowser } from "../support/browser";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { seedSampleFair } from "../support/events";

describe("visitors read the public event pages in zh, en and elder mode", () => {
  let t: TestDatabase;
  let app: TestApp;
  let browser: Browser;
  let fair: Awaited<ReturnType<typeof seedSampleFair>>;

  beforeAll(async () => {
    t = await createTestDatabase();
    fair = await seedSampleFair(t.db);
    app = await startTestApp({ databaseUrl: t.url, indexPrefix: `ax${process.pid}_`, env: { DATA_DIR: fair.dataDir } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    fair?.cleanup();
    await t?.drop();
  });

  it("has no WCAG A/AA violations on the list, event, kiosk, presenter and print pages", { timeout: 300_000 }, async () => {
    const pages = ["/events", `/events/${fair.eventId}`, `/events/${fair.eventId}/kiosk`, `/events/${fair.eventId}/present`, `/events/${fair.eventId}/print`];
    for (const mode of ["lang=zh-CN", "lang=en", "elder=1"]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      for (const p of pages) {
        await page.goto(`${app.url}${p}${p.includes("?") ? "&" : "?"}${mode}`);
        expect({ page: p, mode, violations: await axeViolations(page) }).toEqual({ page: p, mode, violations: [] });
      }
      await context.close();
    }
  });
});
