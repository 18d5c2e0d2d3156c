import { sql } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { ProductCertificationsTable, ProductsTable } from "../../schema";
import { enqueueSearchSync } from "../outbox";
import { writeRecords, type Executor, type RecordWrite } from "./batch";

export interface CertificationRow {
  kind: ProductCertificationsTable["kind"];
  certificate_no: string | null;
  expires_on: string | null;
}

export interface ProductRecord {
  id: number;
  organization_id: number;
  credit_code: string | null;
  organization_name: string;
  name_zh: string;
  name_en: string | null;
  category: string | null;
  trademark_id: number | null;
  trademark_reg_no: string | null;
  gi_product_id: number | null;
  gi_name_zh: string | null;
  regional_brand_id: number | null;
  regional_brand_name_zh: string | null;
  availability_months: number[];
  /** numeric(14,2) arrives as text ("1200.00") */
  annual_volume: string | null;
  volume_unit: string | null;
  min_order_qty: string | null;
  min_order_unit: string | null;
  pack_sizes: string[];
  storage: ProductsTable["storage"];
  price_band: string | null;
  provinces_served: string[];
  samples_available: boolean;
  description_zh: string | null;
  description_en: string | null;
  status: string;
  is_sample: boolean;
  certifications: CertificationRow[];
}

function selectProducts(db: Executor) {
  return db
    .selectFrom("products as p")
    .innerJoin("organizations as o", "o.id", "p.organization_id")
    .leftJoin("trademarks as t", "t.id", "p.trademark_id")
    .leftJoin("gi_products as g", "g.id", "p.gi_product_id")
    .leftJoin("regional_brands as r", "r.id", "p.regional_brand_id")
    .select((eb) => [
      "p.id",
      "p.organization_id",
      "o.credit_code",
      "o.name_zh as organization_name",
      "p.name_zh",
      "p.name_en",
      "p.category",
      "p.trademark_id",
      "t.reg_no as trademark_reg_no",
      "p.gi_product_id",
      "g.name_zh as gi_name_zh",
      "p.regional_brand_id",
      "r.name_zh as regional_brand_name_zh",
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
      "p.status",
      "p.is_sample",
      jsonArrayFrom(
        eb
          .selectFrom("product_certifications as c")
          .select(["c.kind", "c.certificate_no", "c.expires_on"])
          .whereRef("c.product_id", "=", "p.id")
          .orderBy("c.id"),
      ).as("certifications"),
    ]);
}

/**
 * Products of these organisations with these names; the caller pairs them up. A product in its producer's recycle bin
 * counts as absent: an imported row of the same name becomes a new product and the binned one waits untouched.
 */
export async function productsForImport(db: Executor, organizationIds: readonly number[], names: readonly string[]): Promise<ProductRecord[]> {
  if (organizationIds.length === 0) return [];
  return (await selectProducts(db)
    .where("p.deleted_at", "is", null)
    .where("p.organization_id", "=", sql<number>`any(${organizationIds}::bigint[])`)
    .where("p.name_zh", "=", sql<string>`any(${names}::text[])`)
    .execute()) as ProductRecord[];
}

/** Published, non-sample products of organisations that are exported too. */
export async function productsForExport(db: Executor): Promise<ProductRecord[]> {
  return (await selectProducts(db)
    .where("p.status", "=", "published")
    .where("p.is_sample", "=", false)
    .where("o.status", "=", "published")
    .where("o.is_sample", "=", false)
    .orderBy(sql`o.credit_code nulls last`)
    .orderBy("o.name_zh")
    .orderBy("p.name_zh")
    .execute()) as ProductRecord[];
}

export interface ProductWrite extends RecordWrite {
  /** the complete list of certifications (undefined: leave them) */
  certifications?: CertificationRow[];
}

/**
 * Products have no unique natural key in the database (an organisation could list two products of one name by hand), so
 * rows the caller matched update by id and the rest are inserted; imports of one kind are serialised by lockImport.
 */
export async function writeProducts(db: Executor, rows: readonly ProductWrite[], columns: readonly string[], onBatch?: (n: number) => void) {
  const ids = await writeRecords(db, "products", rows, { columns, key: null, identity: ["organization_id", "name_zh"], onBatch });
  const withCerts = rows.flatMap((r, i) => (r.certifications ? [{ id: ids[i]!, certifications: r.certifications }] : []));
  if (withCerts.length > 0) {
    await sql`delete from product_certifications where product_id = any(${withCerts.map((r) => r.id)}::bigint[])`.execute(db);
    const certs = withCerts.flatMap((r) => r.certifications.map((c) => ({ product_id: r.id, ...c })));
    await sql`
      insert into product_certifications (product_id, kind, certificate_no, expires_on)
      select * from unnest(${certs.map((c) => c.product_id)}::bigint[], ${certs.map((c) => c.kind)}::text[],
                           ${certs.map((c) => c.certificate_no)}::text[], ${certs.map((c) => c.expires_on)}::date[])`.execute(db);
  }
  await enqueueSearchSync(db, "product", ids);
  return ids;
}
