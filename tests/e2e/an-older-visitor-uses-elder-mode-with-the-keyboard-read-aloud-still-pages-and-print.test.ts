import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, waitForIndexed, type TestApp } from "../support/app";
import { browserAvailable, launchBrowser } from "../support/browser";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

// Issue 7's 适老模式 (elder-friendly mode) details that the page walk does not measure: the toggle works and is
// remembered without JavaScript, keyboard users get a skip link, strong focus outlines and no trap, text reaches the
// 7:1 contrast the issue aims for, the read-aloud control speaks the main content, nothing moves, and pages print
// without the site's navigation.

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let app: TestApp;
let browser: Browser;
let giPath = "";

beforeAll(async () => {
  t = await createTestDatabase();
  search = await createTestSearch();
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix });
  giPath = `/gi/${(await t.db.selectFrom("gi_products").select("id").where("name_zh", "=", "互助青稞酒").executeTakeFirstOrThrow()).id}`;
  await waitForIndexed(async () => (await (await fetch(`${app.url}/search?q=${encodeURIComponent("青稞")}`)).text()).includes("互助青稞酒"));
  if (browserAvailable) browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await search?.drop();
  await t?.drop();
});

// The read-aloud button is rendered only once React has hydrated (it needs speechSynthesis): counting focusable
// controls on a hydrated page and then tabbing through one that is not yet would miss it.
const hydrated = (page: Page) => page.getByRole("button", { name: "朗读本页" }).waitFor();

const elderOf = (page: Page) => page.evaluate(() => document.documentElement.dataset.elder ?? null);

describe.skipIf(!browserAvailable)("an older visitor", () => {
  it("turns 适老模式 on and off from the visible control, without JavaScript, and it is remembered", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${app.url}${giPath}`);
    expect(await elderOf(page)).toBeNull();
    await page.getByRole("banner").getByRole("link", { name: "适老模式", exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get("elder") === "1");
    expect(await elderOf(page)).toBe("1");
    // the same record page again, without the parameter: the cookie keeps the mode
    await page.goto(`${app.url}/search?q=${encodeURIComponent("青稞")}`);
    expect(await elderOf(page)).toBe("1");
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBeGreaterThanOrEqual(24);
    await page.getByRole("banner").getByRole("link", { name: "退出适老模式" }).click();
    await page.waitForURL((u) => u.searchParams.get("elder") === "0");
    await page.goto(`${app.url}/`);
    expect(await elderOf(page)).toBeNull();
    await context.close();
  }, 120_000);

  it("reaches the skip link first, jumps to the content, sees a strong focus outline and is never trapped", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/search?q=${encodeURIComponent("青稞")}&elder=1`);
    await hydrated(page);
    await page.keyboard.press("Tab");
    const first = await page.evaluate(() => ({ cls: document.activeElement?.className, href: document.activeElement?.getAttribute("href") }));
    expect(first).toEqual({ cls: "skip-link", href: "#main" });
    // the skip link is visible while focused (not left off-screen)
    const box = (await page.locator(".skip-link").boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => !!document.activeElement?.closest("main"))).toBe(true);
    const outline = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement!);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    expect(outline.style).toBe("solid");
    expect(outline.width).toBeGreaterThanOrEqual(5);
    // Tab walks every focusable control once and leaves the page (focus returns to the top): no keyboard trap
    const focusable = await page.evaluate(
      () =>
        [...document.querySelectorAll<HTMLElement>("a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]")].filter(
          (el) => el.tabIndex >= 0 && !el.hasAttribute("disabled") && (el.offsetParent !== null || el.classList.contains("skip-link")),
        ).length,
    );
    await page.goto(`${app.url}/search?q=${encodeURIComponent("青稞")}&elder=1`);
    await hydrated(page);
    // each focused element is numbered on its first visit; a trap would keep focus inside a few of them
    let seen = 0;
    let left = false;
    for (let i = 0; i < focusable + 5 && !left; i++) {
      await page.keyboard.press("Tab");
      const step = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return "left";
        if (el.dataset.tabSeen) return "again";
        el.dataset.tabSeen = "1";
        return "new";
      });
      if (step === "new") seen++;
      else left = true;
    }
    expect(left).toBe(true);
    expect(seen).toBeGreaterThanOrEqual(focusable);
    await context.close();
  }, 120_000);

  it("reads text at 7:1 contrast or better in 适老模式 (axe color-contrast-enhanced), in zh and en", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: unknown[] = [];
    for (const path of ["/", `/search?q=${encodeURIComponent("青稞")}`, giPath, "/login", "/stats"]) {
      for (const lang of ["zh-CN", "en"]) {
        await page.goto(`${app.url}${path}${path.includes("?") ? "&" : "?"}elder=1&lang=${lang}`);
        const result = await new AxeBuilder({ page }).withRules(["color-contrast-enhanced"]).analyze();
        for (const v of result.violations)
          problems.push({ path, lang, nodes: v.nodes.map((n) => `${n.target.join(" ")}: ${n.any[0]?.message ?? ""}`).slice(0, 5) });
      }
    }
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);

  it("has the main content read aloud in the page's language by the browser's speech synthesis", async () => {
    const context = await browser.newContext();
    // a spy around the real speechSynthesis.speak (the real one still runs): records what would be spoken
    await context.addInitScript(() => {
      const w = window as unknown as { spoken: { text: string; lang: string }[] };
      w.spoken = [];
      if (!("speechSynthesis" in window)) return;
      const real = window.speechSynthesis.speak.bind(window.speechSynthesis);
      window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
        w.spoken.push({ text: u.text, lang: u.lang });
        real(u);
      };
    });
    const page = await context.newPage();
    for (const [lang, label] of [
      ["zh-CN", "朗读本页"],
      ["en", "Read this page aloud"],
    ] as const) {
      await page.goto(`${app.url}${giPath}?elder=1&lang=${lang}`);
      await page.getByRole("button", { name: label }).click();
      const spoken = await page.evaluate(() => (window as unknown as { spoken: { text: string; lang: string }[] }).spoken);
      expect(spoken).toHaveLength(1);
      expect(spoken[0]!.lang).toBe(lang);
      expect(spoken[0]!.text).toContain("互助青稞酒");
      // the main content only, not the site navigation
      expect(spoken[0]!.text).not.toContain(label);
    }
    await context.close();
  }, 120_000);

  it("sees nothing move in 适老模式, nor when the system asks for reduced motion", async () => {
    const movingStyle =
      "@keyframes hd-test-spin { to { transform: rotate(360deg); } } .hd-test-moving { animation: hd-test-spin 1s infinite; transition: color 2s; }";
    const running = async (page: Page) =>
      page.evaluate((css) => {
        const style = document.createElement("style");
        style.textContent = css;
        document.head.append(style);
        const el = document.createElement("div");
        el.className = "hd-test-moving";
        el.textContent = "x";
        document.querySelector("main")!.append(el);
        return document.getAnimations().length;
      }, movingStyle);
    const plain = await browser.newContext();
    const control = await plain.newPage();
    await control.goto(`${app.url}/`);
    // the probe itself moves on an ordinary page, so the two checks below can fail
    expect(await running(control)).toBeGreaterThan(0);
    await control.goto(`${app.url}/?elder=1`);
    expect(await running(control)).toBe(0);
    await plain.close();
    const reduced = await browser.newContext({ reducedMotion: "reduce" });
    const page = await reduced.newPage();
    await page.goto(`${app.url}/?elder=0`);
    expect(await running(page)).toBe(0);
    await reduced.close();
  }, 120_000);

  it("prints a record page without the site's navigation, preferences and skip link", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}${giPath}?elder=1`);
    await page.emulateMedia({ media: "print" });
    const shown = async (selector: string) => page.locator(selector).first().isVisible();
    expect(await shown("main h1")).toBe(true);
    expect(await shown(".site-nav")).toBe(false);
    expect(await shown(".site-prefs")).toBe(false);
    expect(await shown(".skip-link")).toBe(false);
    await page.emulateMedia({ media: "screen" });
    expect(await shown(".site-nav")).toBe(true);
    await context.close();
  }, 120_000);
});
