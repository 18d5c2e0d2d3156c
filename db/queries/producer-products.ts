import { sql, type Kysely, type Transaction } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { ProductInput } from "./record-inputs";
import { saveOpenRevision, submitOpenRevision } from "./revisions";
import type { Database } from "../schema";

type Executor = Kysely<Database> | Transaction<Database>;

// A producer's own products. Every function takes the organisation id and filters on it: another organisation's id
// simply finds nothing (the caller answers 404), so no route can reach someone else's record. A product in the recycle
// bin (deleted_at set, db/queries/product-bin.ts) is found by none of them: it can only be restored.

export async function listOwnProducts(db: Executor, organizationId: number) {
  return (
    db
      .selectFrom("products as p")
      .leftJoin("record_revisions as r", (j) =>
        j.onRef("r.entity_id", "=", "p.id").on("r.entity_type", "=", "product").on("r.status", "in", ["draft", "submitted", "changes_requested"]),
      )
      .select(["p.id", "p.name_zh", "p.name_en", "p.status", "p.review_comment", "p.updated_at", "r.status as revision_status"])
      .where("p.organization_id", "=", organizationId)
      // binned products are listed on their own page (producer.products.bin.tsx)
      .where("p.deleted_at", "is", null)
      .orderBy("p.updated_at", "desc")
      .execute()
  );
}

export async function getOwnProduct(db: Executor, organizationId: number, productId: number) {
  const product = await db
    .selectFrom("products as p")
    .selectAll("p")
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom("product_certifications as c")
          .select(["c.kind", "c.certificate_no", "c.expires_on"])
          .whereRef("c.product_id", "=", "p.id")
          .orderBy("c.id"),
      ).as("certifications"),
      jsonArrayFrom(
        eb
          .selectFrom("images as i")
          .select(["i.id", "i.storage_key", "i.width", "i.height", "i.variants", "i.alt_zh", "i.alt_en", "i.sort_order"])
          .whereRef("i.owner_id", "=", "p.id")
          .where("i.owner_type", "=", "product")
          .orderBy("i.sort_order")
          .orderBy("i.id"),
      ).as("images"),
    ])
    .where("p.id", "=", productId)
    .where("p.organization_id", "=", organizationId)
    .where("p.deleted_at", "is", null)
    .executeTakeFirst();
  if (!product) return undefined;
  const revision = await db
    .selectFrom("record_revisions")
    .select(["id", "data", "status", "review_comment"])
    .where("entity_type", "=", "product")
    .where("entity_id", "=", productId)
    .where("status", "in", ["draft", "submitted", "changes_requested"])
    .executeTakeFirst();
  return { ...product, revision: revision ?? null };
}

/** The product row's columns from the producer's form (also used by review to diff and apply a revision). */
export function productColumns(form: ProductInput) {
  return {
    name_zh: form.name_zh,
    name_en: form.name_en,
    category: form.category,
    gi_product_id: form.gi_product_id,
    regional_brand_id: form.regional_brand_id,
    trademark_id: form.trademark_id,
    availability_months: form.availability_months,
    annual_volume: form.annual_volume === null ? null : String(form.annual_volume),
    volume_unit: form.volume_unit,
    min_order_qty: form.min_order_qty === null ? null : String(form.min_order_qty),
    min_order_unit: form.min_order_unit,
    pack_sizes: form.pack_sizes,
    storage: form.storage,
    price_band: form.price_band,
    provinces_served: form.provinces_served,
    samples_available: form.samples_available,
    description_zh: form.description_zh,
    description_en: form.description_en,
  };
}

/** The live row as the producer's form, so a revision started from the picture screen leaves every field as it is. */
export async function liveProductForm(db: Executor, productId: number): Promise<ProductInput> {
  const p = await db.selectFrom("products").selectAll().where("id", "=", productId).executeTakeFirstOrThrow();
  const certs = await db
    .selectFrom("product_certifications")
    .select(["kind", "certificate_no", "expires_on"])
    .where("product_id", "=", productId)
    .orderBy("id")
    .execute();
  const { annual_volume, min_order_qty } = p;
  return {
    ...(Object.fromEntries(Object.keys(productColumns({} as ProductInput)).map((k) => [k, p[k as keyof typeof p]])) as unknown as ProductInput),
    annual_volume: annual_volume === null ? null : Number(annual_volume),
    min_order_qty: min_order_qty === null ? null : Number(min_order_qty),
    certifications: certs.map((c) => ({ kind: c.kind as ProductInput["certifications"][number]["kind"], number: c.certificate_no, expires: c.expires_on })),
  };
}

async function replaceCertifications(trx: Transaction<Database>, productId: number, form: ProductInput) {
  await trx.deleteFrom("product_certifications").where("product_id", "=", productId).execute();
  if (form.certifications.length) {
    await trx
      .insertInto("product_certifications")
      .values(form.certifications.map((c) => ({ product_id: productId, kind: c.kind!, certificate_no: c.number, expires_on: c.expires })))
      .execute();
  }
}

/**
 * Writes a product form onto the live row: its columns plus the complete list of certifications. Shared by the
 * producer's edit of an unpublished product and the reviewer's approval of a revision of a published one.
 */
export async function applyProductForm(
  trx: Transaction<Database>,
  productId: number,
  form: ProductInput,
  extra: { status?: "draft" | "published"; updated_by?: number } = {},
) {
  await trx
    .updateTable("products")
    .set({ ...productColumns(form), ...extra, updated_at: sql`now()` })
    .where("id", "=", productId)
    .execute();
  await replaceCertifications(trx, productId, form);
}

/** Checks that the brand links the producer chose point at things it may link: its own trademark, published GIs/brands. */
export async function brandLinksAllowed(db: Executor, organizationId: number, form: ProductInput) {
  if (form.trademark_id) {
    const own = await db
      .selectFrom("trademarks")
      .select("id")
      .where("id", "=", form.trademark_id)
      .where("holder_org_id", "=", organizationId)
      .executeTakeFirst();
    if (!own) return "trademark_id" as const;
  }
  if (form.gi_product_id) {
    const gi = await db.selectFrom("gi_products").select("id").where("id", "=", form.gi_product_id).where("status", "=", "published").executeTakeFirst();
    if (!gi) return "gi_product_id" as const;
  }
  if (form.regional_brand_id) {
    const rb = await db
      .selectFrom("regional_brands")
      .select("id")
      .where("id", "=", form.regional_brand_id)
      .where("status", "=", "published")
      .executeTakeFirst();
    if (!rb) return "regional_brand_id" as const;
  }
  return undefined;
}

export async function createDraftProduct(trx: Transaction<Database>, organizationId: number, userId: number, form: ProductInput) {
  const { id } = await trx
    .insertInto("products")
    .values({ ...productColumns(form), organization_id: organizationId, status: "draft", created_by: userId, updated_by: userId })
    .returning("id")
    .executeTakeFirstOrThrow();
  await replaceCertifications(trx, id, form);
  return id;
}

/**
 * Saves the producer's edit. Unpublished records change in place (back to draft); a published record keeps its public
 * data and the edit waits as a revision until a reviewer approves it.
 */
export async function saveOwnProduct(trx: Transaction<Database>, organizationId: number, productId: number, userId: number, form: ProductInput) {
  const current = await trx
    .selectFrom("products")
    .select(["id", "status"])
    .where("id", "=", productId)
    .where("organization_id", "=", organizationId)
    .where("deleted_at", "is", null)
    .forUpdate()
    .executeTakeFirst();
  if (!current) return "not_found" as const;
  if (current.status !== "published") {
    await applyProductForm(trx, productId, form, { status: "draft", updated_by: userId });
    return "saved" as const;
  }
  // the revision may also carry a changed picture list (product-pictures.ts): a form save keeps it
  const open = await trx
    .selectFrom("record_revisions")
    .select("data")
    .where("entity_type", "=", "product")
    .where("entity_id", "=", productId)
    .where("status", "in", ["draft", "submitted", "changes_requested"])
    .executeTakeFirst();
  const pictures = open && Array.isArray(open.data.images) ? { images: open.data.images } : {};
  await saveOpenRevision(trx, "product", productId, { ...form, ...pictures } as Record<string, unknown>, userId);
  return "revision" as const;
}

/** Sends the draft (or the pending revision) to the review queue. */
export async function submitOwnProduct(trx: Transaction<Database>, organizationId: number, productId: number) {
  const current = await trx
    .selectFrom("products")
    .select(["id", "status"])
    .where("id", "=", productId)
    .where("organization_id", "=", organizationId)
    .where("deleted_at", "is", null)
    .forUpdate()
    .executeTakeFirst();
  if (!current) return "not_found" as const;
  if (current.status === "draft" || current.status === "rejected") {
    await trx
      .updateTable("products")
      .set({ status: "submitted", submitted_at: sql`now()`, review_comment: null })
      .where("id", "=", productId)
      .execute();
    return "submitted" as const;
  }
  return submitOpenRevision(trx, "product", productId);
}

export async function productChoices(db: Executor, organizationId: number) {
  const [gis, brands, trademarks] = await Promise.all([
    // each GI with this producer's authorisation status: a link without a verified one is "claimed, not verified"
    db
      .selectFrom("gi_products as g")
      .leftJoin("gi_authorised_users as au", (j) =>
        // the current authorisation, not a pending renewal or a superseded one
        j
          .onRef("au.gi_product_id", "=", "g.id")
          .on("au.organization_id", "=", organizationId)
          .on("au.renews_id", "is", null)
          .on("au.verification", "<>", "superseded"),
      )
      .select(["g.id", "g.name_zh", "g.name_en", "au.verification as authorisation"])
      .where("g.status", "=", "published")
      .orderBy("g.name_zh")
      .execute(),
    db.selectFrom("regional_brands").select(["id", "name_zh", "name_en"]).where("status", "=", "published").orderBy("name_zh").execute(),
    db.selectFrom("trademarks").select(["id", "name_zh", "reg_no"]).where("holder_org_id", "=", organizationId).orderBy("name_zh").execute(),
  ]);
  return { gis, brands, trademarks };
}
