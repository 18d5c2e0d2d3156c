import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../schema";
import { CHINA_TODAY } from "./china-day";

type Executor = Kysely<Database> | Transaction<Database>;

function publicOrganization(db: Executor) {
  return (
    db
      .selectFrom("organizations as o")
      .leftJoin("places as c", "c.id", "o.county_id")
      .leftJoin("places as t", "t.id", "o.township_id")
      .select([
        "o.id",
        "o.name_zh",
        "o.name_en",
        "o.credit_code",
        "o.org_type",
        "o.website",
        "o.description_zh",
        "o.description_en",
        "o.is_sample",
        "o.confidence",
        "o.last_verified_at",
        "o.updated_at",
        "c.name_zh as county_zh",
        "c.name_en as county_en",
        "t.name_zh as township_zh",
        "t.name_en as township_en",
      ])
      // Organisations under a credit mark (经营异常 / 严重违法失信) leave the public catalogue while it stands.
      .where("o.status", "=", "published")
      .where("o.credit_status", "=", "normal")
  );
}

export async function organizationSearchRows(db: Executor, ids?: number[]) {
  if (ids && ids.length === 0) return [];
  const q = publicOrganization(db);
  return (ids ? q.where("o.id", "in", ids) : q).orderBy("o.id").execute();
}

export type OrganizationSearchRow = Awaited<ReturnType<typeof organizationSearchRows>>[number];

/** One public organisation; private contacts are dropped here, so they can never reach a page or the API. */
export async function getPublicOrganization(db: Executor, id: number) {
  const row = await publicOrganization(db).select(["o.contacts", "o.address", "o.org_type"]).where("o.id", "=", id).executeTakeFirst();
  if (!row) return undefined;
  return { ...row, contacts: row.contacts.filter((c) => c.public).map(({ kind, value }) => ({ kind, value })) };
}

/** The GIs and regional brands an organisation may use today (verified and within validity), with the basis. */
export async function currentAuthorisations(db: Executor, organizationId: number) {
  const gis = await db
    .selectFrom("gi_authorised_users as au")
    .innerJoin("gi_products as g", "g.id", "au.gi_product_id")
    .select(["g.id as gi_id", "g.name_zh", "g.name_en", "au.basis", "au.basis_reference", "au.valid_from", "au.valid_to"])
    .where("au.organization_id", "=", organizationId)
    .where("au.verification", "=", "verified")
    .where("g.status", "=", "published")
    .where(sql<boolean>`(au.valid_from is null or au.valid_from <= ${CHINA_TODAY}) and (au.valid_to is null or au.valid_to >= ${CHINA_TODAY})`)
    .orderBy("g.name_zh")
    .execute();
  const brands = await db
    .selectFrom("regional_brand_licences as rl")
    .innerJoin("regional_brands as r", "r.id", "rl.regional_brand_id")
    .select(["r.id as brand_id", "r.name_zh", "r.name_en", "rl.licence_no", "rl.valid_from", "rl.valid_to"])
    .where("rl.organization_id", "=", organizationId)
    .where("rl.verification", "=", "verified")
    .where("r.status", "=", "published")
    .where(sql<boolean>`(rl.valid_from is null or rl.valid_from <= ${CHINA_TODAY}) and (rl.valid_to is null or rl.valid_to >= ${CHINA_TODAY})`)
    .orderBy("r.name_zh")
    .execute();
  return { gis, brands };
}

export async function publishedProductsOf(db: Executor, organizationId: number) {
  return db
    .selectFrom("products")
    .select(["id", "name_zh", "name_en", "category", "is_sample"])
    .where("organization_id", "=", organizationId)
    .where("status", "=", "published")
    .orderBy("name_zh")
    .execute();
}

export async function publishedTrademarksOf(db: Executor, organizationId: number) {
  return db
    .selectFrom("trademarks")
    .select(["id", "reg_no", "name_zh", "name_en", "legal_status"])
    .where("holder_org_id", "=", organizationId)
    .where("status", "=", "published")
    .orderBy("name_zh")
    .execute();
}
