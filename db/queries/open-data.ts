import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../schema";
import { giSearchRows } from "./gi-products";
import { organizationSearchRows } from "./organizations";
import { productSearchRows } from "./products";
import { regionalBrandSearchRows } from "./regional-brands";
import { trademarkSearchRows } from "./trademarks";

type Executor = Kysely<Database> | Transaction<Database>;

// Read side of the open-data API (/api/v1/<type>), the bulk dumps (/open-data) and the sitemap. Pages of ids are
// chosen here with the same visibility rules as the read models (published; organisations, and their products, only
// while the organisation's credit status is normal); the records themselves come from those read models, so a page
// and the API can never disagree about what is public. Private contacts are dropped here as in getPublicOrganization.

export const OPEN_DATA_TYPES = ["gi", "trademarks", "regional-brands", "products", "organizations"] as const;
export type OpenDataType = (typeof OPEN_DATA_TYPES)[number];

export interface ListFilters {
  /** county names (places.name_zh) as resolved by the parameter schema */
  county?: string[];
  township?: string[];
  gi_scheme?: string[];
  nice_class?: number[];
  well_known?: boolean;
  certification?: string[];
  month?: number[];
}

const countyIds = (db: Executor, names: string[]) => db.selectFrom("places").select("id").where("kind", "<>", "township").where("name_zh", "in", names);
const townshipIds = (db: Executor, names: string[]) => db.selectFrom("places").select("id").where("kind", "=", "township").where("name_zh", "in", names);

/** The filtered, visible rows of one type as (id, updated_at); `today` decides which certifications still count. */
function visible(db: Executor, type: OpenDataType, f: ListFilters, today: string) {
  switch (type) {
    case "gi": {
      let q = db.selectFrom("gi_products as r").select(["r.id", "r.updated_at"]).where("r.status", "=", "published");
      if (f.county?.length) q = q.where("r.county_id", "in", countyIds(db, f.county));
      if (f.gi_scheme?.length) {
        const schemes = f.gi_scheme;
        q = q.where(({ exists, selectFrom }) =>
          exists(
            selectFrom("gi_product_schemes as s")
              .select("s.scheme")
              .whereRef("s.gi_product_id", "=", "r.id")
              .where("s.scheme", "in", schemes as never),
          ),
        );
      }
      return q;
    }
    case "trademarks": {
      let q = db
        .selectFrom("trademarks as r")
        .leftJoin("organizations as o", "o.id", "r.holder_org_id")
        .select(["r.id", "r.updated_at"])
        .where("r.status", "=", "published")
        // as the read model: a holder under a credit mark takes its marks out of the public catalogue
        .where((eb) => eb.or([eb("o.id", "is", null), eb("o.credit_status", "=", "normal")]));
      if (f.county?.length) q = q.where("r.county_id", "in", countyIds(db, f.county));
      if (f.nice_class?.length) {
        const classes = f.nice_class;
        q = q.where(({ exists, selectFrom }) =>
          exists(selectFrom("trademark_classes as k").select("k.class_no").whereRef("k.trademark_id", "=", "r.id").where("k.class_no", "in", classes)),
        );
      }
      if (f.well_known !== undefined) q = q.where("r.well_known", "=", f.well_known);
      return q;
    }
    case "regional-brands":
      return db.selectFrom("regional_brands as r").select(["r.id", "r.updated_at"]).where("r.status", "=", "published");
    case "products": {
      let q = db
        .selectFrom("products as r")
        .innerJoin("organizations as o", "o.id", "r.organization_id")
        .select(["r.id", "r.updated_at"])
        .where("r.status", "=", "published")
        .where("o.status", "=", "published")
        .where("o.credit_status", "=", "normal");
      if (f.county?.length) q = q.where("o.county_id", "in", countyIds(db, f.county));
      if (f.township?.length) q = q.where("o.township_id", "in", townshipIds(db, f.township));
      if (f.gi_scheme?.length) {
        const schemes = f.gi_scheme;
        q = q.where(({ exists, selectFrom }) =>
          exists(
            selectFrom("gi_product_schemes as s")
              .select("s.scheme")
              .whereRef("s.gi_product_id", "=", "r.gi_product_id")
              .where("s.scheme", "in", schemes as never),
          ),
        );
      }
      if (f.certification?.length) {
        const kinds = f.certification;
        q = q.where(({ exists, selectFrom }) =>
          exists(
            selectFrom("product_certifications as pc")
              .select("pc.kind")
              .whereRef("pc.product_id", "=", "r.id")
              .where("pc.kind", "in", kinds as never)
              .where((w) => w.or([w("pc.expires_on", "is", null), w("pc.expires_on", ">=", today)])),
          ),
        );
      }
      if (f.month?.length) q = q.where(sql<boolean>`r.availability_months && ${sql.val(f.month)}::smallint[]`);
      return q;
    }
    case "organizations": {
      let q = db.selectFrom("organizations as r").select(["r.id", "r.updated_at"]).where("r.status", "=", "published").where("r.credit_status", "=", "normal");
      if (f.county?.length) q = q.where("r.county_id", "in", countyIds(db, f.county));
      if (f.township?.length) q = q.where("r.township_id", "in", townshipIds(db, f.township));
      return q;
    }
  }
}

/** One page of ids (ordered by id) and how many records match in all. */
export async function pageOfIds(db: Executor, type: OpenDataType, filters: ListFilters, page: { limit: number; offset: number }, today: string) {
  const base = visible(db, type, filters, today);
  const [ids, count] = await Promise.all([
    base.clearSelect().select("r.id").orderBy("r.id").limit(page.limit).offset(page.offset).execute(),
    base
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return { ids: ids.map((r) => Number(r.id)), total: Number(count.n) };
}

/** Which of these township names are not townships of the catalogue (for a 400 naming them). */
export async function unknownTownships(db: Executor, names: string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const found = await db.selectFrom("places").select("name_zh").where("kind", "=", "township").where("name_zh", "in", names).execute();
  return names.filter((n) => !found.some((f) => f.name_zh === n));
}

/**
 * When anything a type's records show last changed: the latest updated_at over every table they are built from,
 * whatever the rows' status (so unpublishing a record moves it too). Never earlier than the truth, which is what
 * If-Modified-Since needs.
 */
export async function lastModified(db: Executor, type: OpenDataType): Promise<Date | null> {
  const tables: Record<OpenDataType, string[]> = {
    gi: ["gi_products"],
    trademarks: ["trademarks", "organizations"],
    "regional-brands": ["regional_brands"],
    products: ["products", "organizations", "gi_products", "regional_brands", "trademarks", "gi_authorised_users", "regional_brand_licences"],
    organizations: ["organizations"],
  };
  const parts = tables[type].map((t) => sql`(select max(updated_at) from ${sql.table(t)})`);
  const { rows } = await sql<{ at: Date | null }>`select greatest(${sql.join(parts)}) as at`.execute(db);
  return rows[0]?.at ?? null;
}

function inOrder<T extends { id: number | string }>(rows: T[], ids?: number[]): T[] {
  if (!ids) return rows;
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  return ids.map((id) => byId.get(id)).filter((r): r is T => r !== undefined);
}

/** Fields the search read models leave out, by id. */
async function extras<T extends "regional_brands" | "products" | "organizations">(db: Executor, table: T, ids: number[] | undefined) {
  let q = db.selectFrom(table as "organizations").select(["id", "source"]);
  if (ids) q = q.where("id", "in", ids.length ? ids : [0]);
  return new Map((await q.execute()).map((r) => [Number(r.id), r]));
}

export async function giRecords(db: Executor, ids?: number[]) {
  return inOrder(await giSearchRows(db, ids), ids);
}

export async function trademarkRecords(db: Executor, ids?: number[]) {
  return inOrder(await trademarkSearchRows(db, ids), ids);
}

export async function regionalBrandRecords(db: Executor, ids?: number[]) {
  const [rows, more] = await Promise.all([regionalBrandSearchRows(db, ids), extras(db, "regional_brands", ids)]);
  const launched = new Map(
    (
      await db
        .selectFrom("regional_brands")
        .select(["id", "launched_on"])
        .where("id", "in", rows.length ? rows.map((r) => r.id) : [0])
        .execute()
    ).map((r) => [Number(r.id), r.launched_on]),
  );
  return inOrder(
    rows.map((r) => ({ ...r, source: more.get(Number(r.id))?.source ?? [], launched_on: launched.get(Number(r.id)) ?? null })),
    ids,
  );
}

export async function productRecords(db: Executor, ids?: number[]) {
  const [rows, more] = await Promise.all([productSearchRows(db, ids), extras(db, "products", ids)]);
  return inOrder(
    rows.map((r) => ({ ...r, source: more.get(Number(r.id))?.source ?? [] })),
    ids,
  );
}

export async function organizationRecords(db: Executor, ids?: number[]) {
  const rows = await organizationSearchRows(db, ids);
  let q = db.selectFrom("organizations").select(["id", "source", "address", "contacts"]);
  if (ids) q = q.where("id", "in", ids.length ? ids : [0]);
  const more = new Map((await q.execute()).map((r) => [Number(r.id), r]));
  return inOrder(
    rows.map((r) => {
      const m = more.get(Number(r.id));
      return {
        ...r,
        source: m?.source ?? [],
        address: m?.address ?? null,
        // public contacts only, as getPublicOrganization: a private one can never reach the API or a dump
        contacts: (m?.contacts ?? []).filter((c) => c.public === true).map(({ kind, value }) => ({ kind, value })),
      };
    }),
    ids,
  );
}

export type GiRecordRow = Awaited<ReturnType<typeof giRecords>>[number];
export type TrademarkRecordRow = Awaited<ReturnType<typeof trademarkRecords>>[number];
export type RegionalBrandRecordRow = Awaited<ReturnType<typeof regionalBrandRecords>>[number];
export type ProductRecordRow = Awaited<ReturnType<typeof productRecords>>[number];
export type OrganizationRecordRow = Awaited<ReturnType<typeof organizationRecords>>[number];

/** How many records of each type the public sees (the /open-data page). */
export async function publicCounts(db: Executor, today: string): Promise<Record<OpenDataType, number>> {
  const entries = await Promise.all(
    OPEN_DATA_TYPES.map(async (type) => {
      const row = await visible(db, type, {}, today)
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      return [type, Number(row.n)] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<OpenDataType, number>;
}

/** Every public, non-sample record's page for sitemap.xml, with when it last changed. */
export async function sitemapEntries(db: Executor, today: string): Promise<{ type: OpenDataType; id: number; updated_at: Date }[]> {
  const parts = await Promise.all(
    OPEN_DATA_TYPES.map(async (type) => {
      const rows = await visible(db, type, {}, today).where("r.is_sample", "=", false).orderBy("r.id").execute();
      return rows.map((r) => ({ type, id: Number(r.id), updated_at: r.updated_at }));
    }),
  );
  return parts.flat();
}
