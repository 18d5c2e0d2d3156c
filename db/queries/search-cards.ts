import type { Kysely, Transaction } from "kysely";
import type { Database, ImageVariant } from "../schema";

type Executor = Kysely<Database> | Transaction<Database>;

export interface CardImage {
  variants: ImageVariant[];
  width: number;
  height: number;
}

/**
 * The first picture of each published product, for search result cards. Read from PostgreSQL rather than the index so
 * cards show the current picture (and one in degraded mode too) without indexing image variants.
 */
export async function productCardImages(db: Executor, productIds: readonly number[]): Promise<Map<number, CardImage>> {
  if (productIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("images as i")
    .innerJoin("products as p", (join) => join.onRef("p.id", "=", "i.owner_id").on("i.owner_type", "=", "product"))
    .where("p.status", "=", "published")
    .where("p.id", "in", [...productIds])
    .distinctOn("i.owner_id")
    .select(["i.owner_id", "i.variants", "i.width", "i.height"])
    .orderBy("i.owner_id")
    .orderBy("i.sort_order")
    .orderBy("i.id")
    .execute();
  return new Map(rows.map((r) => [Number(r.owner_id), { variants: r.variants, width: r.width, height: r.height }]));
}
