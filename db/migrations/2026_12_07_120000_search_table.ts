import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// Issue 17 item 5 (docs/decisions/040-search-table-for-the-fallback.md): the degraded search reads one maintained row
// per published record instead of joining every live table on each query.
//
// - search_record_source: what the fallback may show, one row per published record (the old per-query candidates),
//   with `text`, every searchable word of the record. db/queries/search-table.ts refreshes rows from it, filtered to
//   the records a transaction announced to the search outbox, so the view is the one definition of a search row.
// - search_records: the rows themselves plus `haystack` (lower-cased text with the name's pinyin), `grams` (every one-
//   and two-character Han substring of the haystack, search_han_grams) and `kind_rank` (app/search/record-rank.ts).
// - Indexes: GIN over `grams` (what Chinese queries use, whatever the database's LC_CTYPE: a one- or two-character
//   query has no trigram, and in a C-locale database Han characters are not trigram characters at all), and pg_trgm
//   over `haystack` (pinyin, English, registration numbers and credit codes of three or more characters). The grams
//   are stored, not an expression index: a bitmap heap scan rechecks an OR of conditions row by row, and computing
//   the grams there cost seconds at 50,000 products.
//
// pg_trgm is a trusted extension (PostgreSQL 13+): the database owner the app connects as may create it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create extension if not exists pg_trgm;

    create function search_han_grams(t text) returns text[] language sql immutable strict parallel safe as $$
      select coalesce(array_agg(distinct substr(m.run, i, n)), '{}')
      from (select (regexp_matches(t, '[㐀-䶿一-鿿豈-﫿𠀀-𯿿]+', 'g'))[1] as run) m,
           generate_series(1, char_length(m.run)) i, generate_series(1, 2) n
      where i + n - 1 <= char_length(m.run)
    $$;

    create function search_plain_pinyin(t text) returns text language sql immutable parallel safe as $$
      select translate(replace(lower(coalesce(t, '')), '''', ''),
        'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙ', 'aaaaeeeeiiiioooouuuuvvvvvnnnmaaaaeeeeiiiioooouuuu')
    $$;

    create view search_record_source as
      select 'gi'::text as type, g.id::bigint as record_id, g.name_zh::text as name_zh, g.name_en::text as name_en,
             c.name_zh::text as county, c.name_en::text as county_en, null::text as township, null::text as township_en,
             g.category::text as category,
             coalesce((select array_agg(s.scheme::text order by s.scheme) from gi_product_schemes s where s.gi_product_id = g.id), '{}')::text[] as gi_schemes,
             '{}'::int[] as nice_classes, '{}'::text[] as certifications, '{}'::int[] as availability_months, false as well_known,
             (select string_agg(s.reg_no, ' ' order by s.scheme) from gi_product_schemes s where s.gi_product_id = g.id)::text as reg_no,
             null::text as credit_code, null::text as regional_brand, null::text as regional_brand_en, null::text as trademark,
             g.is_sample, (g.confidence <> 'high' and g.last_verified_at is null) as unverified, g.updated_at,
             concat_ws(' ', g.name_zh, g.name_en, search_plain_pinyin(g.pinyin), replace(search_plain_pinyin(g.pinyin), ' ', ''),
                       c.name_zh, c.name_en,
                       (select string_agg(s.reg_no, ' ') from gi_product_schemes s where s.gi_product_id = g.id)) as text
      from gi_products g left join places c on c.id = g.county_id
      where g.status = 'published'
      union all
      select 'trademark', t.id, t.name_zh, t.name_en, c.name_zh, c.name_en, null, null, null,
             '{}'::text[],
             coalesce((select array_agg(k.class_no::int order by k.class_no) from trademark_classes k where k.trademark_id = t.id), '{}')::int[],
             '{}'::text[], '{}'::int[], t.well_known, t.reg_no, null, null, null, null,
             t.is_sample, (t.confidence <> 'high' and t.last_verified_at is null), t.updated_at,
             concat_ws(' ', t.name_zh, t.name_en, t.reg_no, t.holder_name, c.name_zh, c.name_en)
      from trademarks t left join places c on c.id = t.county_id
      where t.status = 'published'
      union all
      select 'organization', o.id, o.name_zh, o.name_en, c.name_zh, c.name_en, tw.name_zh, tw.name_en, null,
             '{}'::text[], '{}'::int[], '{}'::text[], '{}'::int[], false, null, o.credit_code::text, null, null, null,
             o.is_sample, (o.confidence <> 'high' and o.last_verified_at is null), o.updated_at,
             concat_ws(' ', o.name_zh, o.name_en, o.credit_code, c.name_zh, c.name_en, tw.name_zh)
      from organizations o left join places c on c.id = o.county_id left join places tw on tw.id = o.township_id
      where o.status = 'published' and o.credit_status = 'normal'
      union all
      select 'regional_brand', r.id, r.name_zh, r.name_en, c.name_zh, c.name_en, null, null, r.brand_type,
             '{}'::text[], '{}'::int[], '{}'::text[], '{}'::int[], false, null, null, null, null, null,
             r.is_sample, (r.confidence <> 'high' and r.last_verified_at is null), r.updated_at,
             concat_ws(' ', r.name_zh, r.name_en, r.brand_type_zh, c.name_zh, c.name_en)
      from regional_brands r left join places c on c.id = r.county_id
      where r.status = 'published'
      union all
      select 'product', p.id, p.name_zh, p.name_en, c.name_zh, c.name_en, tw.name_zh, tw.name_en, p.category,
             case when au.ok then coalesce((select array_agg(s.scheme::text order by s.scheme) from gi_product_schemes s where s.gi_product_id = g.id), '{}') else '{}' end::text[],
             '{}'::int[],
             coalesce((select array_agg(distinct pc.kind::text) from product_certifications pc
                       where pc.product_id = p.id and (pc.expires_on is null or pc.expires_on >= (now() at time zone 'Asia/Shanghai')::date)), '{}')::text[],
             p.availability_months::int[], false, null, null,
             case when rl.ok then rb.name_zh end, case when rl.ok then rb.name_en end, tm.name_zh,
             p.is_sample, (p.confidence <> 'high' and p.last_verified_at is null), p.updated_at,
             concat_ws(' ', p.name_zh, p.name_en, tm.name_zh, case when rl.ok then rb.name_zh end, c.name_zh, c.name_en, tw.name_zh)
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
            and (a.valid_from is null or a.valid_from <= (now() at time zone 'Asia/Shanghai')::date)
            and (a.valid_to is null or a.valid_to >= (now() at time zone 'Asia/Shanghai')::date)
        ) as ok
      ) au on true
      left join lateral (
        select exists (
          select 1 from regional_brand_licences l
          where l.regional_brand_id = p.regional_brand_id and l.organization_id = p.organization_id and l.verification = 'verified'
            and (l.valid_from is null or l.valid_from <= (now() at time zone 'Asia/Shanghai')::date)
            and (l.valid_to is null or l.valid_to >= (now() at time zone 'Asia/Shanghai')::date)
        ) as ok
      ) rl on true
      where p.status = 'published' and o.status = 'published' and o.credit_status = 'normal';

    create table search_records (
      type text not null,
      record_id bigint not null,
      name_zh text not null,
      name_en text,
      county text,
      county_en text,
      township text,
      township_en text,
      category text,
      gi_schemes text[] not null,
      nice_classes int[] not null,
      certifications text[] not null,
      availability_months int[] not null,
      well_known boolean not null,
      reg_no text,
      credit_code text,
      regional_brand text,
      regional_brand_en text,
      trademark text,
      is_sample boolean not null,
      unverified boolean not null,
      updated_at timestamptz not null,
      kind_rank smallint not null,
      haystack text not null,
      grams text[] not null,
      primary key (type, record_id)
    );
    create index search_records_grams on search_records using gin (grams);
    create index search_records_trgm on search_records using gin (haystack gin_trgm_ops);

    -- Backfill for existing databases. kind_rank is app/search/record-rank.ts as of this migration; the name's
    -- pinyin is added for GI products only (their stored pinyin): npm run search:reindex rewrites every row with the
    -- pinyin of every name.
    insert into search_records
    select s.type, s.record_id, s.name_zh, s.name_en, s.county, s.county_en, s.township, s.township_en, s.category,
           s.gi_schemes, s.nice_classes, s.certifications, s.availability_months, s.well_known, s.reg_no, s.credit_code,
           s.regional_brand, s.regional_brand_en, s.trademark, s.is_sample, s.unverified, s.updated_at,
           (case when s.is_sample then 4 else 0 end) + (case when s.unverified then 3
              when s.type in ('gi', 'regional_brand') then 0 when s.type = 'product' then 1 else 2 end),
           lower(s.text), search_han_grams(lower(s.text))
    from search_record_source s;
    analyze search_records;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table search_records;
    drop view search_record_source;
    drop function search_plain_pinyin(text);
    drop function search_han_grams(text);
  `.execute(db);
}
