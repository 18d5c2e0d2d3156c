import { sql } from "kysely";
import { enqueueSearchSync } from "../outbox";
import { productIdsReferencing, writeRecords, type Executor, type RecordWrite } from "./batch";

export interface RegionalBrandRecord {
  id: number;
  name_zh: string;
  name_en: string | null;
  brand_type: string | null;
  owner_name: string | null;
  scope: string | null;
  slogan: string | null;
  description_zh: string | null;
  description_en: string | null;
  launched_on: string | null;
  status: string;
  is_sample: boolean;
}

function selectRegionalBrands(db: Executor) {
  return db
    .selectFrom("regional_brands")
    .select([
      "id",
      "name_zh",
      "name_en",
      "brand_type",
      "owner_name",
      "scope",
      "slogan",
      "description_zh",
      "description_en",
      "launched_on",
      "status",
      "is_sample",
    ]);
}

export async function regionalBrandsForImport(db: Executor, names: readonly string[]): Promise<RegionalBrandRecord[]> {
  if (names.length === 0) return [];
  return selectRegionalBrands(db)
    .where("name_zh", "=", sql<string>`any(${names}::text[])`)
    .execute();
}

export async function regionalBrandsForExport(db: Executor): Promise<RegionalBrandRecord[]> {
  return selectRegionalBrands(db).where("status", "=", "published").where("is_sample", "=", false).orderBy("name_zh").execute();
}

/** Upserts regional public brands on their Chinese name and announces them and the products sold under them. */
export async function writeRegionalBrands(db: Executor, rows: readonly RecordWrite[], columns: readonly string[], onBatch?: (n: number) => void) {
  const ids = await writeRecords(db, "regional_brands", rows, { columns, key: "name_zh", identity: ["name_zh"], onBatch });
  await enqueueSearchSync(db, "regional_brand", ids);
  await enqueueSearchSync(db, "product", await productIdsReferencing(db, "regional_brand_id", ids));
  return ids;
}
