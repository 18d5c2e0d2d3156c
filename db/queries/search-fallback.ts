import { sql, type Kysely, type RawBuilder } from "kysely";
import { FALLBACK_HIT_COLUMNS, type FallbackHit } from "../../app/search/catalog-hit";
import type { Database } from "../schema";

/**
 * The degraded path when Meilisearch is down, slow or failing: substring match on names, pinyin of names (tone marks
 * stripped, with and without spaces), registration numbers and credit codes over published records, with the same
 * facet filters as the index (OR within a facet, AND across facets) and counts for the two main facets, type and
 * county, computed here. It reads the search table (one indexed row per published record, maintained with the
 * outbox: db/queries/search-table.ts, docs/decisions/040), never the live tables. Ranking is simple: real records
 * before samples, an exact registration number or credit code, names starting with the query, then containing it,
 * then the record's kind (app/search/record-rank.ts), then shorter names; it only has to keep buyers going.
 */

export interface FallbackParams {
  /**
   * What to match: a record matches when its text contains any of `anyOf` (whole-query spellings and synonyms),
   * or, for every group in `allOf` (one per query word), one of the group's spellings. Both empty: everything.
   */
  anyOf: string[];
  allOf: string[][];
  /** the query as typed, for "starts with" ranking */
  rankText: string;
  types: readonly string[];
  counties: readonly string[];
  townships: readonly string[];
  giSchemes: readonly string[];
  niceClasses: readonly number[];
  certifications: readonly string[];
  months: readonly number[];
  wellKnown?: boolean;
  /** only these products (CatalogQuery.productIds); none when empty */
  productIds?: readonly number[];
  sort: "relevance" | "name" | "newest";
  limit: number;
  offset: number;
}

export interface FallbackResult {
  hits: FallbackHit[];
  total: number;
  facets: { type: Record<string, number>; county: Record<string, number> };
}

function likePattern(q: string) {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2ffff}]+/gu;
/** The longest Han substrings search_records.grams holds (search_han_grams in the migration). */
const GRAM = 2;

/** The grams every record containing `needle` holds: each Han run itself if short, else its two-character pieces. */
export function hanGrams(needle: string): string[] {
  const out = new Set<string>();
  for (const run of needle.match(HAN_RUN) ?? []) {
    const chars = [...run];
    if (chars.length <= GRAM) out.add(run);
    else for (let i = 0; i + GRAM <= chars.length; i++) out.add(chars.slice(i, i + GRAM).join(""));
  }
  return [...out];
}

/**
 * `haystack` (lower-cased) contains `text`, written so PostgreSQL can use an index: the Han grams' GIN index when the
 * text has Chinese (strpos, which no index serves, checks the whole text), pg_trgm for Latin text with a run of three
 * letters or digits, and a plain scan (bounded by the statement timeout) for anything else (one or two Latin letters,
 * punctuation): LIKE there would make PostgreSQL read the whole trigram index, which is slower than the table.
 */
function containsOne(text: string): RawBuilder<boolean> {
  const needle = text.toLowerCase();
  const grams = hanGrams(needle);
  // a one- or two-character Han needle is itself a gram: the index answers exactly, nothing to check row by row
  if (grams.length === 1 && grams[0] === needle) return sql<boolean>`grams @> cast(${grams} as text[])`;
  if (grams.length > 0) return sql<boolean>`(grams @> cast(${grams} as text[]) and strpos(haystack, ${needle}) > 0)`;
  if (/^[ -~]*$/.test(needle) && /[a-z0-9]{3}/.test(needle)) return sql<boolean>`haystack like ${likePattern(needle)}`;
  return sql<boolean>`strpos(haystack, ${needle}) > 0`;
}

function contains(text: string): RawBuilder<boolean> {
  const compact = text.replace(/\s+/g, "");
  // haystack holds both spaced and joined pinyin; a spaced query may also match joined text ("huzhu qingke" vs "huzhuqingke")
  return compact !== text ? sql<boolean>`(${containsOne(text)} or ${containsOne(compact)})` : containsOne(text);
}

function hasWords(p: FallbackParams): boolean {
  return p.anyOf.some((s) => s.trim() !== "") || p.allOf.some((g) => g.some((s) => s.trim() !== ""));
}

function matchCondition(p: FallbackParams): RawBuilder<boolean> {
  const any = p.anyOf.filter((s) => s.trim() !== "");
  const all = p.allOf.map((g) => g.filter((s) => s.trim() !== "")).filter((g) => g.length > 0);
  if (any.length === 0 && all.length === 0) return sql<boolean>`true`;
  const parts: RawBuilder<boolean>[] = any.map(contains);
  if (all.length > 0)
    parts.push(
      sql<boolean>`(${sql.join(
        all.map((group) => sql`(${sql.join(group.map(contains), sql` or `)})`),
        sql` and `,
      )})`,
    );
  return sql<boolean>`(${sql.join(parts, sql` or `)})`;
}

/** Array overlap: OR within one facet. postgres.js serialises the JS array parameter. */
function overlaps(column: string, values: readonly (string | number)[], cast: "text[]" | "int[]"): RawBuilder<boolean> {
  if (values.length === 0) return sql<boolean>`true`;
  return sql<boolean>`${sql.ref(column)} && cast(${sql.val([...values])} as ${sql.raw(cast)})`;
}

function oneOf(column: string, values: readonly string[]): RawBuilder<boolean> {
  if (values.length === 0) return sql<boolean>`true`;
  return sql<boolean>`${sql.ref(column)} = any(cast(${sql.val(values as string[])} as text[]))`;
}

/**
 * How long one fallback query may run. The search table keeps queries well under it at ten times the plan's scale,
 * but a query the indexes cannot serve (one or two Latin letters) or one behind a lock can still run long; a buyer is
 * better served by a quick "try again" (the error is answered 503, see entry.server.ts) than by a request that also
 * holds one of the pool's few connections.
 */
export const FALLBACK_TIMEOUT_MS = 5000;

type FallbackRow = { hits: FallbackHit[]; total: number; type_counts: Record<string, number>; county_counts: Record<string, number> };

/** The one statement of a fallback search (exported for EXPLAIN ANALYZE when measuring it). */
export function fallbackQuery(p: FallbackParams): RawBuilder<FallbackRow> {
  const typeFilter = oneOf("type", p.types);
  const countyFilter = oneOf("county", p.counties);
  const others = sql.join(
    [
      matchCondition(p),
      oneOf("township", p.townships),
      overlaps("gi_schemes", p.giSchemes, "text[]"),
      overlaps("nice_classes", p.niceClasses, "int[]"),
      overlaps("certifications", p.certifications, "text[]"),
      overlaps("availability_months", p.months, "int[]"),
      p.wellKnown === undefined ? sql`true` : sql`well_known = ${p.wellKnown}`,
      p.productIds === undefined ? sql`true` : sql`type = 'product' and record_id = any(cast(${sql.val([...p.productIds])} as bigint[]))`,
    ],
    sql` and `,
  );
  const rank = p.rankText.trim();
  const order =
    p.sort === "name"
      ? sql`convert_to(name_zh, 'GB18030'), type, record_id`
      : p.sort === "newest"
        ? sql`updated_at desc, type, record_id`
        : // real records before samples; an exact registration number or credit code first, then names starting
          // with the query, then containing it; then the trust/kind order (kind_rank, app/search/record-rank.ts)
          sql`is_sample,
              (upper(coalesce(reg_no, '')) = upper(${rank}) or coalesce(credit_code, '') = upper(${rank})) desc,
              (name_zh ilike ${likePattern(rank).slice(1)} or coalesce(name_en, '') ilike ${likePattern(rank).slice(1)}) desc,
              (name_zh ilike ${likePattern(rank)} or coalesce(name_en, '') ilike ${likePattern(rank)}) desc,
              kind_rank, char_length(name_zh), type, record_id`;

  return sql<FallbackRow>`
    with matched as materialized (
      select ${sql.join([...FALLBACK_HIT_COLUMNS, "credit_code", "updated_at", "kind_rank"].map((c) => sql.ref(c)))}
      from search_records where ${others}
    ),
    page as (
      select ${sql.join(FALLBACK_HIT_COLUMNS.map((c) => sql.ref(c)))}
      from matched where ${typeFilter} and ${countyFilter}
      order by ${order}
      limit ${p.limit} offset ${p.offset}
    )
    select
      (select coalesce(json_agg(page), '[]'::json) from page) as hits,
      (select count(*) from matched where ${typeFilter} and ${countyFilter})::int as total,
      (select coalesce(json_object_agg(type, n), '{}'::json) from
        (select type, count(*)::int as n from matched where ${countyFilter} group by type) x) as type_counts,
      (select coalesce(json_object_agg(county, n), '{}'::json) from
        (select county, count(*)::int as n from matched where ${typeFilter} and county is not null group by county) x) as county_counts
  `;
}

export async function fallbackSearch(db: Kysely<Database>, p: FallbackParams, { timeoutMs = FALLBACK_TIMEOUT_MS } = {}): Promise<FallbackResult> {
  const query = fallbackQuery(p);
  const result = await db.transaction().execute(async (trx) => {
    // SET LOCAL takes no parameters; the value is an integer we computed
    await sql.raw(`set local statement_timeout = ${Math.max(1, Math.round(timeoutMs))}`).execute(trx);
    // With words to match, the grams and trigram indexes are the way in: a word common in the catalogue (青稞 in a
    // tenth of the names) makes the planner's estimate favour reading the whole table, which costs seconds at ten
    // times the plan's scale while the indexes fetch only the matching rows. Filter-only queries keep the choice.
    if (hasWords(p)) await sql`set local enable_seqscan = off`.execute(trx);
    // A common word's bitmap (100,000 rows of 650,000 at ten times the plan's scale) outgrows the default 4 MB and turns
    // lossy: PostgreSQL then rechecks every row of those pages (250,000 extra rows, ~1.5 s measured). The matched rows
    // are also kept for four passes (page, total, two facet counts).
    await sql`set local work_mem = '64MB'`.execute(trx);
    return query.execute(trx);
  });
  const row = result.rows[0]!;
  return { hits: row.hits, total: row.total, facets: { type: row.type_counts, county: row.county_counts } };
}
