import type { Kysely, Transaction } from "kysely";
import type { Database } from "../schema";

type Executor = Kysely<Database> | Transaction<Database>;

export async function regionalBrandSearchRows(db: Executor, ids?: number[]) {
  if (ids && ids.length === 0) return [];
  let q = db
    .selectFrom("regional_brands as r")
    .select([
      "r.id",
      "r.name_zh",
      "r.name_en",
      "r.brand_type",
      "r.owner_name",
      "r.scope",
      "r.slogan",
      "r.description_zh",
      "r.description_en",
      "r.is_sample",
      "r.confidence",
      "r.last_verified_at",
      "r.updated_at",
    ])
    .where("r.status", "=", "published");
  if (ids) q = q.where("r.id", "in", ids);
  return q.orderBy("r.id").execute();
}

export type RegionalBrandSearchRow = Awaited<ReturnType<typeof regionalBrandSearchRows>>[number];
