import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../schema";
import { enqueueSearchSync, purgeProcessedSearchEvents } from "./outbox";

type Executor = Kysely<Database> | Transaction<Database>;

// The producer's recycle bin (issue 21). Deleting a product moves it here: the row keeps everything (certifications,
// pictures, an open revision) but its status becomes 'archived', so every public read (which asks for 'published') and
// the review queue (which asks for 'submitted') leave it out, and search drops it through the outbox. Restoring gives
// back the status it had. After BIN_DAYS the housekeeping job deletes it for good; only then do its pictures become
// unreferenced and their files are swept.

export const BIN_DAYS = 30;

/** Moves the organisation's product to the bin. Returns its names, or undefined when there is no such live product. */
export async function binOwnProduct(trx: Transaction<Database>, organizationId: number, productId: number) {
  const current = await trx
    .selectFrom("products")
    .select(["id", "status", "name_zh", "name_en"])
    .where("id", "=", productId)
    .where("organization_id", "=", organizationId)
    .where("deleted_at", "is", null)
    .forUpdate()
    .executeTakeFirst();
  if (!current) return undefined;
  await trx
    .updateTable("products")
    .set({ status_before_delete: current.status, status: "archived", deleted_at: sql`now()` })
    .where("id", "=", productId)
    .execute();
  // a waiting revision leaves the review queue (a decision on a binned record would change what the producer threw
  // away); it is kept as a draft, pictures and all, so restoring loses nothing
  await trx
    .updateTable("record_revisions")
    .set({ status: "draft" })
    .where("entity_type", "=", "product")
    .where("entity_id", "=", productId)
    .where("status", "=", "submitted")
    .execute();
  await enqueueSearchSync(trx, "product", [productId]);
  return { name_zh: current.name_zh, name_en: current.name_en };
}

/** Takes the organisation's product out of the bin, with the status it had. Undefined when it is not in the bin. */
export async function restoreOwnProduct(trx: Transaction<Database>, organizationId: number, productId: number) {
  const restored = await trx
    .updateTable("products")
    .set({ status: sql`status_before_delete`, status_before_delete: null, deleted_at: null })
    .where("id", "=", productId)
    .where("organization_id", "=", organizationId)
    .where("deleted_at", "is not", null)
    .returning(["id", "name_zh", "name_en", "status"])
    .executeTakeFirst();
  if (!restored) return undefined;
  await enqueueSearchSync(trx, "product", [productId]);
  return restored;
}

/** The organisation's binned products, newest first, with when each will be purged and how many days are left. */
export async function binnedProducts(db: Executor, organizationId: number) {
  return db
    .selectFrom("products")
    .select([
      "id",
      "name_zh",
      "name_en",
      "status_before_delete",
      sql<string>`to_char(deleted_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')`.as("deleted_on"),
      sql<string>`to_char((deleted_at + make_interval(days => ${BIN_DAYS})) at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`.as("purged_on"),
      sql<number>`greatest(0, ceil(extract(epoch from (deleted_at + make_interval(days => ${BIN_DAYS}) - now())) / 86400))::int`.as("days_left"),
    ])
    .where("organization_id", "=", organizationId)
    .where("deleted_at", "is not", null)
    .orderBy("deleted_at", "desc")
    .orderBy("id", "desc")
    .execute();
}

function variantKeys(variants: { key?: unknown }[] | null | undefined): string[] {
  return Array.isArray(variants) ? variants.map((v) => v.key).filter((k): k is string => typeof k === "string") : [];
}

/** Variant keys of the pictures listed in a product revision's data (`images`), if any. */
function revisionImageKeys(data: unknown): string[] {
  const images = (data as { images?: { variants?: { key?: unknown }[] }[] } | null)?.images;
  return Array.isArray(images) ? images.flatMap((i) => variantKeys(i.variants)) : [];
}

/**
 * Deletes for good the products binned more than `days` ago, with their picture rows and revisions (certifications,
 * shortlist entries and event entries go by ON DELETE CASCADE; inquiries and deals keep their rows, product set null).
 * Returns the purged ids and the variant keys of their pictures: the caller removes the files nothing else uses once the
 * transaction has committed (removeUnreferencedPictures).
 */
export async function purgeBinnedProducts(trx: Transaction<Database>, days = BIN_DAYS) {
  const gone = await trx
    .deleteFrom("products")
    .where("deleted_at", "<", sql<Date>`now() - make_interval(days => ${days})`)
    .returning("id")
    .execute();
  const ids = gone.map((g) => g.id);
  if (ids.length === 0) return { ids, keys: [] as string[] };
  const images = await trx.deleteFrom("images").where("owner_type", "=", "product").where("owner_id", "in", ids).returning("variants").execute();
  const revisions = await trx.deleteFrom("record_revisions").where("entity_type", "=", "product").where("entity_id", "in", ids).returning("data").execute();
  // already out of search since binning; the events only make sure no stale document survives a missed one
  await enqueueSearchSync(trx, "product", ids);
  return { ids, keys: [...new Set([...images.flatMap((i) => variantKeys(i.variants)), ...revisions.flatMap((r) => revisionImageKeys(r.data))])] };
}

/**
 * The catalogue's periodic housekeeping, run by the search worker of every app server: processed outbox events older
 * than a week go, and so do products binned more than BIN_DAYS ago. One transaction-level advisory lock, tried not
 * waited for, lets only one server do it at a time. Returns what was purged (undefined when another server holds the
 * lock); the caller sweeps the returned picture keys after the commit.
 */
export async function runHousekeeping(db: Kysely<Database>) {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(hashtext('haidong:housekeeping')) as locked`.execute(trx);
    if (!rows[0]?.locked) return undefined;
    await purgeProcessedSearchEvents(trx, 7);
    return purgeBinnedProducts(trx);
  });
}
