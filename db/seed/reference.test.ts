import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import { findCountyByName } from "../queries/places";
import { reference, schemeFromText, seedReference, shortCountyName } from "./reference";
import { jsonb } from "../json";
import { seedTownships, TOWNSHIPS, townshipEnglishName } from "./townships";

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

  it("seeds each county's townships and 街道 under it from the 2023 statistical codes, with English names and the other name each is written with", async () => {
    const rows = await t.db
      .selectFrom("places as p")
      .innerJoin("places as c", "c.id", "p.parent_id")
      .select(["p.name_zh", "p.short_zh", "p.name_en", "p.confidence", "p.source", "c.name_zh as county"])
      .where("p.kind", "=", "township")
      .execute();
    for (const [county, townships] of Object.entries(TOWNSHIPS)) {
      expect(
        rows
          .filter((r) => r.county === county)
          .map((r) => r.name_zh)
          .sort(),
      ).toEqual(townships.map((tw) => tw.name_zh).sort());
    }
    const count = (county: string) => rows.filter((r) => r.county === county).length;
    expect(["乐都区", "平安区", "民和回族土族自治县", "互助土族自治县", "化隆回族自治县", "循化撒拉族自治县"].map(count)).toEqual([20, 8, 22, 19, 17, 9]);
    // from an official list read through a mirror, not yet checked against 民政部's register
    expect(new Set(rows.map((r) => r.confidence))).toEqual(new Set(["medium"]));
    expect(rows.every((r) => r.source.some((s) => s.includes("2023年统计用区划代码")))).toBe(true);
    expect(rows.find((r) => r.name_zh === "碾伯街道")).toMatchObject({ name_en: "Nianbo Subdistrict", short_zh: "碾伯镇" });
    expect(rows.find((r) => r.name_zh === "下营藏族乡")).toMatchObject({ name_en: "Xiaying Township", short_zh: "下营乡" });
    expect(rows.find((r) => r.name_zh === "碾伯镇")).toBeUndefined();
    expect(rows.find((r) => r.name_zh === "巴扎藏族乡")?.name_en).toBe("Bazha Township");
    expect(townshipEnglishName("李二堡镇")).toMatch(/^Li'er/);
    // the industrial park has none
    expect(rows.some((r) => r.county === "海东工业园区")).toBe(false);
  });

  it("turns townships the earlier hand-entered list seeded into the current units, keeping what points at them and what staff changed", async () => {
    const d = await createTestDatabase();
    try {
      const ledu = (await d.db.selectFrom("places").select("id").where("name_zh", "=", "乐都区").executeTakeFirstOrThrow()).id;
      const handEntered = { confidence: "low", source: jsonb(["entered by hand; to be verified against 民政部 全国行政区划信息查询平台"]) };
      // as a database seeded before looked: 碾伯镇 (now 碾伯街道) with an organisation in it, and 中坝乡 that staff verified
      const current = d.db.selectFrom("places").select("id").where("parent_id", "=", ledu).where("name_zh", "in", ["碾伯街道", "中坝藏族乡"]);
      // (a database seeded that early had no GI protected areas pointing at the current units either)
      await d.db.deleteFrom("gi_protected_places").where("place_id", "in", current).execute();
      await d.db.deleteFrom("places").where("id", "in", current).execute();
      const nianbo = (
        await d.db
          .insertInto("places")
          .values({ kind: "township", parent_id: ledu, name_zh: "碾伯镇", ...handEntered })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
      await d.db
        .insertInto("places")
        .values({ kind: "township", parent_id: ledu, name_zh: "中坝乡", confidence: "high", source: jsonb(["staff: checked with the county office"]) })
        .execute();
      const org = (
        await d.db
          .insertInto("organizations")
          .values({ name_zh: "碾伯老地址合作社", org_type: "cooperative", county_id: ledu, township_id: nianbo })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
      await d.db.transaction().execute((trx) => seedTownships(trx));
      const after = await d.db
        .selectFrom("places")
        .select(["id", "name_zh", "short_zh", "confidence"])
        .where("parent_id", "=", ledu)
        .where("name_zh", "in", ["碾伯镇", "碾伯街道", "中坝乡", "中坝藏族乡"])
        .orderBy("name_zh")
        .execute();
      expect(after).toEqual([
        { id: expect.any(Number), name_zh: "中坝乡", short_zh: null, confidence: "high" },
        { id: expect.any(Number), name_zh: "中坝藏族乡", short_zh: "中坝乡", confidence: "medium" },
        { id: nianbo, name_zh: "碾伯街道", short_zh: "碾伯镇", confidence: "medium" },
      ]);
      expect((await d.db.selectFrom("organizations").select("township_id").where("id", "=", org).executeTakeFirstOrThrow()).township_id).toBe(nianbo);
    } finally {
      await d.drop();
    }
  });

  it("resolves short county names", async () => {
    expect((await findCountyByName(t.db, "乐都"))?.name_zh).toBe("乐都区");
    expect((await findCountyByName(t.db, "互助"))?.name_zh).toBe("互助土族自治县");
    expect(await findCountyByName(t.db, "海东工业园区")).toBeUndefined();
  });

  it("seeds every GI product, trademark, regional brand, Nice class and figure", async () => {
    const count = async (table: "gi_products" | "trademarks" | "regional_brands" | "nice_classes" | "figures") =>
      Number(
        (
          await t.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
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
    const before = Number(
      (
        await t.db
          .selectFrom("search_outbox")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
    await seedReference(t.db);
    const gis = await t.db.selectFrom("gi_products").select("id").execute();
    expect(gis).toHaveLength(reference.gi_products.length);
    const after = Number(
      (
        await t.db
          .selectFrom("search_outbox")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(after - before).toBeGreaterThanOrEqual(reference.gi_products.length);
  });
});
