import { sql } from "kysely";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, signInOverHttp } from "../support/accounts";
import { startTestApp, waitForIndexed, type TestApp } from "../support/app";
import { axeViolations, browserAvailable, launchBrowser } from "../support/browser";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { seedSampleFair } from "../support/events";
import { createTestSearch } from "../support/search";

// Every page template, in its normal and (for forms) its error state. Add new templates here.
interface PageCase {
  name: string;
  path: string;
  /** producer: a producer with their own organisation; admin: both the staff (审核) and the fair-staff areas */
  signedIn?: "producer" | "admin";
  /** puts the page into its error state after loading */
  prepare?: (page: Page) => Promise<void>;
}

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let app: TestApp;
let browser: Browser;
let fair: Awaited<ReturnType<typeof seedSampleFair>>;
const cookies: Record<"producer" | "admin", string> = { producer: "", admin: "" };
const ids: Record<string, number> = {};

const pages = (): PageCase[] => [
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
  {
    name: "sign up with errors",
    path: "/signup",
    prepare: async (page) => {
      await page.locator("main form button[type=submit]").first().click();
      await page.locator(".field-error").first().waitFor();
    },
  },
  { name: "producer dashboard", path: "/producer", signedIn: "producer" },
  { name: "organisation profile", path: "/producer/organization", signedIn: "producer" },
  { name: "new product", path: "/producer/products/new", signedIn: "producer" },
  {
    name: "new product with errors",
    path: "/producer/products/new",
    signedIn: "producer",
    prepare: async (page) => {
      await page.locator("main form button[type=submit]").first().click();
      await page.locator(".field-error").first().waitFor();
    },
  },
  { name: "edit product", path: `/producer/products/${ids.ownProduct}`, signedIn: "producer" },
  { name: "product pictures", path: `/producer/products/${ids.ownProduct}/images`, signedIn: "producer" },
  { name: "product pictures, published (changes wait for review)", path: `/producer/products/${ids.publishedOwnProduct}/images`, signedIn: "producer" },
  { name: "product recycle bin", path: "/producer/products/bin", signedIn: "producer" },
  { name: "trademarks", path: "/producer/trademarks", signedIn: "producer" },
  { name: "new trademark", path: "/producer/trademarks/new", signedIn: "producer" },
  { name: "edit trademark", path: `/producer/trademarks/${ids.ownTrademark}`, signedIn: "producer" },
  { name: "GI and brand claims", path: "/producer/claims", signedIn: "producer" },
  { name: "claim evidence", path: `/producer/claims/gi/${ids.claim}/evidence`, signedIn: "producer" },
  { name: "producer inbox", path: "/producer/inbox", signedIn: "producer" },
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
  { name: "events", path: "/events" },
  { name: "event", path: `/events/${ids.event}` },
  { name: "event, searched", path: `/events/${ids.event}?q=${encodeURIComponent("青稞")}&category=${encodeURIComponent("酒类")}` },
  { name: "event, nothing found", path: `/events/${ids.event}?q=zzzz` },
  { name: "event exhibitor list", path: `/events/${ids.event}/list` },
  { name: "event kiosk", path: `/events/${ids.event}/kiosk` },
  { name: "event presenter", path: `/events/${ids.event}/present` },
  { name: "event printable catalogue", path: `/events/${ids.event}/print` },
  { name: "booth page (QR target)", path: `/events/${ids.event}/booth/${ids.exhibitor}` },
  {
    name: "booth page with errors",
    path: `/events/${ids.event}/booth/${ids.exhibitor}`,
    prepare: async (page) => {
      await page.locator("main form button[type=submit]").first().click();
      await page.locator(".field-error").first().waitFor();
    },
  },
  { name: "staff home", path: "/staff", signedIn: "admin" },
  { name: "staff claims", path: "/staff/claims", signedIn: "admin" },
  { name: "staff facts", path: "/staff/facts?type=trademark", signedIn: "admin" },
  { name: "staff official figures", path: "/staff/figures", signedIn: "admin" },
  {
    name: "staff official figures with errors",
    path: "/staff/figures",
    signedIn: "admin",
    prepare: async (page) => {
      await page.locator("main form button[type=submit]").first().click();
      await page.locator(".field-error").first().waitFor();
    },
  },
  { name: "staff organisations", path: "/staff/organizations", signedIn: "admin" },
  { name: "staff misuse reports", path: "/staff/reports", signedIn: "admin" },
  { name: "staff audit log", path: "/staff/audit", signedIn: "admin" },
  { name: "staff users", path: "/staff/users", signedIn: "admin" },
  { name: "staff export", path: "/staff/export", signedIn: "admin" },
  { name: "staff guidance texts and station contact", path: "/staff/guidance", signedIn: "admin" },
  {
    name: "staff guidance topic with errors",
    path: "/staff/guidance/renewal",
    signedIn: "admin",
    prepare: async (page) => {
      await page.locator("input[name=title_zh]").fill("");
      await page.locator("main form button[type=submit]").first().click();
      await page.locator(".field-error").first().waitFor();
    },
  },
  { name: "matching desk", path: "/matching", signedIn: "admin" },
  { name: "new deal", path: "/matching/deals/new", signedIn: "admin" },
  { name: "new event", path: "/events/new", signedIn: "admin" },
  { name: "manage event", path: `/events/${ids.event}/manage`, signedIn: "admin" },
  { name: "fair summary", path: `/events/${ids.event}/report`, signedIn: "admin" },
  { name: "booth QR sheets", path: `/events/${ids.event}/booth-qr`, signedIn: "admin" },
  { name: "held booth leads", path: `/events/${ids.event}/held-leads`, signedIn: "admin" },
];

beforeAll(async () => {
  t = await createTestDatabase();
  search = await createTestSearch();
  // the sample catalogue (pictures in the app's DATA_DIR) and the sample trade fair with its exhibitors
  fair = await seedSampleFair(t.db);
  const first = async (table: "gi_products" | "products" | "organizations" | "trademarks" | "regional_brands", where: [string, string]) =>
    (
      await t.db
        .selectFrom(table)
        .select("id")
        .where(where[0] as "name_zh", "=", where[1])
        .executeTakeFirstOrThrow()
    ).id;
  ids.gi = await first("gi_products", ["name_zh", "互助青稞酒"]);
  ids.product = await first("products", ["name_zh", "示例互助青稞酒 42度 500毫升"]);
  ids.organization = await first("organizations", ["name_zh", "互助示例青稞酒业有限公司"]);
  ids.trademark = await first("trademarks", ["name_zh", "示例青稞"]);
  ids.regionalBrand = await first("regional_brands", ["name_zh", "黄河彩篮"]);
  ids.event = fair.eventId;
  ids.exhibitor = (await t.db.selectFrom("event_exhibitors").select("id").where("event_id", "=", fair.eventId).orderBy("id").executeTakeFirstOrThrow()).id;
  const producer = await createAccount(t.db, { organizationName: "走查测试合作社" });
  const admin = await createAccount(t.db, { role: "admin" });
  ids.ownProduct = (
    await t.db
      .insertInto("products")
      .values({ organization_id: producer.organizationId!, name_zh: "走查产品", category: "水果", status: "draft" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  ids.publishedOwnProduct = (
    await t.db
      .insertInto("products")
      .values({ organization_id: producer.organizationId!, name_zh: "走查已公开产品", category: "水果", status: "published" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  // one product in the recycle bin, so the bin's table is walked and not only its empty state
  await t.db
    .insertInto("products")
    .values({
      organization_id: producer.organizationId!,
      name_zh: "走查已删除产品",
      category: "水果",
      status: "archived",
      status_before_delete: "published",
      deleted_at: sql`now() - interval '3 days'`,
    })
    .execute();
  ids.ownTrademark = (
    await t.db
      .insertInto("trademarks")
      .values({ holder_org_id: producer.organizationId!, name_zh: "走查商标", status: "draft" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  // a pending claim with one evidence file, so the evidence page, the claims table and the staff queue show theirs
  ids.claim = (
    await t.db
      .insertInto("gi_authorised_users")
      .values({ gi_product_id: ids.gi, organization_id: producer.organizationId!, basis: "announcement", basis_reference: "走查公告 1 号" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  await t.db
    .insertInto("claim_evidence")
    .values({
      gi_authorised_user_id: ids.claim,
      storage_key: `${"a".repeat(64)}.pdf`,
      content_type: "application/pdf",
      file_name: "走查许可.pdf",
      byte_size: 2048,
    })
    .execute();
  // one official figure, so /staff/figures and /stats show their tables of them
  await t.db
    .insertInto("official_figures")
    .values({
      metric: "valid_trademarks",
      year: 2025,
      value: 9876,
      source_text: "海东市市场监督管理局 2025 年工作总结",
      source_url: "https://www.haidong.gov.cn/x.html",
      entered_by: admin.id,
    })
    .execute();
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix, env: { DATA_DIR: fair.dataDir } });
  cookies.producer = (await signInOverHttp(app.url, producer.email, producer.password)).cookie;
  cookies.admin = (await signInOverHttp(app.url, admin.email, admin.password)).cookie;
  await waitForIndexed(async () => (await (await fetch(`${app.url}/search?q=${encodeURIComponent("青稞")}`)).text()).includes("互助青稞酒"));
  if (browserAvailable) browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await search?.drop();
  await t?.drop();
  fair?.cleanup();
});

async function contextFor(c: PageCase, options: { width?: number } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1100, height: 900 } });
  if (c.signedIn) {
    const [name, value] = cookies[c.signedIn].split("=");
    await context.addCookies([{ name: name!, value: value!, url: app.url }]);
  }
  return context;
}

async function open(context: BrowserContext, c: PageCase, query: string) {
  const page = await context.newPage();
  const sep = c.path.includes("?") ? "&" : "?";
  await page.goto(`${app.url}${c.path}${query ? sep + query : ""}`);
  if (c.prepare) await c.prepare(page);
  return page;
}

/**
 * Interface text that still contains Chinese characters. Interface strings inherit the page language from <html>;
 * content (names, descriptions, sources, units) always carries its own lang attribute, so it is skipped here.
 */
async function untranslated(page: Page) {
  return page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      if (!/\p{Script=Han}/u.test(text)) continue;
      const owner = node.parentElement?.closest("[lang]");
      if (owner && owner !== document.documentElement) continue;
      if (node.parentElement?.closest("script, style, [hidden]")) continue;
      found.push(text.trim().slice(0, 60));
    }
    return found;
  });
}

/** The innermost elements that stick out sideways at the current width, so a failure says where to look. */
async function overflowAt360(page: Page) {
  await page.setViewportSize({ width: 360, height: 900 });
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const overflow = document.documentElement.scrollWidth - width;
    if (overflow <= 1) return null;
    const culprits = [...document.body.querySelectorAll("*")]
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .filter((el) => ![...el.children].some((child) => child.getBoundingClientRect().right > width + 1))
      .slice(0, 4)
      .map((el) => `${el.tagName.toLowerCase()}${el.className ? "." + String(el.className).split(" ").join(".") : ""}`);
    return { overflow, culprits };
  });
}

/**
 * Visible controls smaller than `min` × `min` px: 60 in elder mode; 24 otherwise (WCAG 2.2's target size, 2.5.8),
 * where a link inside a sentence is exempt as that criterion allows (its size is the text's).
 */
async function smallTargets(page: Page, min: number) {
  return page.evaluate(
    ({ min, inlineExempt }) =>
      [...document.querySelectorAll("a, button, input, select, textarea, summary")]
        .filter((el) => (el as HTMLElement).offsetParent !== null && !el.classList.contains("skip-link"))
        .filter((el) => {
          if (!inlineExempt || el.tagName !== "A") return true;
          // inline: the link shares its line box with text of its own parent
          const parent = el.parentElement;
          return !parent || ![...parent.childNodes].some((n) => n !== el && n.nodeType === Node.TEXT_NODE && (n.textContent ?? "").trim().length > 0);
        })
        .map((el) => ({
          el: `${el.tagName.toLowerCase()} ${(el.textContent || el.getAttribute("name") || "").trim().slice(0, 30)}`,
          r: el.getBoundingClientRect(),
        }))
        .filter(({ r }) => r.width < min - 0.5 || r.height < min - 0.5)
        .map(({ el, r }) => `${el} ${Math.round(r.width)}×${Math.round(r.height)}`),
    { min, inlineExempt: min < 60 },
  );
}

describe.skipIf(!browserAvailable)("every page template", () => {
  // One page load per page and mode carries every check of that mode (CI time: each load costs seconds on two shared
  // cores): axe at desktop width; in English the untranslated-text check; 24 px targets (60 px in elder mode); then the
  // same document narrowed to a 360 px phone must not scroll sideways (zh normal and elder mode). Four slices, each
  // with its own time budget.
  it.each([0, 1, 2, 3])(
    "has no axe violations in zh, en and elder mode (at its largest text size too), no untranslated interface text in English, targets of 24 px (60 px in elder mode), and fits a 360 px phone, slice %i of 4",
    async (slice) => {
      const problems: unknown[] = [];
      for (const c of pages().filter((_, i) => i % 4 === slice)) {
        for (const query of ["", "lang=en", "elder=1", ...(c.signedIn ? [] : ["lang=en&elder=1&size=3"])]) {
          const context = await contextFor(c);
          const page = await open(context, c, query);
          // elder mode in Chinese at its default size is checked for targets and width; axe runs on the other loads
          // (signed-in pages: only there), which already cover elder mode's colours and structure
          if (query !== "elder=1" || c.signedIn) {
            const violations = await axeViolations(page);
            if (violations.length) problems.push({ page: c.name, query, violations });
          }
          if (query === "lang=en") {
            const text = await untranslated(page);
            if (text.length) problems.push({ page: c.name, untranslated: text });
          }
          if (query === "elder=1" || query === "") {
            const small = await smallTargets(page, query === "" ? 24 : 60);
            if (small.length) problems.push({ page: c.name, query, small: small.slice(0, 8) });
          }
          if (query === "" || query === "elder=1") {
            const overflow = await overflowAt360(page);
            if (overflow) problems.push({ page: c.name, query, width: 360, ...overflow });
          }
          await context.close();
        }
      }
      expect(problems).toEqual([]);
    },
    600_000,
  );

  it("sets html lang and hreflang alternates, and elder mode body text is at least 24 px", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/?lang=en&elder=1`);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.locator('link[rel=alternate][hreflang="zh-CN"]').count()).toBe(1);
    const size = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector("main p")!).fontSize));
    expect(size).toBeGreaterThanOrEqual(24);
    await page.goto(`${app.url}/?size=3`);
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
