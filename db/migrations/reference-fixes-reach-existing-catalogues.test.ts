import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import { countyOfScope, reference } from "../seed/reference";
import { GI_TEXTS, REGIONAL_BRAND_TEXTS } from "../seed/reference-texts";
import { createTestSearch } from "../../tests/support/search";
import { searchCatalog } from "../../app/search/query.server";
import { drainOutbox } from "../../app/search/sync.server";
import * as referenceTextsChineseFacts from "./2026_12_07_110000_reference_texts_chinese_facts";
import * as regionalBrandCounties from "./2026_12_07_100000_regional_brand_counties";
import * as reindexForBuyerRanking from "./2026_12_07_130000_reindex_for_buyer_ranking";

// Issue 17: a catalogue seeded before a fix to the reference data gets it from a migration, since the reference seed
// runs only on an empty database.

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

async function outboxIds(type: string) {
  const rows = await t.db
    .selectFrom("search_outbox")
    .select("entity_id")
    .where("entity_type", "=", type as never)
    .where("processed_at", "is", null)
    .execute();
  return rows.map((r) => Number(r.entity_id));
}

describe("a regional brand scoped to one county belongs to that county (issue 17)", () => {
  it("reads the county from the reference file's scope; city-wide and several-county brands have none", () => {
    expect(countyOfScope("平安区")).toBe("平安区");
    expect(countyOfScope("乐都区高庙镇柳湾村")).toBe("乐都区");
    expect(countyOfScope("化隆回族自治县 (core), Qinghai")).toBe("化隆回族自治县");
    expect(countyOfScope("海东市")).toBeUndefined();
    expect(countyOfScope("海东市 (main base), Qinghai")).toBeUndefined();
    expect(countyOfScope("民和, 互助")).toBeUndefined();
  });

  it("the migration's list is what the seed derives from the reference file, under both names a brand was seeded with", () => {
    const derived = reference.regional_brands
      .map((r) => ({ names: [REGIONAL_BRAND_TEXTS[r.name]!.name_zh, r.name], county: countyOfScope(r.scope) }))
      .filter((r) => r.county !== undefined)
      .map((r) => ({ names: [...new Set(r.names)].sort(), county: r.county }));
    expect(regionalBrandCounties.BRAND_COUNTIES.map((b) => ({ names: [...b.names].sort(), county: b.county }))).toEqual(derived);
  });

  it("gives the brands of a catalogue seeded without counties their county, keeps one staff set, and queues them for search", async () => {
    const brands = await t.db.selectFrom("regional_brands").select(["id", "name_zh"]).execute();
    const id = (name: string) => brands.find((b) => b.name_zh === name)!.id;
    const ledu = await t.db.selectFrom("places").select("id").where("name_zh", "=", "乐都区").executeTakeFirstOrThrow();
    // as the first seeds left it: no counties, and one brand still under the reference file's mixed-language name
    await t.db.updateTable("regional_brands").set({ county_id: null }).execute();
    await t.db
      .updateTable("regional_brands")
      .set({ name_zh: "平安驿·河湟民俗文化体验地 (平安驿·袁家村·河湟印象)" })
      .where("name_zh", "=", "平安驿·河湟民俗文化体验地")
      .execute();
    // a county staff gave a brand themselves stays
    await t.db.updateTable("regional_brands").set({ county_id: ledu.id }).where("name_zh", "=", "土族盘绣").execute();
    await t.db.updateTable("search_outbox").set({ processed_at: new Date() }).execute();

    await regionalBrandCounties.up(t.db as unknown as Kysely<unknown>);

    const after = await t.db
      .selectFrom("regional_brands as r")
      .leftJoin("places as c", "c.id", "r.county_id")
      .select(["r.id", "c.name_zh as county"])
      .execute();
    const countyOf = (brandId: number) => after.find((b) => b.id === brandId)?.county ?? null;
    expect(countyOf(id("高原硒都·健康平安"))).toBe("平安区");
    expect(countyOf(id("平安驿·河湟民俗文化体验地"))).toBe("平安区");
    expect(countyOf(id("柳湾彩陶 · 青海柳湾彩陶博物馆"))).toBe("乐都区");
    expect(countyOf(id("土族盘绣"))).toBe("乐都区");
    expect(countyOf(id("黄河彩篮"))).toBeNull();
    expect(countyOf(id("彩陶故里·拉面之乡·青绣之源·醉美海东"))).toBeNull();
    const queued = await outboxIds("regional_brand");
    expect(queued).toEqual(expect.arrayContaining([id("高原硒都·健康平安"), id("平安驿·河湟民俗文化体验地")]));
    expect(queued).not.toContain(id("土族盘绣"));
    expect(queued).not.toContain(id("黄河彩篮"));
  });
});

describe("the reference records of an existing catalogue get their Chinese texts, and their Chinese words are found (issue 17)", () => {
  let d: TestDatabase;
  let search: Awaited<ReturnType<typeof createTestSearch>>;
  beforeAll(async () => {
    d = await createTestDatabase();
    search = await createTestSearch();
  });
  afterAll(async () => {
    await search?.drop();
    await d?.drop();
  });

  it("fills what the first seeds left empty or wrote from the reference file, updates the previous wording, keeps staff's words, and 酩馏酒, 极地门户, 大红袍 find their records", async () => {
    const gi = (name: string) => reference.gi_products.find((g) => g.name_zh === name)!;
    const brand = (name: string) => reference.regional_brands.find((r) => r.name === name)!;
    // as the first seeds left them: English notes of the reference file, no Chinese texts, mixed-language names
    const pepper = gi("循化花椒");
    await d.db
      .updateTable("gi_products")
      .set({ quality_zh: null, quality_en: pepper.description, register_zh: null, area_zh: null, name_en: pepper.name_en_suggested, category: pepper.category })
      .where("name_zh", "=", "循化花椒")
      .execute();
    const brewing = brand("青海青稞酒传统酿造技艺");
    await d.db
      .updateTable("regional_brands")
      .set({ description_zh: null, description_en: brewing.description, brand_type: brewing.type, brand_type_zh: null, scope_en: null })
      .where("name_zh", "=", "青海青稞酒传统酿造技艺")
      .execute();
    const city = brand("彩陶故里·拉面之乡·青绣之源·醉美海东");
    await d.db.updateTable("regional_brands").set({ description_zh: null, description_en: city.description }).where("name_zh", "=", city.name).execute();
    const post = brand("平安驿·河湟民俗文化体验地 (平安驿·袁家村·河湟印象)");
    await d.db
      .updateTable("regional_brands")
      .set({ name_zh: post.name, description_zh: null, scope: post.scope })
      .where("name_zh", "=", "平安驿·河湟民俗文化体验地")
      .execute();
    // a catalogue seeded on 2026-12-06 holds the previous wording; one a staff member rewrote keeps it
    await d.db
      .updateTable("gi_products")
      .set({
        quality_zh:
          "因额部皱纹呈倒“八”字形而得名。适应性强、早熟、耐粗饲、产仔多、母性好,沉积脂肪能力强,肉质好。2000 年 8 月 23 日列入国家级畜禽品种保护名录的 19 个猪种之首。",
      })
      .where("name_zh", "=", "互助八眉猪")
      .execute();
    await d.db.updateTable("gi_products").set({ quality_zh: "工作人员核实后改写的描述" }).where("name_zh", "=", "互助大黄").execute();

    // even before the migration, a Chinese word inside an English field is found (documents.server.ts)
    await drainOutbox(d.db, search);
    const before = await searchCatalog(d.db, search, { q: "酩馏酒", filters: { type: ["regional_brand"] }, page: 1, perPage: 20 });
    expect(before.hits.map((h) => h.name_zh)).toEqual(["青海青稞酒传统酿造技艺"]);

    await referenceTextsChineseFacts.up(d.db as unknown as Kysely<unknown>);

    const gis = await d.db.selectFrom("gi_products").select(["name_zh", "name_en", "category", "quality_zh", "quality_en", "register_zh"]).execute();
    expect(gis.find((g) => g.name_zh === "循化花椒")).toMatchObject({
      name_en: GI_TEXTS["循化花椒"]!.name_en,
      category: GI_TEXTS["循化花椒"]!.category,
      quality_zh: GI_TEXTS["循化花椒"]!.quality_zh,
      quality_en: GI_TEXTS["循化花椒"]!.quality_en,
      register_zh: GI_TEXTS["循化花椒"]!.register_zh,
    });
    expect(gis.find((g) => g.name_zh === "互助八眉猪")?.quality_zh).toContain("无公害瘦肉型猪肉");
    expect(gis.find((g) => g.name_zh === "互助大黄")?.quality_zh).toBe("工作人员核实后改写的描述");
    const brands = await d.db.selectFrom("regional_brands").select(["name_zh", "description_zh", "brand_type_zh", "scope", "scope_en"]).execute();
    expect(brands.find((b) => b.name_zh === "青海青稞酒传统酿造技艺")).toMatchObject({
      brand_type_zh: REGIONAL_BRAND_TEXTS[brewing.name]!.brand_type_zh,
      scope_en: "Huzhu Tu Autonomous County",
    });
    expect(brands.find((b) => b.name_zh === "平安驿·河湟民俗文化体验地")?.description_zh).toBe(REGIONAL_BRAND_TEXTS[post.name]!.description_zh);

    await drainOutbox(d.db, search);
    for (const [q, name] of [
      ["酩馏酒", "青海青稞酒传统酿造技艺"],
      ["极地门户", "彩陶故里·拉面之乡·青绣之源·醉美海东"],
      ["大红袍", "循化花椒"],
    ] as const) {
      const res = await searchCatalog(d.db, search, { q, page: 1, perPage: 20 });
      expect(res.degraded).toBe(false);
      expect(
        res.hits.map((h) => h.name_zh),
        q,
      ).toContain(name);
    }
  });
});

describe("a catalogue indexed before the buyer ranking (decision 039)", () => {
  it("announces every published record once, so its document gains what the ranking reads, and nothing unpublished", async () => {
    const d = await createTestDatabase();
    try {
      await d.db.deleteFrom("search_outbox").execute();
      const gi = await d.db.selectFrom("gi_products").select("id").where("status", "=", "published").execute();
      await d.db.updateTable("gi_products").set({ status: "draft" }).where("id", "=", gi[0]!.id).execute();
      await reindexForBuyerRanking.up(d.db as unknown as Kysely<unknown>);
      const queued = await d.db.selectFrom("search_outbox").select(["entity_type", "entity_id"]).execute();
      const gis = queued.filter((r) => r.entity_type === "gi").map((r) => Number(r.entity_id));
      expect(gis).toHaveLength(gi.length - 1);
      expect(gis).not.toContain(Number(gi[0]!.id));
      expect(new Set(gis).size).toBe(gis.length);
      expect(queued.filter((r) => r.entity_type === "regional_brand").length).toBeGreaterThan(0);
    } finally {
      await d.drop();
    }
  });
});
