import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type Page } from "playwright-core";

// Browser tests drive Debian's Chromium (or CHROMIUM_PATH). Without one they are skipped with a warning, unless
// REQUIRE_BROWSER=1 (CI), which turns a missing browser into a failure. Both are read here, not through the app's
// config(): they steer the test harness itself (is there a browser to drive?), before and apart from any app process;
// the app that prints PDFs reads CHROMIUM_PATH, with the same default, from app/platform/config.server.ts.
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const browserAvailable = fs.existsSync(chromiumPath);

if (!browserAvailable) {
  if (process.env.REQUIRE_BROWSER === "1") {
    throw new Error(`REQUIRE_BROWSER=1 but no Chromium at ${chromiumPath} (apt-get install chromium fonts-noto-cjk)`);
  }
  console.warn(`\n⚠ Browser tests skipped: no Chromium at ${chromiumPath}. Install it or set CHROMIUM_PATH.\n`);
}

/** Playwright gives every launch a fresh, throw-away profile directory. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** axe-core WCAG 2.1 A/AA violations on the page as it is now. */
export async function axeViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
}

/**
 * Signs in through the /login form and waits until the browser has left it: the login page has an h1 of its own, so
 * waiting for "a heading" would let a following goto cancel the sign-in POST.
 */
export async function signInInBrowser(page: Page, appUrl: string, account: { email: string; password: string }) {
  await page.goto(`${appUrl}/login`);
  await page.getByLabel("电子邮箱或手机号").fill(account.email);
  await page.getByLabel("密码").fill(account.password);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
}
