import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import { categoryEn } from "../../app/domain/product-form";
import { reference } from "./reference";
import { GI_TEXTS, REGIONAL_BRAND_TEXTS } from "./reference-texts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /[A-Za-z]{3,}/;

describe("reference records are written in Chinese first and English second (issue 21)", () => {
  it("every GI and regional brand in the reference file has its texts, and no text is left over", () => {
    expect(Object.keys(GI_TEXTS).sort()).toEqual(reference.gi_products.map((g) => g.name_zh).sort());
    expect(Object.keys(REGIONAL_BRAND_TEXTS).sort()).toEqual(reference.regional_brands.map((r) => r.name).sort());
  });

  it("a Chinese reader of a GI page reads Chinese: description, registration and area in Chinese, an English name and category for the English page", async () => {
    const gis = await t.db.selectFrom("gi_products").selectAll().execute();
    expect(gis).toHaveLength(reference.gi_products.length);
    for (const g of gis) {
      for (const zh of [g.quality_zh, g.register_zh]) expect(zh, g.name_zh).toMatch(HAN);
      // Chinese texts keep Latin letters only for names and units (AGI01361, mu), never English sentences
      expect(g.quality_zh, g.name_zh).not.toMatch(/[A-Za-z]{3,}\s+[A-Za-z]{3,}/);
      for (const en of [g.name_en, g.quality_en, g.register_en]) expect(en, g.name_zh).toMatch(LATIN_WORD);
      expect(categoryEn(g.category), g.name_zh).not.toBeNull();
    }
  });

  it("lists 乐都沙果's six protected towns as places, 碾伯镇 resolving to the 街道 that replaced it", async () => {
    const area = await t.db
      .selectFrom("gi_protected_places as pp")
      .innerJoin("gi_products as g", "g.id", "pp.gi_product_id")
      .innerJoin("places as p", "p.id", "pp.place_id")
      .select("p.name_zh")
      .where("g.name_zh", "=", "乐都沙果")
      .execute();
    expect(area.map((a) => a.name_zh).sort()).toEqual(["寿乐镇", "洪水镇", "碾伯街道", "雨润镇", "高店镇", "高庙镇"].sort());
  });

  it("gives every regional brand a Chinese name without English in it, a Chinese type, scope in both languages, and a county where it has one", async () => {
    const brands = await t.db
      .selectFrom("regional_brands as r")
      .leftJoin("places as c", "c.id", "r.county_id")
      .select(["r.name_zh", "r.name_en", "r.brand_type_zh", "r.description_zh", "r.scope", "r.scope_en", "c.name_zh as county"])
      .execute();
    expect(brands).toHaveLength(reference.regional_brands.length);
    for (const b of brands) {
      expect(b.name_zh, b.name_zh).not.toMatch(/[A-Za-z]{3,}/);
      for (const zh of [b.brand_type_zh, b.description_zh, b.scope]) expect(zh, b.name_zh).toMatch(HAN);
      expect(b.scope, b.name_zh).not.toMatch(/[A-Za-z]{3,}/);
      expect(b.name_en, b.name_zh).toMatch(LATIN_WORD);
      expect(b.scope_en, b.name_zh).toMatch(LATIN_WORD);
    }
    expect(
      brands
        .filter((b) => b.county === "平安区")
        .map((b) => b.name_zh)
        .sort(),
    ).toEqual(["平安驿·河湟民俗文化体验地", "高原硒都·健康平安"].sort());
    expect(brands.find((b) => b.name_zh.startsWith("全国名特优新农产品"))?.name_zh).toBe("全国名特优新农产品(2025 年第一批):民和荞麦、互助马铃薯");
  });

  it("a Chinese reader finds every Chinese name the reference file gives only in its English notes (issue 17)", () => {
    const runs = (text: unknown) => (typeof text === "string" ? (text.match(/\p{Script=Han}{2,}/gu) ?? []) : []);
    const missing: string[] = [];
    for (const g of reference.gi_products as Record<string, unknown>[]) {
      const text = GI_TEXTS[g.name_zh as string]!;
      const zh = [g.name_zh, text.quality_zh, text.area_zh, text.register_zh, text.standard, ...(text.area_townships ?? [])].join(" ");
      for (const field of ["description", "notes", "name_en_suggested", "category"]) {
        for (const run of runs(g[field])) if (!zh.includes(run)) missing.push(`${String(g.name_zh)} ${field}: ${run}`);
      }
    }
    for (const r of reference.regional_brands as Record<string, unknown>[]) {
      const text = REGIONAL_BRAND_TEXTS[r.name as string]!;
      const zh = [text.name_zh, text.brand_type_zh, text.scope ?? r.scope, text.description_zh].join(" ");
      for (const field of ["name", "type", "description", "notes", "scope"]) {
        for (const run of runs(r[field])) if (!zh.includes(run)) missing.push(`${text.name_zh} ${field}: ${run}`);
      }
    }
    expect(missing).toEqual([]);
    expect(REGIONAL_BRAND_TEXTS["彩陶故里·拉面之乡·青绣之源·醉美海东"]?.description_zh).toContain("极地门户·青藏首站");
    expect(REGIONAL_BRAND_TEXTS["青海青稞酒传统酿造技艺"]?.description_zh).toContain("酩馏酒");
    expect(GI_TEXTS["循化花椒"]?.quality_zh).toContain("大红袍");
  });

  it("renames a regional brand an earlier seed stored under the reference file's mixed-language name, keeping its id", async () => {
    const d = await createTestDatabase();
    try {
      const before = await d.db.selectFrom("regional_brands").select(["id"]).where("name_zh", "=", "青绣").executeTakeFirstOrThrow();
      await d.db.updateTable("regional_brands").set({ name_zh: "青绣 (Qinghai embroidery)" }).where("id", "=", before.id).execute();
      const { seedReference } = await import("./reference");
      await seedReference(d.db);
      const rows = await d.db.selectFrom("regional_brands").select(["id", "name_zh"]).where("name_zh", "like", "青绣%").execute();
      expect(rows).toEqual([{ id: before.id, name_zh: "青绣" }]);
    } finally {
      await d.drop();
    }
  });
});
