import { sql, type Kysely, type Transaction } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { Database } from "../schema";
import { CHINA_TODAY } from "./china-day";

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Published products of organisations in good standing, with what a buyer sees: origin, the brand stack and
 * certifications. A GI or regional-brand badge is only claimed when the organisation's authorised use is verified and
 * valid today (`gi_authorised`, `regional_brand_licensed`).
 */
function publicProducts(db: Executor) {
  return db
    .selectFrom("products as p")
    .innerJoin("organizations as o", "o.id", "p.organization_id")
    .leftJoin("places as c", "c.id", "o.county_id")
    .leftJoin("places as tw", "tw.id", "o.township_id")
    .leftJoin("gi_products as g", (j) => j.onRef("g.id", "=", "p.gi_product_id").on("g.status", "=", "published"))
    .leftJoin("regional_brands as rb", (j) => j.onRef("rb.id", "=", "p.regional_brand_id").on("rb.status", "=", "published"))
    .leftJoin("trademarks as tm", (j) => j.onRef("tm.id", "=", "p.trademark_id").on("tm.status", "=", "published"))
    .select((eb) => [
      "p.id",
      "p.name_zh",
      "p.name_en",
      "p.category",
      "p.availability_months",
      "p.annual_volume",
      "p.volume_unit",
      "p.min_order_qty",
      "p.min_order_unit",
      "p.pack_sizes",
      "p.storage",
      "p.price_band",
      "p.provinces_served",
      "p.samples_available",
      "p.description_zh",
      "p.description_en",
      "p.is_sample",
      "p.confidence",
      "p.last_verified_at",
      "p.updated_at",
      "o.id as organization_id",
      "o.name_zh as organization_zh",
      "o.name_en as organization_en",
      "c.name_zh as county_zh",
      "c.name_en as county_en",
      "tw.name_zh as township_zh",
      "tw.name_en as township_en",
      "g.id as gi_id",
      "g.name_zh as gi_name_zh",
      "g.name_en as gi_name_en",
      "rb.id as regional_brand_id",
      "rb.name_zh as regional_brand_zh",
      "rb.name_en as regional_brand_en",
      "tm.id as trademark_id",
      "tm.name_zh as trademark_zh",
      eb
        .exists(
          eb
            .selectFrom("gi_authorised_users as au")
            .whereRef("au.gi_product_id", "=", "p.gi_product_id")
            .whereRef("au.organization_id", "=", "p.organization_id")
            .where("au.verification", "=", "verified")
            .where((w) => w.or([w("au.valid_from", "is", null), w("au.valid_from", "<=", CHINA_TODAY)]))
            .where((w) => w.or([w("au.valid_to", "is", null), w("au.valid_to", ">=", CHINA_TODAY)])),
        )
        .as("gi_authorised"),
      eb
        .exists(
          eb
            .selectFrom("regional_brand_licences as rl")
            .whereRef("rl.regional_brand_id", "=", "p.regional_brand_id")
            .whereRef("rl.organization_id", "=", "p.organization_id")
            .where("rl.verification", "=", "verified")
            .where((w) => w.or([w("rl.valid_from", "is", null), w("rl.valid_from", "<=", CHINA_TODAY)]))
            .where((w) => w.or([w("rl.valid_to", "is", null), w("rl.valid_to", ">=", CHINA_TODAY)])),
        )
        .as("regional_brand_licensed"),
      jsonArrayFrom(eb.selectFrom("gi_product_schemes as s").select("s.scheme").whereRef("s.gi_product_id", "=", "p.gi_product_id").orderBy("s.scheme")).as(
        "gi_schemes",
      ),
      jsonArrayFrom(
        eb
          .selectFrom("product_certifications as pc")
          .select(["pc.kind", "pc.certificate_no", "pc.expires_on"])
          .whereRef("pc.product_id", "=", "p.id")
          .orderBy("pc.kind"),
      ).as("certifications"),
      jsonArrayFrom(
        eb
          .selectFrom("images as i")
          .select(["i.id", "i.storage_key", "i.width", "i.height", "i.variants", "i.placeholder", "i.alt_zh", "i.alt_en"])
          .whereRef("i.owner_id", "=", "p.id")
          .where("i.owner_type", "=", "product")
          .orderBy("i.sort_order")
          .orderBy("i.id"),
      ).as("images"),
    ])
    .where("p.status", "=", "published")
    .where("o.status", "=", "published")
    .where("o.credit_status", "=", "normal");
}

export async function productSearchRows(db: Executor, ids?: number[]) {
  if (ids && ids.length === 0) return [];
  const q = publicProducts(db);
  return (ids ? q.where("p.id", "in", ids) : q).orderBy("p.id").execute();
}

export async function getPublishedProduct(db: Executor, id: number) {
  return publicProducts(db).where("p.id", "=", id).executeTakeFirst();
}

export type PublicProduct = Awaited<ReturnType<typeof productSearchRows>>[number];

/** The authorisation behind a product's GI badge, for the badge's detail (basis and validity). */
export async function giAuthorisationFor(db: Executor, organizationId: number, giProductId: number) {
  return db
    .selectFrom("gi_authorised_users")
    .select(["basis", "basis_reference", "valid_from", "valid_to", "verified_at"])
    .where("organization_id", "=", organizationId)
    .where("gi_product_id", "=", giProductId)
    .where("verification", "=", "verified")
    .executeTakeFirst();
}

/** The licence behind a product's regional-brand badge, for the badge's detail (licence record and validity). */
export async function brandLicenceFor(db: Executor, organizationId: number, regionalBrandId: number) {
  return db
    .selectFrom("regional_brand_licences")
    .select(["licence_no", "valid_from", "valid_to", "verified_at"])
    .where("organization_id", "=", organizationId)
    .where("regional_brand_id", "=", regionalBrandId)
    .where("verification", "=", "verified")
    .where(sql<boolean>`(valid_from is null or valid_from <= ${CHINA_TODAY}) and (valid_to is null or valid_to >= ${CHINA_TODAY})`)
    .orderBy("valid_to", "desc")
    .executeTakeFirst();
}
