import { sql, type Kysely } from "kysely";
import type { Database, SearchEntityType } from "../schema";

export interface FallbackHit {
  type: SearchEntityType;
  record_id: number;
  name_zh: string;
  name_en: string | null;
  county: string | null;
  county_en: string | null;
  is_sample: boolean;
  unverified: boolean;
}

function likePattern(q: string) {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The degraded path when Meilisearch is down or slow: substring match on names, pinyin and registration numbers over
 * published records. No ranking beyond "name starts with the query first"; it only has to keep buyers going.
 */
export async function fallbackSearch(
  db: Kysely<Database>,
  params: { q: string; types: SearchEntityType[]; counties: string[]; limit: number; offset: number },
): Promise<{ hits: FallbackHit[]; total: number }> {
  const pattern = likePattern(params.q.trim());
  const compact = likePattern(params.q.trim().replace(/\s+/g, ""));
  const rows = await sql<FallbackHit & { total: number }>`
    with candidates as (
      select 'gi' as type, g.id as record_id, g.name_zh, g.name_en, c.name_zh as county, c.name_en as county_en,
             g.is_sample, (g.confidence <> 'high' and g.last_verified_at is null) as unverified,
             concat_ws(' ', g.name_zh, g.name_en, g.pinyin, replace(lower(coalesce(g.pinyin, '')), ' ', '')) as haystack
      from gi_products g left join places c on c.id = g.county_id where g.status = 'published'
      union all
      select 'trademark', t.id, t.name_zh, t.name_en, c.name_zh, c.name_en, t.is_sample,
             (t.confidence <> 'high' and t.last_verified_at is null), concat_ws(' ', t.name_zh, t.name_en, t.reg_no)
      from trademarks t left join places c on c.id = t.county_id where t.status = 'published'
      union all
      select 'organization', o.id, o.name_zh, o.name_en, c.name_zh, c.name_en, o.is_sample,
             (o.confidence <> 'high' and o.last_verified_at is null), concat_ws(' ', o.name_zh, o.name_en, o.credit_code)
      from organizations o left join places c on c.id = o.county_id where o.status = 'published' and o.credit_status = 'normal'
      union all
      select 'regional_brand', r.id, r.name_zh, r.name_en, null, null, r.is_sample,
             (r.confidence <> 'high' and r.last_verified_at is null), concat_ws(' ', r.name_zh, r.name_en)
      from regional_brands r where r.status = 'published'
      union all
      select 'product', p.id, p.name_zh, p.name_en, c.name_zh, c.name_en, p.is_sample,
             (p.confidence <> 'high' and p.last_verified_at is null), concat_ws(' ', p.name_zh, p.name_en)
      from products p join organizations o on o.id = p.organization_id left join places c on c.id = o.county_id
      where p.status = 'published' and o.credit_status = 'normal'
    )
    select type, record_id, name_zh, name_en, county, county_en, is_sample, unverified, count(*) over () as total
    from candidates
    where (${params.q.trim()} = '' or haystack ilike ${pattern} or haystack ilike ${compact})
      and (${params.types.length === 0} or type = any(${params.types}::text[]))
      and (${params.counties.length === 0} or county = any(${params.counties}::text[]))
    order by (name_zh ilike ${params.q.trim() + "%"}) desc, length(name_zh), record_id
    limit ${params.limit} offset ${params.offset}`.execute(db);
  return {
    hits: rows.rows.map(({ total: _t, ...hit }) => hit),
    total: rows.rows[0]?.total ?? 0,
  };
}
