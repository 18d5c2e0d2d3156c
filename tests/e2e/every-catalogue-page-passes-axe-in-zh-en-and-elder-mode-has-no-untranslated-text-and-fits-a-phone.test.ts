import { expect, it } from "vitest";
import { walkEveryPage, type PageCase, type WalkIds } from "../support/page-walk";

// Every page template of the public catalogue's pages (search, records, sign-in, statistics, verification, reports, guidance, shortlist, the buyer's own pages): add new templates here. The checks live in tests/support/page-walk.ts.
const pages = (ids: WalkIds): PageCase[] => [
  { name: "home", path: "/" },
  { name: "search results", path: `/search?q=${encodeURIComponent("青稞")}` },
  { name: "search, nothing found", path: "/search?q=zzzzqqq" },
  { name: "GI product", path: `/gi/${ids.gi}` },
  { name: "product", path: `/products/${ids.product}` },
  { name: "organisation", path: `/organizations/${ids.organization}` },
  { name: "trademark", path: `/trademarks/${ids.trademark}` },
  { name: "regional brand", path: `/regional-brands/${ids.regionalBrand}` },
  { name: "not found", path: "/no-such-page" },
  { name: "sign in", path: "/login" },
  {
    name: "sign in, wrong password",
    path: "/login",
    prepare: async (page) => {
      await page.locator("input[name=account]").fill("nobody@test.example");
      await page.locator("input[name=password]").fill("wrong password");
      await page.locator("form button[type=submit]").first().click();
      await page.locator("[role=alert]").first().waitFor();
    },
  },
  { name: "sign up", path: "/signup" },
  { name: "forgot password", path: "/forgot-password" },
  {
    name: "sign up with errors",
    path: "/signup",
    prepare: async (page) => {
      await page.locator("main form button[type=submit]").first().click();
      await page.locator(".field-error").first().waitFor();
    },
  },
  { name: "statistics", path: "/stats" },
  { name: "open data", path: "/open-data" },
  { name: "verify an organisation", path: "/verify" },
  { name: "verify, bad check character", path: "/verify?code=93630223MA7E2000X" },
  { name: "report misuse", path: "/report" },
  {
    name: "report misuse with errors",
    path: "/report",
    prepare: async (page) => {
      await page.locator("main form button[type=submit]").first().click();
      await page.locator(".field-error").first().waitFor();
    },
  },
  { name: "guidance topics", path: "/guide" },
  { name: "guidance topic", path: "/guide/nice-classes" },
  { name: "shortlist", path: "/shortlist" },
  { name: "privacy notice", path: "/privacy" },
  { name: "buyer home (我的采购)", path: "/buyer", signedIn: "buyer" },
  { name: "buyer profile", path: "/buyer/profile", signedIn: "buyer" },
  {
    name: "buyer profile with errors",
    path: "/buyer/profile",
    signedIn: "buyer",
    prepare: async (page) => {
      await page.locator("input[name=wechat]").fill("1");
      await page.locator("main form button[type=submit]").first().click();
      await page.locator(".field-error").first().waitFor();
    },
  },
  { name: "delete account", path: "/account/delete", signedIn: "buyer" },
];

walkEveryPage("catalogue", pages, (walk) => {
  it("sets html lang and hreflang alternates, and elder mode body text is at least 24 px", async () => {
    const context = await walk().browser.newContext();
    const page = await context.newPage();
    await page.goto(`${walk().app.url}/?lang=en&elder=1`);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.locator('link[rel=alternate][hreflang="zh-CN"]').count()).toBe(1);
    const size = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector("main p")!).fontSize));
    expect(size).toBeGreaterThanOrEqual(24);
    await page.goto(`${walk().app.url}/?size=3`);
    const largest = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector("main p")!).fontSize));
    expect(largest).toBeGreaterThanOrEqual(40);
    const lineHeight = await page.evaluate(() => {
      const s = getComputedStyle(document.querySelector("main p")!);
      return parseFloat(s.lineHeight) / parseFloat(s.fontSize);
    });
    expect(lineHeight).toBeGreaterThanOrEqual(1.3);
    await context.close();
  });
});
