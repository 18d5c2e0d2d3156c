import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import { findCountyByName } from "../queries/places";
import { reference, schemeFromText, seedReference, shortCountyName } from "./reference";
import { TOWNSHIPS, townshipEnglishName } from "./townships";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

describe("the reference data", () => {
  it("is the shared file, copied as is", () => {
    const shared = path.resolve(import.meta.dirname, "../../../shared/reference/haidong.json");
    if (!fs.existsSync(shared)) return expect(reference.gi_products.length).toBeGreaterThan(0);
    expect(JSON.parse(fs.readFileSync(shared, "utf8"))).toEqual(reference);
  });

  it("seeds 2 districts + 4 counties and the industrial park as a non-county", async () => {
    const places = await t.db.selectFrom("places").select(["name_zh", "kind"]).execute();
    expect(places.filter((p) => p.kind === "county")).toHaveLength(6);
    expect(places.find((p) => p.name_zh === "海东工业园区")?.kind).toBe("park");
  });

  it("seeds each county's townships under it, unverified (low confidence), with English names", async () => {
    const rows = await t.db
      .selectFrom("places as p")
      .innerJoin("places as c", "c.id", "p.parent_id")
      .select(["p.name_zh", "p.name_en", "p.confidence", "c.name_zh as county"])
      .where("p.kind", "=", "township")
      .execute();
    for (const [county, names] of Object.entries(TOWNSHIPS)) {
      expect(rows.filter((r) => r.county === county).map((r) => r.name_zh).sort()).toEqual([...names].sort());
    }
    expect(new Set(rows.map((r) => r.confidence))).toEqual(new Set(["low"]));
    expect(rows.find((r) => r.name_zh === "碾伯镇")?.name_en).toBe("Nianbo Town");
    expect(rows.find((r) => r.name_zh === "巴扎藏族乡")?.name_en).toBe("Bazha Township");
    expect(townshipEnglishName("李二堡镇")).toMatch(/^Li'er/);
    // the industrial park has none
    expect(rows.some((r) => r.county === "海东工业园区")).toBe(false);
  });

  it("resolves short county names", async () => {
    expect((await findCountyByName(t.db, "乐都"))?.name_zh).toBe("乐都区");
    expect((await findCountyByName(t.db, "互助"))?.name_zh).toBe("互助土族自治县");
    expect(await findCountyByName(t.db, "海东工业园区")).toBeUndefined();
  });

  it("seeds every GI product, trademark, regional brand, Nice class and figure", async () => {
    const count = async (table: "gi_products" | "trademarks" | "regional_brands" | "nice_classes" | "figures") =>
      Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    expect(await count("gi_products")).toBe(reference.gi_products.length);
    expect(await count("trademarks")).toBe(reference.trademarks.length);
    expect(await count("regional_brands")).toBe(reference.regional_brands.length);
    expect(await count("nice_classes")).toBe(45);
    expect(await count("figures")).toBe(reference.figures.length);
    const target = await t.db.selectFrom("figures").select("value").where("metric", "like", "target: valid trademark%").executeTakeFirstOrThrow();
    expect(target.value).toBe(12000);
  });

  it("keeps medium/low-confidence facts unverified and maps GI schemes from the source text", async () => {
    const gi = await t.db.selectFrom("gi_products").selectAll().where("name_zh", "=", "互助青海白牦牛").executeTakeFirstOrThrow();
    expect(gi.confidence).toBe("medium");
    expect(gi.last_verified_at).toBeNull();
    const scheme = await t.db.selectFrom("gi_product_schemes").selectAll().where("gi_product_id", "=", gi.id).executeTakeFirstOrThrow();
    expect(scheme).toMatchObject({ scheme: "agricultural", reg_no: "AGI01361", approval_year: 2013 });
    expect(schemeFromText("unverified (a commercial page …)")).toBeUndefined();
    expect(shortCountyName("循化撒拉族自治县")).toBe("循化");
  });

  it("can run again without duplicating anything, announcing each change to search", async () => {
    const before = Number((await t.db.selectFrom("search_outbox").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    await seedReference(t.db);
    const gis = await t.db.selectFrom("gi_products").select("id").execute();
    expect(gis).toHaveLength(reference.gi_products.length);
    const after = Number((await t.db.selectFrom("search_outbox").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    expect(after - before).toBeGreaterThanOrEqual(reference.gi_products.length);
  });
});
