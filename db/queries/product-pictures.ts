import { randomUUID } from "node:crypto";
import { sql, type Kysely, type Transaction } from "kysely";
import { jsonb } from "../json";
import type { Database, ImageVariant } from "../schema";
import { addProductImage, deleteProductImage, moveProductImage, updateProductImageAlt } from "./images";
import { liveProductForm } from "./producer-products";
import { saveOpenRevision } from "./revisions";

type Executor = Kysely<Database> | Transaction<Database>;

// Pictures of a published product change through its open revision (decision records 009 and 010): the revision's
// data carries the whole picture list the producer wants (`images`), the `images` table keeps serving the approved
// list, and approval replaces the one with the other. Unpublished products change their pictures in place.

/** One picture in a list: a live `images` row (image_id set) or an upload waiting in a revision (image_id null). */
export interface PictureEntry {
  /** stable handle for the picture screen's buttons: "image-<id>" or "new-<uuid>" */
  ref: string;
  image_id: number | null;
  storage_key: string;
  width: number;
  height: number;
  variants: ImageVariant[];
  placeholder: string | null;
  alt_zh: string;
  alt_en: string | null;
}

export type NewPicture = Omit<PictureEntry, "ref" | "image_id">;
export type PictureChange =
  | { kind: "add"; picture: NewPicture }
  | { kind: "delete"; ref: string }
  | { kind: "move"; ref: string; direction: -1 | 1 }
  | { kind: "alt"; ref: string; alt_zh: string; alt_en: string | null };

const OPEN = ["draft", "submitted", "changes_requested"] as const;

export async function livePictures(db: Executor, productId: number): Promise<PictureEntry[]> {
  const rows = await db
    .selectFrom("images")
    .select(["id", "storage_key", "width", "height", "variants", "placeholder", "alt_zh", "alt_en"])
    .where("owner_type", "=", "product")
    .where("owner_id", "=", productId)
    .orderBy("sort_order")
    .orderBy("id")
    .execute();
  return rows.map(({ id, ...r }) => ({ ref: `image-${id}`, image_id: id, ...r }));
}

/** The picture list a revision's data carries, or undefined when the revision leaves the pictures alone. */
export function revisionPictures(data: Record<string, unknown> | null | undefined): PictureEntry[] | undefined {
  return data && Array.isArray(data.images) ? (data.images as PictureEntry[]) : undefined;
}

/** What the producer's picture screen shows: the open revision's list when there is one, else the live pictures. */
export async function productPictures(db: Executor, productId: number): Promise<{ pending: boolean; pictures: PictureEntry[] }> {
  const revision = await db
    .selectFrom("record_revisions")
    .select("data")
    .where("entity_type", "=", "product")
    .where("entity_id", "=", productId)
    .where("status", "in", [...OPEN])
    .executeTakeFirst();
  const pending = revisionPictures(revision?.data);
  return pending ? { pending: true, pictures: pending } : { pending: false, pictures: await livePictures(db, productId) };
}

const keysOf = (pictures: PictureEntry[]) => pictures.flatMap((p) => p.variants.map((v) => v.key));

/**
 * Adds, removes, moves or re-describes one picture of the producer's own product. `discarded` lists variant keys the
 * change may have orphaned: the caller passes them to removeUnreferencedPictures() (app/images/picture-flow.server.ts)
 * after the commit.
 */
export async function changeProductPictures(
  trx: Transaction<Database>,
  organizationId: number,
  productId: number,
  userId: number,
  change: PictureChange,
): Promise<{ result: "not_found" } | { result: "live" | "revision"; discarded: string[] }> {
  const product = await trx
    .selectFrom("products")
    .select(["id", "status"])
    .where("id", "=", productId)
    .where("organization_id", "=", organizationId)
    .where("deleted_at", "is", null) // a binned product's pictures wait untouched until it is restored or purged
    .forUpdate()
    .executeTakeFirst();
  if (!product) return { result: "not_found" };

  if (product.status !== "published") {
    if (change.kind === "add") {
      await addProductImage(trx, productId, change.picture);
      return { result: "live", discarded: [] };
    }
    const imageId = /^image-(\d+)$/.exec(change.ref)?.[1];
    if (!imageId) return { result: "not_found" };
    if (change.kind === "delete") {
      const keys = await deleteProductImage(trx, productId, Number(imageId));
      return keys ? { result: "live", discarded: keys } : { result: "not_found" };
    }
    if (change.kind === "alt") {
      const updated = await updateProductImageAlt(trx, productId, Number(imageId), { alt_zh: change.alt_zh, alt_en: change.alt_en });
      return updated ? { result: "live", discarded: [] } : { result: "not_found" };
    }
    const moved = await moveProductImage(trx, productId, Number(imageId), change.direction);
    return moved ? { result: "live", discarded: [] } : { result: "not_found" };
  }

  const revision = await trx
    .selectFrom("record_revisions")
    .select(["id", "data"])
    .where("entity_type", "=", "product")
    .where("entity_id", "=", productId)
    .where("status", "in", [...OPEN])
    .forUpdate()
    .executeTakeFirst();
  const list = [...(revisionPictures(revision?.data) ?? (await livePictures(trx, productId)))];
  let discarded: string[] = [];
  if (change.kind === "add") {
    list.push({ ref: `new-${randomUUID()}`, image_id: null, ...change.picture });
  } else {
    const i = list.findIndex((p) => p.ref === change.ref);
    if (i < 0) return { result: "not_found" };
    if (change.kind === "delete") {
      const [removed] = list.splice(i, 1);
      // a live picture stays public (files included) until the revision is approved
      if (removed!.image_id === null) discarded = keysOf([removed!]);
    } else if (change.kind === "alt") {
      // the public page keeps the approved description until the revision is approved, like any other edit
      list[i] = { ...list[i]!, alt_zh: change.alt_zh, alt_en: change.alt_en };
    } else {
      const j = i + change.direction;
      if (j >= 0 && j < list.length) [list[i], list[j]] = [list[j]!, list[i]!];
    }
  }
  // a revision started from the picture screen carries the live product's fields, so approving it changes only pictures
  const form = revision?.data ?? (await liveProductForm(trx, productId));
  await saveOpenRevision(trx, "product", productId, { ...form, images: list }, userId);
  return { result: "revision", discarded };
}

/**
 * Approval: the live pictures become the revision's list. Rows the list no longer names are deleted, kept rows take
 * their new place and description, new uploads become rows. Returns the variant keys of deleted rows (to sweep after
 * the commit).
 */
export async function applyRevisionPictures(trx: Transaction<Database>, productId: number, list: PictureEntry[]) {
  const live = await livePictures(trx, productId);
  const kept = new Set(list.map((p) => p.image_id).filter((id): id is number => id !== null));
  const gone = live.filter((p) => !kept.has(p.image_id!));
  if (gone.length)
    await trx
      .deleteFrom("images")
      .where(
        "id",
        "in",
        gone.map((p) => p.image_id!),
      )
      .execute();
  for (const [order, p] of list.entries()) {
    const updated =
      p.image_id !== null &&
      (
        await trx
          .updateTable("images")
          // a kept picture may have a new description too
          .set({ sort_order: order, alt_zh: p.alt_zh, alt_en: p.alt_en })
          .where("id", "=", p.image_id)
          .where("owner_type", "=", "product")
          .where("owner_id", "=", productId)
          .executeTakeFirst()
      ).numUpdatedRows > 0n;
    if (!updated) {
      await trx
        .insertInto("images")
        .values({
          owner_type: "product",
          owner_id: productId,
          storage_key: p.storage_key,
          width: p.width,
          height: p.height,
          variants: jsonb(p.variants),
          placeholder: p.placeholder,
          alt_zh: p.alt_zh,
          alt_en: p.alt_en,
          sort_order: order,
        })
        .execute();
    }
  }
  return keysOf(gone);
}

/** Variant keys a review decision on this item may orphan: the revision's pictures and the product's live ones. */
export async function reviewPictureKeys(db: Executor, kind: string, id: number): Promise<string[]> {
  if (kind !== "revision") return [];
  const r = await db.selectFrom("record_revisions").select(["entity_type", "entity_id", "data"]).where("id", "=", id).executeTakeFirst();
  if (!r || r.entity_type !== "product") return [];
  const pending = revisionPictures(r.data);
  if (!pending) return [];
  return [...new Set([...keysOf(pending), ...keysOf(await livePictures(db, r.entity_id))])];
}

/**
 * Of these variant keys, those no picture uses any more: neither an `images` row (another product may show the same
 * photo: same content hash, same keys) nor an open revision's picture list. Files under these keys can go.
 */
export async function unreferencedImageKeys(db: Executor, keys: string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .selectFrom("images")
    .select("variants")
    .where(sql<boolean>`variants @> any(array[${sql.join(keys.map((k) => sql`cast(${JSON.stringify([{ key: k }])}::text as jsonb)`))}])`)
    .execute();
  const revisions = await db
    .selectFrom("record_revisions")
    .select("data")
    .where("entity_type", "=", "product")
    .where("status", "in", [...OPEN])
    .where(sql<boolean>`data ? 'images'`)
    .execute();
  const used = new Set([...rows.flatMap((r) => r.variants.map((v) => v.key)), ...revisions.flatMap((r) => keysOf(revisionPictures(r.data) ?? []))]);
  return keys.filter((k) => !used.has(k));
}
