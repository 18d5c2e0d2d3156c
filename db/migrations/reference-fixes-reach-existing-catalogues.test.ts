import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import { countyOfScope, reference } from "../seed/reference";
import { REGIONAL_BRAND_TEXTS } from "../seed/reference-texts";
import * as regionalBrandCounties from "./2026_12_07_100000_regional_brand_counties";

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
