import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// Issue 17: `type=regional_brand&county=平安` found nothing on databases seeded before regional brands had a county
// (2026_12_06_150000 added the column; only a fresh seed fills it). Gives each county-scoped reference brand the
// county its scope in db/seed/haidong.json names (the rule is countyOfScope in db/seed/reference.ts; this is its
// output when the migration was written, which reference.test.ts checks), matching the brand under the name the
// current seed gives it or the reference file's mixed-language one the first seeds stored. City-wide and several-county
// brands get none. A county staff already set is kept, and every changed brand is queued for search.
export const BRAND_COUNTIES: readonly { names: readonly string[]; county: string }[] = [
  { names: ["青海拉面 · 化隆拉面", "青海拉面 / 化隆拉面 (拉面经济)"], county: "化隆回族自治县" },
  { names: ["土族盘绣"], county: "互助土族自治县" },
  { names: ["平安驿·河湟民俗文化体验地", "平安驿·河湟民俗文化体验地 (平安驿·袁家村·河湟印象)"], county: "平安区" },
  { names: ["柳湾彩陶 · 青海柳湾彩陶博物馆", "柳湾彩陶 / 青海柳湾彩陶博物馆"], county: "乐都区" },
  { names: ["高原硒都·健康平安"], county: "平安区" },
  { names: ["青海青稞酒传统酿造技艺"], county: "互助土族自治县" },
  { names: ["喇家遗址“世界第一碗面”", "喇家遗址 '世界第一碗面'"], county: "民和回族土族自治县" },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const { names, county } of BRAND_COUNTIES) {
    await sql`
      with changed as (
        update regional_brands r
        set county_id = p.id, updated_at = now()
        from places p
        where p.name_zh = ${county} and p.kind = 'county'
          and r.name_zh = any(${names}::text[]) and r.county_id is null
        returning r.id
      )
      insert into search_outbox (entity_type, entity_id) select 'regional_brand', id from changed
    `.execute(db);
  }
}

export async function down(): Promise<void> {
  // the counties are facts, not structure: nothing to undo
}
