import { sql, type Kysely, type RawBuilder } from "kysely";
import { FALLBACK_HIT_COLUMNS, type FallbackHit } from "../../app/search/catalog-hit";
import type { Database } from "../schema";
import { CHINA_TODAY } from "./china-day";
import { unverifiedSql } from "./verification";

/**
 * The degraded path when Meilisearch is down, slow or failing: substring match on names, pinyin (tone marks
 * stripped, with and without spaces), registration numbers and credit codes over published records, with the same
 * facet filters as the index (OR within a facet, AND across facets) and counts for the two main facets, type and
 * county, computed here. Ranking is simple (name starts with the query, then contains it, then shorter names first);
 * it only has to keep buyers going.
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

/** Pinyin as stored ("Hùzhù Qīngkē Jiǔ") → what buyers type ("huzhu qingke jiu"). */
const PLAIN_PINYIN = (column: RawBuilder<unknown>) =>
  sql`translate(replace(lower(coalesce(${column}, '')), '''', ''), 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙ', 'aaaaeeeeiiiioooouuuuvvvvvnnnmaaaaeeeeiiiioooouuuu')`;

function contains(text: string): RawBuilder<boolean> {
  const compact = text.replace(/\s+/g, "");
  // haystack holds both spaced and joined pinyin; a spaced query may also match joined text ("huzhu qingke" vs "huzhuqingke")
  return compact !== text
    ? sql<boolean>`(haystack ilike ${likePattern(text)} or haystack ilike ${likePattern(compact)})`
    : sql<boolean>`haystack ilike ${likePattern(text)}`;
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
 * How long one fallback query may run. It reads every published record, so on a catalogue far beyond the plan's scale
 * (or behind a lock) it can take minutes; a buyer is better served by a quick "try again" (the error is answered 503,
 * see entry.server.ts) than by a request that also holds one of the pool's few connections.
 */
export const FALLBACK_TIMEOUT_MS = 5000;

export async function fallbackSearch(db: Kysely<Database>, p: FallbackParams, { timeoutMs = FALLBACK_TIMEOUT_MS } = {}): Promise<FallbackResult> {
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
        : // an exact registration number or credit code first, then names starting with the query, then containing it
          sql`(upper(coalesce(reg_no, '')) = upper(${rank}) or coalesce(credit_code, '') = upper(${rank})) desc,
              (name_zh ilike ${likePattern(rank).slice(1)} or coalesce(name_en, '') ilike ${likePattern(rank).slice(1)}) desc,
              (name_zh ilike ${likePattern(rank)} or coalesce(name_en, '') ilike ${likePattern(rank)}) desc,
              char_length(name_zh), type, record_id`;

  const query = sql<{ hits: FallbackHit[]; total: number; type_counts: Record<string, number>; county_counts: Record<string, number> }>`
    with candidates as (
      select 'gi'::text as type, g.id::bigint as record_id, g.name_zh::text, g.name_en::text, c.name_zh::text as county,
             c.name_en::text as county_en, null::text as township, null::text as township_en, g.category::text,
             coalesce((select array_agg(s.scheme::text order by s.scheme) from gi_product_schemes s where s.gi_product_id = g.id), '{}')::text[] as gi_schemes,
             '{}'::int[] as nice_classes, '{}'::text[] as certifications, '{}'::int[] as availability_months, false as well_known,
             (select string_agg(s.reg_no, ' ' order by s.scheme) from gi_product_schemes s where s.gi_product_id = g.id)::text as reg_no,
             null::text as credit_code, null::text as regional_brand, null::text as regional_brand_en, null::text as trademark,
             g.is_sample, ${unverifiedSql("g")} as unverified, g.updated_at,
             concat_ws(' ', g.name_zh, g.name_en, ${PLAIN_PINYIN(sql`g.pinyin`)}, replace(${PLAIN_PINYIN(sql`g.pinyin`)}, ' ', ''),
                       c.name_zh, c.name_en,
                       (select string_agg(s.reg_no, ' ') from gi_product_schemes s where s.gi_product_id = g.id)) as haystack
      from gi_products g left join places c on c.id = g.county_id
      where g.status = 'published'
      union all
      select 'trademark', t.id, t.name_zh, t.name_en, c.name_zh, c.name_en, null, null, null,
             '{}'::text[],
             coalesce((select array_agg(k.class_no::int order by k.class_no) from trademark_classes k where k.trademark_id = t.id), '{}')::int[],
             '{}'::text[], '{}'::int[], t.well_known, t.reg_no, null, null, null, null,
             t.is_sample, ${unverifiedSql("t")}, t.updated_at,
             concat_ws(' ', t.name_zh, t.name_en, t.reg_no, t.holder_name, c.name_zh, c.name_en)
      from trademarks t left join places c on c.id = t.county_id
      where t.status = 'published'
      union all
      select 'organization', o.id, o.name_zh, o.name_en, c.name_zh, c.name_en, tw.name_zh, tw.name_en, null,
             '{}'::text[], '{}'::int[], '{}'::text[], '{}'::int[], false, null, o.credit_code::text, null, null, null,
             o.is_sample, ${unverifiedSql("o")}, o.updated_at,
             concat_ws(' ', o.name_zh, o.name_en, o.credit_code, c.name_zh, c.name_en, tw.name_zh)
      from organizations o left join places c on c.id = o.county_id left join places tw on tw.id = o.township_id
      where o.status = 'published' and o.credit_status = 'normal'
      union all
      select 'regional_brand', r.id, r.name_zh, r.name_en, c.name_zh, c.name_en, null, null, r.brand_type,
             '{}'::text[], '{}'::int[], '{}'::text[], '{}'::int[], false, null, null, null, null, null,
             r.is_sample, ${unverifiedSql("r")}, r.updated_at,
             concat_ws(' ', r.name_zh, r.name_en, r.brand_type_zh, c.name_zh, c.name_en)
      from regional_brands r left join places c on c.id = r.county_id
      where r.status = 'published'
      union all
      select 'product', p.id, p.name_zh, p.name_en, c.name_zh, c.name_en, tw.name_zh, tw.name_en, p.category,
             case when au.ok then coalesce((select array_agg(s.scheme::text order by s.scheme) from gi_product_schemes s where s.gi_product_id = g.id), '{}') else '{}' end::text[],
             '{}'::int[],
             coalesce((select array_agg(distinct pc.kind::text) from product_certifications pc
                       where pc.product_id = p.id and (pc.expires_on is null or pc.expires_on >= ${CHINA_TODAY})), '{}')::text[],
             p.availability_months::int[], false, null, null,
             case when rl.ok then rb.name_zh end, case when rl.ok then rb.name_en end, tm.name_zh,
             p.is_sample, ${unverifiedSql("p")}, p.updated_at,
             concat_ws(' ', p.name_zh, p.name_en, o.name_zh, o.name_en, tm.name_zh, case when rl.ok then rb.name_zh end, c.name_zh, c.name_en, tw.name_zh)
      from products p
      join organizations o on o.id = p.organization_id
      left join places c on c.id = o.county_id
      left join places tw on tw.id = o.township_id
      left join gi_products g on g.id = p.gi_product_id and g.status = 'published'
      left join regional_brands rb on rb.id = p.regional_brand_id and rb.status = 'published'
      left join trademarks tm on tm.id = p.trademark_id and tm.status = 'published'
      left join lateral (
        select exists (
          select 1 from gi_authorised_users a
          where a.gi_product_id = p.gi_product_id and a.organization_id = p.organization_id and a.verification = 'verified'
            and (a.valid_from is null or a.valid_from <= ${CHINA_TODAY}) and (a.valid_to is null or a.valid_to >= ${CHINA_TODAY})
        ) as ok
      ) au on true
      left join lateral (
        select exists (
          select 1 from regional_brand_licences l
          where l.regional_brand_id = p.regional_brand_id and l.organization_id = p.organization_id and l.verification = 'verified'
            and (l.valid_from is null or l.valid_from <= ${CHINA_TODAY}) and (l.valid_to is null or l.valid_to >= ${CHINA_TODAY})
        ) as ok
      ) rl on true
      where p.status = 'published' and o.status = 'published' and o.credit_status = 'normal'
    ),
    matched as (select * from candidates where ${others}),
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
  const result = await db.transaction().execute(async (trx) => {
    // SET LOCAL takes no parameters; the value is an integer we computed
    await sql.raw(`set local statement_timeout = ${Math.max(1, Math.round(timeoutMs))}`).execute(trx);
    return query.execute(trx);
  });
  const row = result.rows[0]!;
  return { hits: row.hits, total: row.total, facets: { type: row.type_counts, county: row.county_counts } };
}
