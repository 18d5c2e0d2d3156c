import { sql, type Kysely, type RawBuilder, type Transaction } from "kysely";
import { syllables } from "../../app/search/chinese-text";
import { allRankedRecords, recordRank } from "../../app/search/record-rank";
import type { Database, SearchEntityType } from "../schema";

// The PostgreSQL fallback's search table (docs/decisions/040-search-table-for-the-fallback.md): one row per published
// record in `search_records`, refreshed in the same transaction that announces the record to the search outbox
// (enqueueSearchSync), so the degraded search never reads half a change and a rolled-back change leaves it as it was.
// What a row holds is defined once, by the view `search_record_source` (migration 2026_12_07_120000_search_table);
// this file adds the name's pinyin (computed here, batched) and the record's kind_rank (app/search/record-rank.ts).

type Executor = Kysely<Database> | Transaction<Database>;

/** Records per statement: bounded statements (and parameters) however many records one import announces. */
const BATCH = 5000;

const LIVE_TABLE: Record<SearchEntityType, string> = {
  gi: "gi_products",
  trademark: "trademarks",
  organization: "organizations",
  regional_brand: "regional_brands",
  product: "products",
};

/** recordRank as a SQL lookup over every (type, is_sample, unverified): the rule itself stays in TypeScript. */
function kindRankSql(): RawBuilder<number> {
  const rows = allRankedRecords().map((r) => sql`(${sql.lit(r.type)}, ${sql.lit(r.is_sample)}, ${sql.lit(r.unverified)}, ${sql.lit(recordRank(r))})`);
  return sql<number>`(select k.rank from (values ${sql.join(rows)}) as k(type, is_sample, unverified, rank)
    where k.type = s.type and k.is_sample = s.is_sample and k.unverified = s.unverified)`;
}

/** What buyers type for a name in pinyin: "hu zhu qing ke jiu" and "huzhuqingkejiu" (tone marks dropped). */
function namePinyin(nameZh: string): string {
  const s = syllables(nameZh);
  return s.length === 0 ? "" : `${s.join(" ")} ${s.join("")}`;
}

async function refreshBatch(executor: Executor, type: SearchEntityType, ids: number[]) {
  await sql`delete from search_records where type = ${type} and record_id = any(${ids}::bigint[])`.execute(executor);
  // the names' pinyin (pinyin-pro: ~20,000 names in 0.3 s); GI products carry their own, reviewed, in the view
  const names =
    type === "gi"
      ? []
      : (
          await sql<{ id: string; name_zh: string }>`
          select id, name_zh from ${sql.table(LIVE_TABLE[type])} where id = any(${ids}::bigint[])`.execute(executor)
        ).rows;
  const pinyinIds = names.map((r) => r.id);
  const pinyins = names.map((r) => namePinyin(r.name_zh));
  await sql`
    insert into search_records
    select s.type, s.record_id, s.name_zh, s.name_en, s.county, s.county_en, s.township, s.township_en, s.category,
           s.gi_schemes, s.nice_classes, s.certifications, s.availability_months, s.well_known, s.reg_no, s.credit_code,
           s.regional_brand, s.regional_brand_en, s.trademark, s.is_sample, s.unverified, s.updated_at,
           ${kindRankSql()}, h.haystack, search_han_grams(h.haystack)
    from search_record_source s
    left join unnest(${pinyinIds}::bigint[], ${pinyins}::text[]) as py(id, pinyin) on py.id = s.record_id
    cross join lateral (select lower(concat_ws(' ', s.text, nullif(py.pinyin, ''))) as haystack) h
    where s.type = ${type} and s.record_id = any(${ids}::bigint[])
    on conflict (type, record_id) do update set
      name_zh = excluded.name_zh, name_en = excluded.name_en, county = excluded.county, county_en = excluded.county_en,
      township = excluded.township, township_en = excluded.township_en, category = excluded.category,
      gi_schemes = excluded.gi_schemes, nice_classes = excluded.nice_classes, certifications = excluded.certifications,
      availability_months = excluded.availability_months, well_known = excluded.well_known, reg_no = excluded.reg_no,
      credit_code = excluded.credit_code, regional_brand = excluded.regional_brand,
      regional_brand_en = excluded.regional_brand_en, trademark = excluded.trademark, is_sample = excluded.is_sample,
      unverified = excluded.unverified, updated_at = excluded.updated_at, kind_rank = excluded.kind_rank,
      haystack = excluded.haystack, grams = excluded.grams`.execute(executor);
}

/**
 * Rewrites the search-table rows of these records from the live tables: a published record gets its current row, an
 * unpublished or deleted one loses it. Called by enqueueSearchSync, so inside the transaction that changed them (the
 * callers already announce the records that show a changed one, such as an organisation's products).
 */
export async function refreshSearchRecords(executor: Executor, type: SearchEntityType, entityIds: readonly number[]) {
  const ids = [...new Set(entityIds.map(Number))];
  for (let i = 0; i < ids.length; i += BATCH) await refreshBatch(executor, type, ids.slice(i, i + BATCH));
}

/**
 * Rebuilds the whole table from the live tables (npm run search:reindex, restore): every record of every type in
 * batches, each batch its own short transaction so saves are never held behind the rebuild, then the rows of records
 * that no longer exist are removed. Concurrent saves refresh their own rows as usual.
 */
export async function rebuildSearchTable(db: Kysely<Database>, log: (m: string) => void = () => undefined) {
  let total = 0;
  for (const type of Object.keys(LIVE_TABLE) as SearchEntityType[]) {
    let after = 0;
    for (;;) {
      const rows = await sql<{ id: string }>`
        select id from ${sql.table(LIVE_TABLE[type])} where id > ${after} order by id limit ${BATCH}`.execute(db);
      if (rows.rows.length === 0) break;
      const ids = rows.rows.map((r) => Number(r.id));
      await db.transaction().execute((trx) => refreshBatch(trx, type, ids));
      after = ids[ids.length - 1]!;
      total += ids.length;
    }
    await sql`delete from search_records s where s.type = ${type}
      and not exists (select 1 from ${sql.table(LIVE_TABLE[type])} r where r.id = s.record_id)`.execute(db);
  }
  await sql`analyze search_records`.execute(db);
  log(`search table rebuilt from ${total} records`);
  return total;
}
