import { sql } from "kysely";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, signInOverHttp } from "./accounts";
import { startTestApp, waitForIndexed, type TestApp } from "./app";
import { axeViolations, browserAvailable, launchBrowser } from "./browser";
import { createTestDatabase, type TestDatabase } from "./db";
import { seedSampleFair } from "./events";
import { createTestSearch } from "./search";

// The page walk (tests/e2e/every-*-page-*.test.ts): every page template, in its normal and (for forms) its error
// state, in zh, in English and in elder mode. Its four files each walk one area of the catalogue against their own
// app, so the walk runs on both test workers instead of holding one for a quarter of an hour.

export interface PageCase {
  name: string;
  path: string;
  /** producer: a producer with their own organisation; buyer: a buyer with a profile and a lead answered; admin: both
   * the staff (审核) and the fair-staff areas */
  signedIn?: "producer" | "buyer" | "admin";
  /** puts the page into its error state after loading */
  prepare?: (page: Page) => Promise<void>;
}

/** Record ids the page lists point at, known once the walk's catalogue is seeded. */
export type WalkIds = Record<
  "gi" | "product" | "organization" | "trademark" | "regionalBrand" | "event" | "exhibitor" | "ownProduct" | "publishedOwnProduct" | "ownTrademark" | "claim",
  number
>;

export interface Walk {
  app: TestApp;
  ids: WalkIds;
  browser: Browser;
  /** every problem the walk found on these pages; [] when all pass */
  check(cases: PageCase[]): Promise<unknown[]>;
  stop(): Promise<void>;
}

/**
 * The sample catalogue and fair, a producer with drafts, a binned product, a trademark, a claim with evidence and an
 * official figure, so every page shows its tables and not only its empty states; then the app, both sign-ins and a
 * browser.
 */
export async function startWalk(): Promise<Walk> {
  const t: TestDatabase = await createTestDatabase();
  const search = await createTestSearch();
  // the sample catalogue (pictures in the app's DATA_DIR) and the sample trade fair with its exhibitors
  const fair = await seedSampleFair(t.db);
  const ids = {} as WalkIds;
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
  // a buyer with a profile and one booth lead the exhibitor answered, so 我的采购 shows its lists, not only empty states
  const buyer = await createAccount(t.db, { role: "buyer" });
  await t.db
    .insertInto("buyer_profiles")
    .values({ user_id: buyer.id, name: "走查采购商贸", province: "甘肃", city: "兰州", categories: ["杂粮", "酒类"] })
    .execute();
  const lead = await t.db
    .insertInto("inquiries")
    .values({
      buyer_token_hash: "b".repeat(64),
      buyer_user_id: buyer.id,
      buyer_name: "走查采购",
      buyer_email: buyer.email,
      message: "想订 20 箱",
      source: "booth",
      event_id: fair.eventId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const recipient = await t.db
    .insertInto("inquiry_recipients")
    .values({ inquiry_id: lead.id, organization_id: ids.organization, status: "replied" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto("inquiry_products")
    .values({ recipient_id: recipient.id, product_id: ids.product, product_name_zh: "示例互助青稞酒 42度 500毫升" })
    .execute();
  await t.db.insertInto("inquiry_messages").values({ recipient_id: recipient.id, author: "producer", body: "您好,每箱 95 元,可寄样品。" }).execute();
  const app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix, env: { DATA_DIR: fair.dataDir } });
  const cookies: Record<"producer" | "buyer" | "admin", string> = { producer: "", buyer: "", admin: "" };
  cookies.producer = (await signInOverHttp(app.url, producer.email, producer.password)).cookie;
  cookies.buyer = (await signInOverHttp(app.url, buyer.email, buyer.password)).cookie;
  cookies.admin = (await signInOverHttp(app.url, admin.email, admin.password)).cookie;
  await waitForIndexed(async () => (await (await fetch(`${app.url}/search?q=${encodeURIComponent("青稞")}`)).text()).includes("互助青稞酒"));
  if (!browserAvailable) throw new Error("the page walk needs Chromium");
  const browser = await launchBrowser();

  async function contextFor(c: PageCase): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
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

  return {
    app,
    ids,
    browser,
    // Three loads per page carry every check (CI time: a load costs about a second and axe two more on two shared
    // cores). zh: axe at desktop width, 24 px targets, then narrowed to a 360 px phone. Elder mode in zh: 60 px
    // targets and the phone width. English in elder mode (public pages also at the largest text size): axe and the
    // untranslated-text check. Elder mode changes colours and sizes, not markup, beyond its own header links, so
    // axe in zh normal and in English elder mode covers zh, en and elder mode between them.
    async check(cases) {
      const problems: unknown[] = [];
      for (const c of cases) {
        for (const query of ["", "elder=1", c.signedIn ? "lang=en&elder=1" : "lang=en&elder=1&size=3"]) {
          const context = await contextFor(c);
          const page = await open(context, c, query);
          if (query !== "elder=1") {
            const violations = await axeViolations(page);
            if (violations.length) problems.push({ page: c.name, query, violations });
          }
          if (query.startsWith("lang=en")) {
            const text = await untranslated(page);
            if (text.length) problems.push({ page: c.name, untranslated: text });
          } else {
            const small = await smallTargets(page, query === "" ? 24 : 60);
            if (small.length) problems.push({ page: c.name, query, small: small.slice(0, 8) });
            const overflow = await overflowAt360(page);
            if (overflow) problems.push({ page: c.name, query, width: 360, ...overflow });
          }
          await context.close();
        }
      }
      return problems;
    },
    async stop() {
      await browser.close();
      await app.stop();
      await search.drop();
      await t.drop();
      fair.cleanup();
    },
  };
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

/**
 * Registers one area's walk: its own app and browser for the file, and the one story that checks every page of the
 * area. `more` adds stories of the area's own that use the same walk.
 */
export function walkEveryPage(area: string, pages: (ids: WalkIds) => PageCase[], more?: (walk: () => Walk) => void) {
  let walk: Walk;
  beforeAll(async () => {
    if (browserAvailable) walk = await startWalk();
  });
  afterAll(async () => {
    await walk?.stop();
  });
  describe.skipIf(!browserAvailable)(`every ${area} page`, () => {
    it("has no axe violations in zh, en and elder mode (public pages at the largest text size too), no untranslated interface text in English, targets of 24 px (60 px in elder mode), and fits a 360 px phone", async () => {
      expect(await walk.check(pages(walk.ids))).toEqual([]);
    }, 600_000);
    more?.(() => walk);
  });
}
