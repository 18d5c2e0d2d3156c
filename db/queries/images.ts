import { sql, type Transaction } from "kysely";
import { jsonb } from "../json";
import type { Database, ImageVariant } from "../schema";
import { enqueueSearchSync } from "./outbox";

export async function addProductImage(
  trx: Transaction<Database>,
  productId: number,
  image: { storage_key: string; width: number; height: number; variants: ImageVariant[]; placeholder: string | null; alt_zh: string; alt_en: string | null },
) {
  const next = await trx
    .selectFrom("images")
    .select(sql<number>`coalesce(max(sort_order), -1) + 1`.as("n"))
    .where("owner_type", "=", "product")
    .where("owner_id", "=", productId)
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("images")
    .values({ ...image, variants: jsonb(image.variants), owner_type: "product", owner_id: productId, sort_order: Number(next.n) })
    .execute();
  await enqueueSearchSync(trx, "product", [productId]);
}

/** Removes one picture of the product and returns its variant keys (swept with unreferencedImageKeys after the commit). */
export async function deleteProductImage(trx: Transaction<Database>, productId: number, imageId: number) {
  const row = await trx
    .deleteFrom("images")
    .where("id", "=", imageId)
    .where("owner_type", "=", "product")
    .where("owner_id", "=", productId)
    .returning("variants")
    .executeTakeFirst();
  if (!row) return undefined;
  await enqueueSearchSync(trx, "product", [productId]);
  return row.variants.map((v) => v.key);
}

/** Changes the description (alt text) of one picture of the product; false when the product has no such picture. */
export async function updateProductImageAlt(trx: Transaction<Database>, productId: number, imageId: number, alt: { alt_zh: string; alt_en: string | null }) {
  const updated = await trx
    .updateTable("images")
    .set(alt)
    .where("id", "=", imageId)
    .where("owner_type", "=", "product")
    .where("owner_id", "=", productId)
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) return false;
  // like every other picture change: search documents carry the product's pictures, so they are rebuilt from the rows
  await enqueueSearchSync(trx, "product", [productId]);
  return true;
}

export async function moveProductImage(trx: Transaction<Database>, productId: number, imageId: number, direction: -1 | 1) {
  const images = await trx
    .selectFrom("images")
    .select(["id", "sort_order"])
    .where("owner_type", "=", "product")
    .where("owner_id", "=", productId)
    .orderBy("sort_order")
    .orderBy("id")
    .execute();
  const i = images.findIndex((x) => x.id === imageId);
  const j = i + direction;
  if (i < 0 || j < 0 || j >= images.length) return i >= 0;
  const reordered = [...images];
  [reordered[i], reordered[j]] = [reordered[j]!, reordered[i]!];
  for (const [order, img] of reordered.entries()) await trx.updateTable("images").set({ sort_order: order }).where("id", "=", img.id).execute();
  await enqueueSearchSync(trx, "product", [productId]);
  return true;
}
