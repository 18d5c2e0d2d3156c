import { sql, type Kysely, type Transaction } from "kysely";
import type { Confidence, Database, GiSchemeCode } from "../schema";
import { jsonb } from "../json";
import { upsertGiProduct } from "../queries/gi-products";
import { enqueueSearchSync } from "../queries/outbox";
import reference from "./haidong.json" with { type: "json" };
import { seedTownships } from "./townships";
import { GI_TEXTS, REGIONAL_BRAND_TEXTS } from "./reference-texts";

// Seeds ../shared/reference/haidong.json (copied verbatim to db/seed/haidong.json) as is. Reference records are
// published but keep their confidence: medium/low facts show as 待核实 until staff verify them.

export type Reference = typeof reference;
export { reference };

/** 乐都区 → 乐都, 互助土族自治县 → 互助: the short names people actually type. */
export function shortCountyName(nameZh: string): string {
  if (nameZh.endsWith("自治县")) return nameZh.slice(0, 2);
  if (nameZh.endsWith("区") || nameZh.endsWith("县")) return nameZh.slice(0, -1);
  return nameZh;
}

/**
 * The district or county a regional brand belongs to, read from the reference file's scope: the one Haidong district
 * or county the scope names, by full or short name (平安区; 乐都区高庙镇柳湾村 → 乐都区; "化隆回族自治县 (core), Qinghai" →
 * 化隆回族自治县). A city-wide scope (海东市) or one naming several counties ("民和, 互助") gives none: such a brand is
 * Haidong's, not one county's.
 */
export function countyOfScope(scope: string): string | undefined {
  const named = reference.counties.filter((c) => c.is_administrative_division && (scope.includes(c.name_zh) || scope.includes(shortCountyName(c.name_zh))));
  return named.length === 1 ? named[0]!.name_zh : undefined;
}

const SCHEMES: Record<GiSchemeCode, { name_zh: string; name_en: string; pattern: RegExp }> = {
  protected_product: { name_zh: "地理标志保护产品", name_en: "GI protected product", pattern: /^地理标志保护产品/ },
  certification_mark: { name_zh: "地理标志证明商标", name_en: "GI certification trademark", pattern: /^地理标志证明商标/ },
  collective_mark: { name_zh: "地理标志集体商标", name_en: "GI collective trademark", pattern: /^地理标志集体商标/ },
  agricultural: { name_zh: "农产品地理标志", name_en: "Agricultural product GI (AGI)", pattern: /^农产品地理标志/ },
};

/** Maps the reference file's free-text gi_system to a scheme; "unverified (…)" maps to none. */
export function schemeFromText(text: string): GiSchemeCode | undefined {
  return (Object.keys(SCHEMES) as GiSchemeCode[]).find((code) => SCHEMES[code].pattern.test(text));
}

function confidence(value: string): Confidence {
  const first = value.split(/[\s(]/)[0];
  return first === "high" || first === "low" ? first : "medium";
}

/** "青海互助天佑德青稞酒股份有限公司 (Qinghai …)" → the Chinese legal name. */
function legalName(owner: string): string {
  return owner.replace(/\s*\(.*$/, "").trim();
}

export async function seedReference(db: Kysely<Database>) {
  await db.transaction().execute(async (trx) => {
    for (const c of reference.counties) {
      const kind = c.is_administrative_division ? "county" : "park";
      await trx
        .insertInto("places")
        .values({
          kind,
          name_zh: c.name_zh,
          short_zh: kind === "county" ? shortCountyName(c.name_zh) : null,
          name_en: c.name_en,
          pinyin: c.pinyin,
          is_administrative_division: c.is_administrative_division,
          confidence: c.confidence,
          source: jsonb(c.source),
          notes: c.notes,
        })
        .onConflict((oc) =>
          oc
            .expression(sql.ref("name_zh"))
            .where("kind", "<>", "township")
            .doUpdateSet((eb) => ({
              name_en: eb.ref("excluded.name_en"),
              pinyin: eb.ref("excluded.pinyin"),
              notes: eb.ref("excluded.notes"),
            })),
        )
        .execute();
    }

    await seedTownships(trx);

    for (const n of reference.nice_classes) {
      await trx
        .insertInto("nice_classes")
        .values({ class_no: n.class, kind: n.kind === "services" ? "services" : "goods", name_zh: n.zh_short, name_en: n.en_short })
        .onConflict((oc) => oc.column("class_no").doUpdateSet((eb) => ({ name_zh: eb.ref("excluded.name_zh"), name_en: eb.ref("excluded.name_en") })))
        .execute();
    }

    for (const code of Object.keys(SCHEMES) as GiSchemeCode[]) {
      const info = reference.gi_schemes.find((s) => s.scheme.includes(SCHEMES[code].name_zh));
      await trx
        .insertInto("gi_schemes")
        .values({
          code,
          name_zh: SCHEMES[code].name_zh,
          name_en: SCHEMES[code].name_en,
          authority: info?.authority ?? null,
          description: info?.description ?? null,
          source: jsonb(info?.source ?? []),
        })
        .onConflict((oc) => oc.column("code").doNothing())
        .execute();
    }

    for (const f of reference.figures) {
      await trx
        .insertInto("figures")
        .values({
          metric: f.metric,
          value: jsonb(f.value as number | Record<string, string | number>),
          unit: "unit" in f ? String(f.unit) : null,
          as_of: f.as_of,
          scope: f.scope,
          confidence: f.confidence,
          source: jsonb(f.source),
        })
        .onConflict((oc) => oc.column("metric").doNothing())
        .execute();
    }

    const counties = await trx.selectFrom("places").select(["id", "name_zh"]).execute();
    const countyId = (name: string) => counties.find((c) => c.name_zh === name)?.id ?? null;

    for (const g of reference.gi_products) {
      const scheme = schemeFromText(g.gi_system);
      const extra = g as { holder?: string; approval_date?: string; notes?: string };
      const text = giText(g.name_zh);
      const county = countyId(g.county);
      const id = await upsertGiProduct(
        trx,
        {
          name_zh: g.name_zh,
          name_en: text.name_en,
          pinyin: g.pinyin,
          category: text.category,
          county_id: county,
          holder_name: extra.holder ?? null,
          quality_zh: text.quality_zh,
          quality_en: text.quality_en,
          standard: text.standard ?? null,
          area_zh: text.area_zh ?? null,
          area_en: text.area_en ?? null,
          register_zh: text.register_zh,
          register_en: text.register_en,
          notes: [g.gi_system, extra.notes].filter(Boolean).join("\n"),
          status: "published",
          source: jsonb(g.source),
          confidence: confidence(g.confidence),
        },
        scheme
          ? [{ scheme, reg_no: g.announcement_or_reg_no, reg_date: extra.approval_date ?? null, approval_year: g.approval_year, source_text: g.gi_system }]
          : [],
      );
      await seedArea(trx, id, county, text.area_townships ?? []);
    }

    for (const t of reference.trademarks) {
      const holder = legalName(t.owner);
      const county = countyId(t.county);
      let org = await trx.selectFrom("organizations").select("id").where("name_zh", "=", holder).executeTakeFirst();
      if (!org) {
        org = await trx
          .insertInto("organizations")
          .values({ name_zh: holder, county_id: county, status: "published", confidence: "medium", source: jsonb(t.source) })
          .returning("id")
          .executeTakeFirstOrThrow();
        await enqueueSearchSync(trx, "organization", [org.id]);
      }
      const existing = await trx.selectFrom("trademarks").select("id").where("name_zh", "=", t.brand).where("holder_org_id", "=", org.id).executeTakeFirst();
      const values = {
        name_zh: t.brand,
        goods: t.covers,
        holder_org_id: org.id,
        holder_name: holder,
        county_id: county,
        notes: "notes" in t ? String(t.notes) : null,
        status: "published" as const,
        source: jsonb(t.source),
        confidence: confidence(t.confidence),
      };
      const id = existing
        ? (await trx.updateTable("trademarks").set(values).where("id", "=", existing.id).returning("id").executeTakeFirstOrThrow()).id
        : (await trx.insertInto("trademarks").values(values).returning("id").executeTakeFirstOrThrow()).id;
      const classNo = Number.parseInt(t.nice_class, 10);
      if (classNo >= 1 && classNo <= 45) {
        await trx
          .insertInto("trademark_classes")
          .values({ trademark_id: id, class_no: classNo, goods: t.covers })
          .onConflict((oc) => oc.columns(["trademark_id", "class_no"]).doNothing())
          .execute();
      }
      await enqueueSearchSync(trx, "trademark", [id]);
    }

    for (const r of reference.regional_brands) {
      const extra = r as { launched?: string };
      const text = regionalBrandText(r.name);
      const county = countyOfScope(r.scope);
      // the first seeds stored the reference file's mixed-language name; the record keeps its id under the new one
      if (text.name_zh !== r.name) {
        await trx.updateTable("regional_brands").set({ name_zh: text.name_zh }).where("name_zh", "=", r.name).execute();
      }
      const { id } = await trx
        .insertInto("regional_brands")
        .values({
          name_zh: text.name_zh,
          name_en: text.name_en,
          brand_type: text.brand_type_en,
          brand_type_zh: text.brand_type_zh,
          county_id: county ? countyId(county) : null,
          scope: text.scope ?? r.scope,
          scope_en: text.scope_en,
          description_zh: text.description_zh,
          description_en: text.description_en ?? r.description,
          launched_on: extra.launched ?? null,
          status: "published",
          source: jsonb(r.source),
          confidence: confidence(r.confidence),
        })
        .onConflict((oc) =>
          oc.column("name_zh").doUpdateSet((eb) => ({
            name_en: eb.ref("excluded.name_en"),
            brand_type: eb.ref("excluded.brand_type"),
            brand_type_zh: eb.ref("excluded.brand_type_zh"),
            county_id: eb.ref("excluded.county_id"),
            scope: eb.ref("excluded.scope"),
            scope_en: eb.ref("excluded.scope_en"),
            description_zh: eb.ref("excluded.description_zh"),
            description_en: eb.ref("excluded.description_en"),
          })),
        )
        .returning("id")
        .executeTakeFirstOrThrow();
      await enqueueSearchSync(trx, "regional_brand", [id]);
    }
  });
}

function giText(nameZh: string) {
  const text = GI_TEXTS[nameZh];
  if (!text) throw new Error(`db/seed/reference-texts.ts has no texts for the GI ${nameZh}`);
  return text;
}

function regionalBrandText(name: string) {
  const text = REGIONAL_BRAND_TEXTS[name];
  if (!text) throw new Error(`db/seed/reference-texts.ts has no texts for the regional brand ${name}`);
  return text;
}

/** The townships a GI's sources list, resolved in its county by current name or by the alias an old name lives on as. */
async function seedArea(trx: Transaction<Database>, giId: number, countyId: number | null, townships: string[]) {
  if (townships.length === 0 || countyId === null) return;
  const places = await trx
    .selectFrom("places")
    .select(["id", "name_zh", "short_zh"])
    .where("kind", "=", "township")
    .where("parent_id", "=", countyId)
    .where((eb) => eb.or([eb("name_zh", "in", townships), eb("short_zh", "in", townships)]))
    .execute();
  const missing = townships.filter((t) => !places.some((p) => p.name_zh === t || p.short_zh === t));
  if (missing.length > 0) throw new Error(`GI ${giId}: townships not found: ${missing.join(", ")}`);
  await trx
    .insertInto("gi_protected_places")
    .values(places.map((p) => ({ gi_product_id: giId, place_id: p.id })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}
