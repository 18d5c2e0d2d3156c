import { sql, type Kysely } from "kysely";
import reference from "../seed/haidong.json" with { type: "json" };
import { GI_TEXTS, REGIONAL_BRAND_TEXTS } from "../seed/reference-texts";

// Frozen: never edit after it has landed; add a new migration instead.
// Issue 17: 酩馏酒, 极地门户 and 大红袍 found nothing on catalogues seeded before the reference records had Chinese texts
// (2026_12_06_150000 added the columns; only a fresh seed filled them, so there the Chinese names stood only inside
// the reference file's English notes, which search tokenises as English), and a few Chinese facts of the reference
// file were missing from the Chinese texts everywhere. Gives the reference GIs and regional brands the texts of
// db/seed/reference-texts.ts (read from there: the texts are data, one home; only columns that exist since
// 2026_12_06_150000 are written). A column is written only while it still holds what a seed put there (nothing, the
// reference file's raw value or the texts' previous wording, below), so a record staff have edited keeps their words.
// A brand still under the reference file's mixed-language name gets its Chinese name. Every changed record and the
// products that show it are queued for search.

/** The wording of the texts this migration replaces, as the 2026-12-06 seed wrote it. */
const PREVIOUS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  互助青稞酒: {
    register_zh:
      "地理标志保护产品。2022 年国家知识产权局将“互助青稞酒”列入国家地理标志产品保护示范区筹建名单(全国 29 个,青海首个)。最初批准年份和公告号尚未查到。",
    register_en:
      "GI protected product. In 2022 CNIPA put Huzhu Qingke Liquor on the list of 29 zones preparing a National GI Product Protection Demonstration Zone, the first in Qinghai. The original approval year and announcement number have not been found.",
  },
  乐都沙果: {
    quality_zh: "果实色泽艳丽、汁多,香气浓,脆甜可口;贮藏后果肉变沙。可加工成果干、果丹皮和果酒。",
    quality_en: "Colourful, juicy, fragrant, crisp and sweet; the flesh turns sandy (沙) in storage. Made into dried fruit, fruit leather and fruit wine.",
  },
  互助八眉猪: {
    quality_zh:
      "因额部皱纹呈倒“八”字形而得名。适应性强、早熟、耐粗饲、产仔多、母性好,沉积脂肪能力强,肉质好。2000 年 8 月 23 日列入国家级畜禽品种保护名录的 19 个猪种之首。",
    quality_en:
      "Named for the inverted ‘八’-shaped wrinkles on its forehead. Adaptable, early-maturing, hardy, prolific, a good mother, with strong fat deposition and good meat. First of the 19 pig breeds on the national list of protected livestock breeds of 2000-08-23.",
    area_zh: "互助土族自治县;一份来源列出 19 个乡镇的产地范围(名单未核实)",
    area_en: "Huzhu Tu Autonomous County; one source gives a production area of 19 townships (list not verified)",
  },
  "青海拉面 / 化隆拉面 (拉面经济)": {
    description_zh:
      "截至 2024 年底,化隆人在全国 337 个城市和 16 个国家开办拉面店 2 万多家,从业 11.3 万人,营业额 135 亿元,占青海拉面产业的 67%。《化隆回族自治县促进拉面产业发展条例》(2025 年 7 月 1 日施行)鼓励经营者使用自有商标,并申请使用“青海拉面”区域公用品牌和标识;青海以“青海拉面”为母品牌,下设“四千年喇家青海拉面”等子品牌。",
  },
};

type Db = Kysely<unknown>;

/** Sets each column to its new value where it still holds one of the seeded values; the ids of the rows it changed. */
async function refresh(
  db: Db,
  table: "gi_products" | "regional_brands",
  names: readonly string[],
  columns: Record<string, { value: string | null | undefined; seeded: (string | null | undefined)[] }>,
) {
  const changed = new Set<number>();
  for (const [column, { value, seeded }] of Object.entries(columns)) {
    if (value === undefined || value === null) continue;
    const olds = seeded.filter((s): s is string => typeof s === "string" && s !== value);
    const rows = await sql<{ id: string }>`
      update ${sql.table(table)} set ${sql.ref(column)} = ${value}, updated_at = now()
      where name_zh = any(${names}::text[]) and status = 'published'
        and (${sql.ref(column)} is null or ${sql.ref(column)} = any(${olds}::text[]))
        and ${sql.ref(column)} is distinct from ${value}
      returning id`.execute(db);
    for (const r of rows.rows) changed.add(Number(r.id));
  }
  return [...changed];
}

export async function up(db: Db): Promise<void> {
  const gis: number[] = [];
  for (const g of reference.gi_products as (typeof reference.gi_products)[number][]) {
    const text = GI_TEXTS[g.name_zh];
    if (!text) continue;
    const was = PREVIOUS[g.name_zh] ?? {};
    gis.push(
      ...(await refresh(db, "gi_products", [g.name_zh], {
        name_en: { value: text.name_en, seeded: [g.name_en_suggested] },
        category: { value: text.category, seeded: [g.category] },
        quality_zh: { value: text.quality_zh, seeded: [was.quality_zh] },
        quality_en: { value: text.quality_en, seeded: [g.description, was.quality_en] },
        standard: { value: text.standard, seeded: [] },
        area_zh: { value: text.area_zh, seeded: [was.area_zh] },
        area_en: { value: text.area_en, seeded: [was.area_en] },
        register_zh: { value: text.register_zh, seeded: [was.register_zh] },
        register_en: { value: text.register_en, seeded: [was.register_en] },
      })),
    );
  }

  const brands: number[] = [];
  for (const r of reference.regional_brands) {
    const text = REGIONAL_BRAND_TEXTS[r.name];
    if (!text) continue;
    const was = PREVIOUS[r.name] ?? {};
    if (text.name_zh !== r.name) {
      const renamed = await sql<{ id: string }>`
        update regional_brands set name_zh = ${text.name_zh}, updated_at = now()
        where name_zh = ${r.name} and not exists (select 1 from regional_brands where name_zh = ${text.name_zh})
        returning id`.execute(db);
      brands.push(...renamed.rows.map((row) => Number(row.id)));
    }
    brands.push(
      ...(await refresh(db, "regional_brands", [text.name_zh], {
        name_en: { value: text.name_en, seeded: [] },
        brand_type: { value: text.brand_type_en, seeded: [r.type] },
        brand_type_zh: { value: text.brand_type_zh, seeded: [] },
        scope: { value: text.scope ?? r.scope, seeded: [r.scope] },
        scope_en: { value: text.scope_en, seeded: [] },
        description_zh: { value: text.description_zh, seeded: [was.description_zh] },
        description_en: { value: text.description_en ?? r.description, seeded: [r.description] },
      })),
    );
  }

  const queue = async (type: string, ids: number[], productColumn: string) => {
    if (ids.length === 0) return;
    await sql`
      insert into search_outbox (entity_type, entity_id)
      select ${type}, id from unnest(${[...new Set(ids)]}::bigint[]) as id
      union all
      select 'product', id from products where ${sql.ref(productColumn)} = any(${[...new Set(ids)]}::bigint[])`.execute(db);
  };
  await queue("gi", gis, "gi_product_id");
  await queue("regional_brand", brands, "regional_brand_id");
}

export async function down(): Promise<void> {
  // texts are data, not structure: nothing to undo
}
