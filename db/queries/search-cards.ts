import type { Kysely, Transaction } from "kysely";
import type { Database, ImageVariant } from "../schema";

type Executor = Kysely<Database> | Transaction<Database>;

export interface CardImage {
  variants: ImageVariant[];
  width: number;
  height: number;
  alt_zh: string | null;
  alt_en: string | null;
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
    .select(["i.owner_id", "i.variants", "i.width", "i.height", "i.alt_zh", "i.alt_en"])
    .orderBy("i.owner_id")
    .orderBy("i.sort_order")
    .orderBy("i.id")
    .execute();
  return new Map(rows.map((r) => [Number(r.owner_id), { variants: r.variants, width: r.width, height: r.height, alt_zh: r.alt_zh, alt_en: r.alt_en }]));
}

export interface CardProducer {
  id: number;
  name_zh: string;
  name_en: string | null;
}

/** The producer of each published product, so a result card names who makes it (read like the pictures, from PostgreSQL). */
export async function productCardProducers(db: Executor, productIds: readonly number[]): Promise<Map<number, CardProducer>> {
  if (productIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("products as p")
    .innerJoin("organizations as o", "o.id", "p.organization_id")
    .where("p.status", "=", "published")
    .where("o.status", "=", "published")
    .where("p.id", "in", [...productIds])
    .select(["p.id as product_id", "o.id", "o.name_zh", "o.name_en"])
    .execute();
  return new Map(rows.map((r) => [Number(r.product_id), { id: r.id, name_zh: r.name_zh, name_en: r.name_en }]));
}
