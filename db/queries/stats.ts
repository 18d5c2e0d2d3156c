import { sql, type Kysely, type Transaction } from "kysely";
import type { Database, GiSchemeCode } from "../schema";
import { assess, REFERENCE_FIGURES, type AssessedSource, type ReferenceKey, type ReferenceOverlay } from "../seed/reference-figures";
import { unverifiedSql } from "./verification";

export type { ReferenceKey } from "../seed/reference-figures";

type Executor = Kysely<Database> | Transaction<Database>;

// The figures of /stats, each computed by one SQL statement (GROUP BY, FILTER, GROUPING SETS): no counting in
// JavaScript. `today` is the date in China (YYYY-MM-DD, see todayInChina) so the figures are reproducible in tests.
// Sample records never count: the figures are measured against the plan's targets. Trademarks count as the public
// catalogue shows them (published, and not held by an organisation under a credit mark).
//
// Trademark validity is the SQL form of app/domain/trademark-validity.ts: the term ends the day before the tenth
// anniversary of registration (registration + 120 months − 1 day); renewal opens 12 months before that (+1 day); a
// 6-month grace period follows. PostgreSQL's `date + interval 'n months'` clamps to the month's last day exactly like
// addMonths() there.

const EXPIRES_ON = sql<string>`(t.registration_date + interval '120 months' - interval '1 day')::date`;

/** Reference figures (db/seed/haidong.json `figures`) as the overlay db/seed/reference-figures.ts presents them. */
export interface ReferenceFigure extends Omit<ReferenceOverlay, "pick" | "sources"> {
  sources: AssessedSource[];
  value: number;
  unit: string | null;
  scope: string | null;
}

/** The reference figures the overlay names, with the seeded value; a figure whose row or number is missing is left out. */
export async function referenceFigures(db: Executor): Promise<Partial<Record<ReferenceKey, ReferenceFigure>>> {
  const overlays = Object.entries(REFERENCE_FIGURES) as [ReferenceKey, ReferenceOverlay][];
  const rows = await db
    .selectFrom("figures")
    .select(["metric", "value", "unit", "scope"])
    .where(
      "metric",
      "in",
      overlays.map(([, o]) => o.metric),
    )
    .execute();
  const out: Partial<Record<ReferenceKey, ReferenceFigure>> = {};
  for (const [key, { pick, ...overlay }] of overlays) {
    const row = rows.find((r) => r.metric === overlay.metric);
    const raw: unknown = pick && row && typeof row.value === "object" ? (row.value as Record<string, unknown>)[pick] : row?.value;
    if (row && typeof raw === "number") out[key] = { ...overlay, sources: overlay.sources.map(assess), value: raw, unit: row.unit, scope: row.scope };
  }
  return out;
}

export interface TrademarkSummary {
  /** published trademarks in the catalogue (recorded) */
  total: number;
  /** legal status registered and today within the 10-year term plus the 6-month grace period (as recorded) */
  valid: number;
  /**
   * verified as registered: legal status registered, with a registration number and date, and the record checked —
   * high confidence or checked by staff (the 待核实 rule, db/queries/verification.ts); decision 032
   */
  verified_registered: number;
  /** verified as registered and valid today: what the catalogue can set against the target of valid registrations */
  verified_valid: number;
  /** what is missing for the rest: no registration number, no registration date, not checked (a mark may lack several) */
  missing_reg_no: number;
  missing_registration_date: number;
  unverified: number;
  well_known: number;
  /** well-known marks that are also valid today */
  well_known_valid: number;
  provincial_famous: number;
}

export async function trademarkSummary(db: Executor, today: string): Promise<TrademarkSummary> {
  const { rows } = await sql<TrademarkSummary>`
    with tm as (
      select t.legal_status, t.registration_date, t.well_known, t.provincial_famous,
             t.legal_status = 'registered' and t.registration_date is not null
               and ${today}::date <= (${EXPIRES_ON} + interval '6 months')::date as is_valid,
             nullif(btrim(t.reg_no), '') is null as no_reg_no,
             t.registration_date is null as no_registration_date,
             ${unverifiedSql("t")} as is_unverified
      from trademarks t
      left join organizations o on o.id = t.holder_org_id
      where t.status = 'published' and not t.is_sample and (o.id is null or o.credit_status = 'normal')
    )
    select count(*)::int as total,
           count(*) filter (where is_valid)::int as valid,
           count(*) filter (where legal_status = 'registered' and not no_reg_no and not no_registration_date and not is_unverified)::int
             as verified_registered,
           count(*) filter (where is_valid and not no_reg_no and not is_unverified)::int as verified_valid,
           count(*) filter (where no_reg_no)::int as missing_reg_no,
           count(*) filter (where no_registration_date)::int as missing_registration_date,
           count(*) filter (where is_unverified)::int as unverified,
           count(*) filter (where well_known)::int as well_known,
           count(*) filter (where well_known and is_valid)::int as well_known_valid,
           count(*) filter (where provincial_famous)::int as provincial_famous
    from tm`.execute(db);
  return rows[0]!;
}

export interface GiSchemeCount {
  /** null: published GIs with no confirmed scheme */
  scheme: GiSchemeCode | null;
  name_zh: string | null;
  name_en: string | null;
  count: number;
}

/** Published GI products per protection scheme (a GI under two schemes counts in both), and those with none confirmed. */
export async function giProductsByScheme(db: Executor): Promise<{ total: number; schemes: GiSchemeCount[] }> {
  const { rows } = await sql<GiSchemeCount & { is_total: boolean }>`
    with g as (select id from gi_products where status = 'published' and not is_sample)
    select s.code as scheme, s.name_zh, s.name_en, count(ps.gi_product_id)::int as count, false as is_total,
           array_position(array['protected_product','certification_mark','collective_mark','agricultural'], s.code) as ord
    from gi_schemes s
    left join gi_product_schemes ps on ps.scheme = s.code and ps.gi_product_id in (select id from g)
    group by s.code, s.name_zh, s.name_en
    union all
    select null, null, null,
           count(*) filter (where not exists (select 1 from gi_product_schemes ps where ps.gi_product_id = g.id))::int,
           false, 100
    from g
    union all
    select null, null, null, count(*)::int, true, 101 from g
    order by ord`.execute(db);
  const total = rows.find((r) => r.is_total)?.count ?? 0;
  return { total, schemes: rows.filter((r) => !r.is_total).map(({ scheme, name_zh, name_en, count }) => ({ scheme, name_zh, name_en, count })) };
}

export interface GiUserCount {
  gi_id: number;
  name_zh: string;
  name_en: string | null;
  users: number;
}

/**
 * Organisations authorised to use each published GI: verification 'verified' and valid today (from/to inclusive,
 * open ends allowed). `total` counts each organisation once, however many GIs it may use (GROUPING SETS' empty set).
 */
export async function authorisedGiUsers(db: Executor, today: string): Promise<{ total: number; byGi: GiUserCount[] }> {
  const { rows } = await sql<GiUserCount & { is_total: boolean }>`
    select g.id as gi_id, g.name_zh, g.name_en, count(distinct au.organization_id)::int as users,
           grouping(g.id) = 1 as is_total
    from gi_authorised_users au
    join gi_products g on g.id = au.gi_product_id
    join organizations o on o.id = au.organization_id
    where au.verification = 'verified'
      and (au.valid_from is null or au.valid_from <= ${today}::date)
      and (au.valid_to is null or au.valid_to >= ${today}::date)
      and g.status = 'published' and not g.is_sample and not o.is_sample
    group by grouping sets ((g.id, g.name_zh, g.name_en), ())
    order by is_total, users desc, g.name_zh`.execute(db);
  return {
    total: rows.find((r) => r.is_total)?.users ?? 0,
    byGi: rows.filter((r) => !r.is_total).map(({ gi_id, name_zh, name_en, users }) => ({ gi_id, name_zh, name_en, users })),
  };
}

export interface ProductCountCell {
  /** null county: the producer's county is not recorded */
  county_zh: string | null;
  county_en: string | null;
  /** null category: not recorded */
  category: string | null;
  count: number;
}

export interface ProductsByCountyAndCategory {
  total: number;
  cells: ProductCountCell[];
  byCounty: Omit<ProductCountCell, "category">[];
  byCategory: Omit<ProductCountCell, "county_zh" | "county_en">[];
}

/** Products buyers can see (published, by a published organisation in good standing), by the producer's county. */
export async function productsByCountyAndCategory(db: Executor): Promise<ProductsByCountyAndCategory> {
  const { rows } = await sql<ProductCountCell & { g_county: number; g_category: number; county_order: number | null }>`
    select c.name_zh as county_zh, c.name_en as county_en, nullif(btrim(p.category), '') as category,
           count(*)::int as count,
           grouping(c.id, c.name_zh, c.name_en) as g_county, grouping(nullif(btrim(p.category), '')) as g_category,
           case when grouping(c.id, c.name_zh, c.name_en) = 0 then min(c.id) end as county_order
    from products p
    join organizations o on o.id = p.organization_id
    left join places c on c.id = o.county_id
    where p.status = 'published' and not p.is_sample and o.status = 'published' and o.credit_status = 'normal'
    group by grouping sets ((c.id, c.name_zh, c.name_en, nullif(btrim(p.category), '')), (c.id, c.name_zh, c.name_en),
                            (nullif(btrim(p.category), '')), ())
    order by g_county, g_category, county_order nulls last, count desc, category nulls last`.execute(db);
  const isCell = (r: (typeof rows)[number]) => r.g_county === 0 && r.g_category === 0;
  return {
    total: rows.find((r) => r.g_county !== 0 && r.g_category !== 0)?.count ?? 0,
    cells: rows.filter(isCell).map(({ county_zh, county_en, category, count }) => ({ county_zh, county_en, category, count })),
    byCounty: rows.filter((r) => r.g_county === 0 && r.g_category !== 0).map(({ county_zh, county_en, count }) => ({ county_zh, county_en, count })),
    byCategory: rows.filter((r) => r.g_county !== 0 && r.g_category === 0).map(({ category, count }) => ({ category, count })),
  };
}

export interface RenewalDue {
  id: number;
  reg_no: string | null;
  name_zh: string;
  name_en: string | null;
  holder_name: string | null;
  expires_on: string;
  renewal_opens_on: string;
  grace_ends_on: string;
  /** expiring: expires within 12 months but the renewal window opens tomorrow or later (month-end edge cases) */
  state: "renewal_window" | "grace_period" | "expiring";
}

/**
 * Registered trademarks whose renewal window is open (from 12 months before expiry, through the 6-month grace
 * period) or that expire within 12 months of today, soonest first; and how many expire in each month of that range.
 */
export async function trademarksDueForRenewal(db: Executor, today: string): Promise<{ trademarks: RenewalDue[]; byMonth: { month: string; count: number }[] }> {
  const due = sql`
    with tm as (
      select t.id, t.reg_no, t.name_zh, t.name_en, coalesce(o.name_zh, t.holder_name) as holder_name, ${EXPIRES_ON} as expires_on
      from trademarks t
      left join organizations o on o.id = t.holder_org_id
      where t.status = 'published' and not t.is_sample and t.legal_status = 'registered' and t.registration_date is not null
        and (o.id is null or o.credit_status = 'normal')
    ), d as (
      select tm.*, ((expires_on - interval '12 months')::date + 1) as renewal_opens_on,
             (expires_on + interval '6 months')::date as grace_ends_on
      from tm
    )
    select * from d
    where ${today}::date <= grace_ends_on
      and (${today}::date >= renewal_opens_on or expires_on <= (${today}::date + interval '12 months')::date)`;
  const [list, months] = await Promise.all([
    sql<RenewalDue>`
      select id, reg_no, name_zh, name_en, holder_name, expires_on::text, renewal_opens_on::text, grace_ends_on::text,
             case when ${today}::date > expires_on then 'grace_period'
                  when ${today}::date >= renewal_opens_on then 'renewal_window'
                  else 'expiring' end as state
      from (${due}) x
      order by expires_on, id`.execute(db),
    sql<{ month: string; count: number }>`
      select to_char(m, 'YYYY-MM') as month, count(x.id)::int as count
      from generate_series(date_trunc('month', ${today}::date - interval '6 months'),
                           date_trunc('month', ${today}::date + interval '12 months'), interval '1 month') as m
      left join (${due}) x on date_trunc('month', x.expires_on) = m
      group by m
      order by m`.execute(db),
  ]);
  return { trademarks: list.rows, byMonth: months.rows };
}

export interface EventOutcome {
  event_id: number;
  event_name_zh: string | null;
  event_name_en: string | null;
  intents: number;
  intent_amount_cny: number;
  signed: number;
  signed_amount_cny: number;
}

/**
 * Trade-fair outcomes per event from `deals` (kind 'intent' | 'signed', amount_cny, event_id, organization_id), the
 * buyers work's table; answers no rows while it does not exist. The event's names come from `events` (the events
 * work's table) through to_jsonb, so this neither needs that table nor its exact columns. Deals of sample events or
 * sample organisations do not count. Names resolve through search_path, like every other query here.
 */
export async function eventOutcomes(db: Executor): Promise<EventOutcome[]> {
  const { rows: exists } = await sql<{ deals: boolean; events: boolean }>`
    select to_regclass('deals') is not null as deals, to_regclass('events') is not null as events`.execute(db);
  if (!exists[0]?.deals) return [];
  const eventJson = exists[0].events ? sql`(select to_jsonb(e) from events e where e.id = d.event_id)` : sql`null::jsonb`;
  const { rows } = await sql<EventOutcome>`
    select d.event_id::int as event_id,
           coalesce(ev ->> 'name_zh', ev ->> 'name') as event_name_zh,
           ev ->> 'name_en' as event_name_en,
           count(*) filter (where d.kind = 'intent')::int as intents,
           coalesce(sum(d.amount_cny) filter (where d.kind = 'intent'), 0)::float8 as intent_amount_cny,
           count(*) filter (where d.kind = 'signed')::int as signed,
           coalesce(sum(d.amount_cny) filter (where d.kind = 'signed'), 0)::float8 as signed_amount_cny
    from deals d
    cross join lateral (select ${eventJson} as ev) e
    where d.event_id is not null
      and not coalesce((ev ->> 'is_sample')::boolean, false)
      and not exists (select 1 from organizations o where o.id = d.organization_id and o.is_sample)
    group by d.event_id, ev
    order by d.event_id`.execute(db);
  return rows;
}
