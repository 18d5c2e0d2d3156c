import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import { createTestSearch } from "../../tests/support/search";
import { createSearchContext } from "./client.server";
import type { FacetName } from "./facets";
import { fallbackCatalog } from "./fallback.server";
import { catalogQueryFromParams, searchCatalog, type CatalogQuery, type CatalogResult, type FacetFilters } from "./query.server";
import { API_KEYS } from "./params";
import { parseSearchParams } from "./params-schema";
import { resolveCounty } from "./places.server";
import { CREDIT_CODES, FIXTURE, insertSearchFixture, type Fixture } from "../../db/seed/search-fixtures";
import { drainOutbox } from "./sync.server";

// The search regression suite: what buyers type, against the real Meilisearch index built from PostgreSQL through the
// outbox, and the same queries through the PostgreSQL fallback where the fallback promises them.

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let fixture: Fixture;

beforeAll(async () => {
  t = await createTestDatabase();
  search = await createTestSearch();
  fixture = await insertSearchFixture(t.db);
  await drainOutbox(t.db, search);
});
afterAll(async () => {
  await search?.drop();
  await t?.drop();
});

const P = FIXTURE.products;

function query(q: string, filters: FacetFilters = {}, extra: Partial<CatalogQuery> = {}): CatalogQuery {
  return { q, filters, page: 1, perPage: 50, ...extra };
}

async function meili(q: string, filters: FacetFilters = {}, extra: Partial<CatalogQuery> = {}): Promise<CatalogResult> {
  const res = await searchCatalog(t.db, search, query(q, filters, extra));
  expect(res.degraded, "Meilisearch answered").toBe(false);
  return res;
}

async function fallback(q: string, filters: FacetFilters = {}, extra: Partial<CatalogQuery> = {}): Promise<CatalogResult> {
  const res = await fallbackCatalog(t.db, query(q, filters, extra));
  expect(res.degraded).toBe(true);
  return res;
}

const names = (r: CatalogResult) => r.hits.map((h) => h.name_zh);

interface Case {
  q: string;
  finds: string[];
  /** a name that must come before another */
  order?: [string, string];
  first?: string;
  not?: string[];
  /** false where the PostgreSQL fallback does not promise this (typos, pinyin initials, labels) */
  fallback?: boolean;
}

const cases: [string, Case][] = [
  ["Chinese substring across words", { q: "稞酒", finds: ["互助青稞酒", P.liquor] }],
  ["the GI product first among records that all hold the word", { q: "青稞", finds: ["互助青稞酒", P.liquor], first: "互助青稞酒", fallback: false }],
  ["traditional characters", { q: "樂都紫皮大蒜", finds: ["乐都紫皮大蒜"], first: "乐都紫皮大蒜", fallback: false }],
  ["pinyin with tone numbers", { q: "qing1ke1jiu3", finds: ["互助青稞酒"], first: "互助青稞酒", fallback: false }],
  ["the province on the package", { q: "青海互助青稞酒", finds: ["互助青稞酒"], first: "互助青稞酒", fallback: false }],
  ["single character inside a word", { q: "蒜", finds: ["乐都紫皮大蒜", P.garlic, P.shoots] }],
  // the official record first: before decision 039 a product with the whole word (蒜苗) came first
  ["the GI product ranks above products that hold the word", { q: "蒜", finds: [P.shoots], order: ["乐都紫皮大蒜", P.shoots], fallback: false }],
  ["single character", { q: "酒", finds: ["互助青稞酒", "威远青稞酒"] }],
  ["whole Chinese word", { q: "青稞", finds: ["互助青稞酒", P.liquor, P.markup] }],
  ["pinyin initials", { q: "hzqkj", finds: ["互助青稞酒", P.liquor], not: ["互助马铃薯"], fallback: false }],
  ["pinyin in syllables", { q: "huzhu qingke", finds: ["互助青稞酒"] }],
  ["joined pinyin", { q: "qingkejiu", finds: ["互助青稞酒"] }],
  ["place-name pinyin (乐都 is le du)", { q: "ledu", finds: ["乐都沙果", "乐都紫皮大蒜"] }],
  ["synonym 土豆 → 马铃薯", { q: "土豆", finds: ["互助马铃薯", P.noodles] }],
  ["synonym 洋芋 → 马铃薯", { q: "洋芋", finds: ["互助马铃薯", P.noodles] }],
  ["English synonym potato", { q: "potato", finds: ["互助马铃薯", P.noodles] }],
  ["English yak → 牦牛", { q: "yak", finds: ["互助青海白牦牛", P.jerky] }],
  ["synonym highland barley → 青稞", { q: "highland barley", finds: ["互助青稞酒", P.liquor] }],
  ["synonym chili → 辣椒", { q: "chili", finds: ["循化线辣椒", P.sauce] }],
  ["synonym Sichuan pepper → 花椒", { q: "sichuan pepper", finds: ["循化花椒"] }],
  ["county short name finds the county's records", { q: "循化", finds: ["循化花椒", P.sauce, FIXTURE.orgs.chili] }],
  ["county full name finds the county's records", { q: "循化撒拉族自治县", finds: ["循化花椒", P.sauce, FIXTURE.orgs.chili] }],
  ["county pinyin finds the county's records", { q: "xunhua", finds: ["循化花椒", P.sauce] }],
  ["synonym barley wine → 青稞酒", { q: "barley wine", finds: ["互助青稞酒", P.liquor] }],
  ["regional word 辣子 → 辣椒", { q: "辣子", finds: ["循化线辣椒", P.sauce] }],
  ["English typo", { q: "walnot", finds: ["循化薄皮核桃"], fallback: false }],
  ["English typo in a two-word name", { q: "sichuan peper", finds: ["循化花椒"], fallback: false }],
  [
    "registration number: exact record first",
    { q: "12345678", finds: [FIXTURE.trademarks.exact.name], first: FIXTURE.trademarks.exact.name, not: [FIXTURE.trademarks.neighbour.name] },
  ],
  [
    "registration number: no typo tolerance",
    {
      q: "12345679",
      finds: [FIXTURE.trademarks.neighbour.name],
      first: FIXTURE.trademarks.neighbour.name,
      not: [FIXTURE.trademarks.exact.name, FIXTURE.trademarks.longer.name],
    },
  ],
  ["credit code finds its producer", { q: CREDIT_CODES.garlic, finds: [FIXTURE.orgs.garlic], first: FIXTURE.orgs.garlic }],
  ["two words, both required", { q: "乐都 大蒜", finds: ["乐都紫皮大蒜"], not: ["乐都沙果"] }],
  ["a label buyers type (certification)", { q: "有机", finds: [P.garlic], fallback: false }],
  ["a label buyers type (GI)", { q: "地理标志", finds: ["互助青稞酒", P.liquor], fallback: false }],
  ["a product's trademark", { q: "天佑德", finds: ["天佑德", P.liquor] }],
  // issue 17: Chinese names the reference file gives only in its English notes
  ["a Chinese word of a regional brand's description (酩馏酒)", { q: "酩馏酒", finds: ["青海青稞酒传统酿造技艺"], fallback: false }],
  ["a regional brand's positioning (极地门户)", { q: "极地门户", finds: ["彩陶故里·拉面之乡·青绣之源·醉美海东"], fallback: false }],
  ["a GI's variety (大红袍)", { q: "大红袍", finds: ["循化花椒"], fallback: false }],
];

describe.each([
  ["Meilisearch", meili, true],
  ["PostgreSQL fallback", fallback, false],
] as const)("%s", (_label, run, isMeili) => {
  it.each(cases.filter(([, c]) => isMeili || c.fallback !== false))("%s: %j", async (_name, c) => {
    const found = names(await run(c.q));
    for (const name of c.finds) expect(found, `${c.q} finds ${name}`).toContain(name);
    for (const name of c.not ?? []) expect(found, `${c.q} does not find ${name}`).not.toContain(name);
    if (c.first) expect(found[0]).toBe(c.first);
    if (c.order) expect(found.indexOf(c.order[0])).toBeLessThan(found.indexOf(c.order[1]));
  });

  it("a credit code one character off finds nothing", async () => {
    const code = CREDIT_CODES.garlic;
    const off = code.slice(0, 10) + (code[10] === "1" ? "2" : "1") + code.slice(11);
    expect(names(await run(off))).not.toContain(FIXTURE.orgs.garlic);
  });

  it("an empty query lists everything published, and counts it", async () => {
    const res = await run("", {}, { perPage: 5 });
    const published = await t.db
      .selectNoFrom((eb) => [
        eb
          .selectFrom("gi_products")
          .where("status", "=", "published")
          .select((e) => e.fn.countAll<number>().as("n"))
          .as("gi"),
        eb
          .selectFrom("trademarks")
          .where("status", "=", "published")
          .select((e) => e.fn.countAll<number>().as("n"))
          .as("tm"),
        eb
          .selectFrom("regional_brands")
          .where("status", "=", "published")
          .select((e) => e.fn.countAll<number>().as("n"))
          .as("rb"),
        eb
          .selectFrom("organizations")
          .where("status", "=", "published")
          .where("credit_status", "=", "normal")
          .select((e) => e.fn.countAll<number>().as("n"))
          .as("org"),
        eb
          .selectFrom("products")
          .where("status", "=", "published")
          .select((e) => e.fn.countAll<number>().as("n"))
          .as("p"),
      ])
      .executeTakeFirstOrThrow();
    const expected = Object.values(published).reduce<number>((a, b) => a + Number(b), 0);
    expect(res.total).toBe(expected);
    expect(res.hits).toHaveLength(5);
    expect(Object.values(res.facets.type ?? {}).reduce((a, b) => a + b, 0)).toBe(expected);
  });

  it("markup in a query is just text: no error, nothing executable in the answer", async () => {
    for (const q of ["<script>alert(1)</script>", '"; DROP TABLE products; --', '青稞" OR type = "gi', "%_\\"]) {
      const res = await run(q);
      expect(Array.isArray(res.hits)).toBe(true);
    }
    const res = await run("青稞饼");
    const hit = res.hits.find((h) => h.record_id === fixture.productIds.markup);
    expect(hit?.name_zh).toBe(P.markup);
  });

  it("ORs values within a facet and ANDs across facets", async () => {
    const res = await run("", { type: ["product"], county: ["乐都区", "循化撒拉族自治县"] });
    expect(res.hits.length).toBeGreaterThan(0);
    for (const h of res.hits) {
      expect(h.type).toBe("product");
      expect(["乐都区", "循化撒拉族自治县"]).toContain(h.county);
    }
    expect(names(res)).toEqual(expect.arrayContaining([P.garlic, P.sauce, P.shoots]));
  });

  it("counts types and counties; a facet's counts ignore its own selection", async () => {
    const res = await run("", { county: ["乐都区"] });
    expect(res.facets.county?.["乐都区"]).toBeGreaterThan(0);
    // the other counties stay visible with their counts, so the buyer can add one (OR)
    expect(res.facets.county?.["互助土族自治县"]).toBeGreaterThan(0);
    // type counts follow the county selection
    const total = Object.values(res.facets.type ?? {}).reduce((a, b) => a + b, 0);
    expect(total).toBe(res.total);
    expect(res.facets.type?.product).toBe(2);
  });

  it("a county's regional brands are found under its short name (issue 17: type=regional_brand&county=平安)", async () => {
    const parsed = parseSearchParams(new URLSearchParams("type=regional_brand&county=平安&per_page=50"), { allowed: API_KEYS, resolveCounty });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const res = await run("", catalogQueryFromParams(parsed.value).filters);
    expect(names(res).sort()).toEqual(["平安驿·河湟民俗文化体验地", "高原硒都·健康平安"].sort());
    expect(res.facets.county?.["平安区"]).toBeGreaterThanOrEqual(2);
  });

  it("filters by GI scheme together with county", async () => {
    const res = await run("", { county: ["互助土族自治县"], gi_scheme: ["protected_product"] });
    expect(names(res)).toEqual(expect.arrayContaining(["互助青稞酒", P.liquor]));
    for (const h of res.hits) {
      expect(h.county).toBe("互助土族自治县");
      expect(h.gi_schemes).toContain("protected_product");
    }
  });

  it.each<[string, FacetFilters, string[], string[]]>([
    ["township", { township: [FIXTURE.townships.nianbo] }, [P.garlic, P.shoots, FIXTURE.orgs.garlic], [P.liquor]],
    ["certification (valid only)", { certification: ["organic", "green_food"] }, [P.garlic, P.liquor], [P.sauce]],
    ["expired certification", { certification: ["selenium_rich"] }, [], [P.sauce]],
    ["month", { month: [8] }, [P.garlic, P.liquor], [P.sauce, P.noodles]],
    ["Nice class", { nice_class: [29] }, [FIXTURE.trademarks.neighbour.name], [FIXTURE.trademarks.exact.name]],
    ["well-known", { well_known: [true] }, [FIXTURE.trademarks.exact.name], [FIXTURE.trademarks.longer.name, "天佑德"]],
    ["verified GI authorisation (products)", { gi_scheme: ["protected_product"], type: ["product"] }, [P.liquor], [P.garlic]],
  ])("filters by %s", async (_label, filters, expected, excluded) => {
    const found = names(await run("", filters));
    expect(found).toEqual(expect.arrayContaining(expected));
    for (const name of excluded) expect(found).not.toContain(name);
    if (expected.length === 0) expect(found).toEqual([]);
  });

  it("sorts by name (pinyin) and by newest", async () => {
    const byName = names(await run("", { type: ["product"] }, { sort: "name" }));
    // 互 hù < 洋 yáng < 紫 zǐ …: pinyin order, not code-point order
    expect(byName.indexOf(P.liquor)).toBeLessThan(byName.indexOf(P.noodles));
    expect(byName.indexOf(P.noodles)).toBeLessThan(byName.indexOf(P.garlic));
    const newest = names(await run("", { type: ["product"] }, { sort: "newest" }));
    expect(newest.slice(0, 2)).toEqual([P.garlic, P.liquor]);
  });

  it("pages through results without repeats or gaps", async () => {
    const { total } = await run("", {}, { perPage: 1 });
    const seen: string[] = [];
    for (let page = 1; page <= Math.ceil(total / 7); page++) seen.push(...(await run("", {}, { perPage: 7, page })).hits.map((h) => h.id));
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });
});

describe("Meilisearch only", () => {
  it("marks matched words for highlighting, with markers only around the match", async () => {
    const res = await meili("青稞");
    const hit = res.hits.find((h) => h.name_zh === "互助青稞酒");
    expect(hit?.name_zh_marked).toBe("互助\uE000青稞\uE001酒");
  });

  it("counts every facet for the buyer", async () => {
    const res = await meili("");
    const expected: FacetName[] = ["type", "county", "township", "gi_scheme", "nice_class", "certification", "month", "well_known"];
    expect(Object.keys(res.facets).sort()).toEqual([...expected].sort());
    expect(res.facets.township?.[FIXTURE.townships.weiyuan]).toBe(4); // the distillery and its three products
    expect(res.facets.certification).toEqual({ green_food: 1, organic: 1 });
    expect(res.facets.well_known?.true).toBe(1);
  });

  it("keeps search-only fields out of what Meilisearch returns", async () => {
    const raw = await search.client.index(search.indexName).search("青稞", { limit: 1 });
    const hit = raw.hits[0]!;
    for (const hidden of ["name_substrings", "pinyin", "pinyin_joined", "pinyin_initials", "labels_zh", "labels_en", "name_sort"]) {
      expect(hit).not.toHaveProperty(hidden);
    }
  });

  it("keeps the product and drops the place when no record holds both (乐都花椒)", async () => {
    const res = await meili("乐都花椒");
    expect(res.relaxed).toBe(true);
    expect(names(res)[0]).toBe("循化花椒");
    expect(names(res)).not.toContain("乐都沙果");
  });

  it("never drops the product word: a product the catalogue does not hold finds nothing (葡萄酒 is not 酒)", async () => {
    const res = await meili("葡萄酒");
    expect(res.total).toBe(0);
    expect(res.relaxed).toBe(false);
  });

  it("corrects a query that finds nothing to the spelling it surely meant, and says so (yka → yak)", async () => {
    const res = await meili("yka");
    expect(res.corrected).toEqual({ q: "yak", kind: "english" });
    expect(names(res)).toContain("互助青海白牦牛");
  });
});

describe("degradation", () => {
  it("answers from PostgreSQL with facet counts when Meilisearch is unreachable", async () => {
    const dead = { ...createSearchContext({ url: "http://127.0.0.1:9", timeoutMs: 300 }), indexName: search.indexName };
    const res = await searchCatalog(t.db, dead, query("青稞", { county: ["互助土族自治县"] }));
    expect(res.degraded).toBe(true);
    expect(names(res)).toContain("互助青稞酒");
    expect(res.facets.type?.gi).toBeGreaterThan(0);
    expect(res.facets.county?.["互助土族自治县"]).toBeGreaterThan(0);
  });

  it("gives up on a Meilisearch that does not answer within the client timeout", async () => {
    const net = await import("node:net");
    // accepts connections and never answers: a hung search server
    const sockets: import("node:net").Socket[] = [];
    const server = net.createServer((s) => sockets.push(s));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const port = (server.address() as import("node:net").AddressInfo).port;
    try {
      const slow = { ...createSearchContext({ url: `http://127.0.0.1:${port}` }), indexName: search.indexName };
      const started = Date.now();
      const res = await searchCatalog(t.db, slow, query("青稞"));
      expect(res.degraded).toBe(true);
      expect(names(res)).toContain("互助青稞酒");
      expect(Date.now() - started).toBeLessThan(2500);
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise((r) => server.close(r));
    }
  });

  it("degrades instead of failing when Meilisearch answers with an error", async () => {
    const missing = {
      ...createSearchContext({ url: search.client.config.host, key: search.client.config.apiKey }),
      indexName: `${search.prefix}no_such_index`,
    };
    const res = await searchCatalog(t.db, missing, query("青稞"));
    expect(res.degraded).toBe(true);
    expect(names(res)).toContain("互助青稞酒");
  });
});
