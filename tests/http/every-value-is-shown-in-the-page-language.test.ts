import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { categoryEn, PRODUCT_CATEGORIES } from "../../app/domain/product-form";
import { startTestApp, waitForIndexed, type TestApp } from "../support/app";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { seedSampleFair } from "../support/events";
import { createTestSearch } from "../support/search";

// Issue 21, language: every value shown has its text in the page's language, falling back only where no translation
// exists (and then marked). A page in English may show a Chinese category, place, GI or brand name only beside its
// English one (a register names the original too), and a page in Chinese shows no English name without its Chinese
// one. Fallbacks (<span lang="zh-CN">…</span> followed by the "no English yet" note) are not counted: they are the
// allowed case. The pages are every public record page of the reference and sample catalogue, the searches, facets
// and the sample fair's public pages.

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let app: TestApp;
let cleanup: () => void;
let eventId: number;
let pairs: { zh: string; en: string; what: string }[];

beforeAll(async () => {
  t = await createTestDatabase();
  const fair = await seedSampleFair(t.db);
  cleanup = fair.cleanup;
  eventId = fair.eventId;
  search = await createTestSearch();
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix, env: { DATA_DIR: fair.dataDir } });
  const named = <T extends { name_zh: string; name_en: string | null }>(rows: T[], what: string) =>
    rows.filter((r) => r.name_en).map((r) => ({ zh: r.name_zh, en: r.name_en!, what }));
  pairs = [
    ...PRODUCT_CATEGORIES.map((c) => ({ zh: c, en: categoryEn(c)!, what: "category" })),
    ...named(await t.db.selectFrom("places").select(["name_zh", "name_en"]).execute(), "place"),
    ...named(await t.db.selectFrom("gi_products").select(["name_zh", "name_en"]).execute(), "GI"),
    ...named(await t.db.selectFrom("regional_brands").select(["name_zh", "name_en"]).execute(), "regional brand"),
  ];
  await waitForIndexed(async () => {
    const r = await fetch(`${app.url}/search?q=${encodeURIComponent("青稞")}`);
    return (await r.text()).includes("互助青稞酒");
  }, 60_000);
}, 180_000);

afterAll(async () => {
  await app?.stop();
  await search?.drop();
  await t?.drop();
  cleanup?.();
});

/** The visible text of a page's body: no head, scripts or styles, and marked fallbacks removed. */
function visibleText(html: string): string {
  const body = html.slice(html.indexOf("<body"));
  return (
    body
      .replace(/<script[\s\S]*?<\/script>/g, " ")
      .replace(/<style[\s\S]*?<\/style>/g, " ")
      .replace(/<span lang="zh-CN">[^<]*<\/span><span class="fallback-note">[^<]*<\/span>/g, " ")
      // inline markup (a search highlight inside a name) does not split a word; block markup does
      .replace(/<\/?(?:mark|span|a|em|strong|b|i|bdi)\b[^>]*>/g, "")
      .replace(/<[^>]+>/g, " ")
      .replace(/&#x27;|&#39;/g, "'")
      .replace(/&amp;/g, "&")
      .replace(/\s+/g, " ")
  );
}

/**
 * Whether the page shows `name` as a name: not as part of a longer Chinese word (互助青稞酒 inside the company name
 * 青海互助青稞酒有限公司 is the company, not the GI) or a longer English one.
 */
function shows(text: string, name: string) {
  const edge = /\p{Script=Han}/u.test(name) ? "\\p{Script=Han}" : "[A-Za-z]";
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<!${edge})${escaped}(?!${edge})`, "u").test(text);
}

async function publicPaths() {
  const ids = async (table: "gi_products" | "regional_brands" | "products" | "organizations" | "trademarks") =>
    (await t.db.selectFrom(table).select("id").where("status", "=", "published").execute()).map((r) => r.id);
  return [
    "/",
    "/search?q=" + encodeURIComponent("互助"),
    "/search?q=" + encodeURIComponent("花椒"),
    "/search?type=gi",
    "/search?type=product",
    "/search?type=regional_brand",
    "/events",
    `/events/${eventId}`,
    `/events/${eventId}/list`,
    ...(await ids("gi_products")).map((id) => `/gi/${id}`),
    ...(await ids("regional_brands")).map((id) => `/regional-brands/${id}`),
    ...(await ids("products")).map((id) => `/products/${id}`),
    ...(await ids("organizations")).map((id) => `/organizations/${id}`),
  ];
}

describe("every value is shown in the page's language (issue 21)", () => {
  it("an English page never shows a Chinese category, place, GI or brand name without its English name, and a Chinese page never the reverse", async () => {
    const problems: string[] = [];
    const paths = await publicPaths();
    expect(paths.length).toBeGreaterThan(40);
    for (const path of paths) {
      for (const lang of ["en", "zh"] as const) {
        const url = `${app.url}${path}${path.includes("?") ? "&" : "?"}lang=${lang}`;
        const res = await fetch(url);
        expect(res.status, url).toBe(200);
        const text = visibleText(await res.text());
        for (const p of pairs) {
          const [shown, missing] = lang === "en" ? [p.zh, p.en] : [p.en, p.zh];
          if (shows(text, shown) && !text.includes(missing)) problems.push(`${path} (${lang}): ${p.what} "${shown}" without "${missing}"`);
        }
      }
    }
    expect(problems).toEqual([]);
  }, 600_000);
});
