import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../schema";
import { productSearchRows } from "./products";

type Executor = Kysely<Database> | Transaction<Database>;

/** Anonymous shortlists are kept this long after their last change, then purged. */
export const SHORTLIST_DAYS = 30;
/** More than this many products is not a shortlist any more (and keeps one cookie from filling a table). */
export const SHORTLIST_MAX_ITEMS = 100;

const fresh = sql<boolean>`updated_at > now() - make_interval(days => ${SHORTLIST_DAYS})`;

/** The anonymous shortlist behind a cookie token's hash, unless it has expired. */
export async function findAnonymousShortlist(db: Executor, tokenHash: string): Promise<number | undefined> {
  const row = await db.selectFrom("shortlists").select("id").where("token_hash", "=", tokenHash).where("user_id", "is", null).where(fresh).executeTakeFirst();
  return row?.id;
}

export async function createAnonymousShortlist(db: Executor, tokenHash: string): Promise<number> {
  const row = await db.insertInto("shortlists").values({ token_hash: tokenHash }).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

/** The account's shortlist; created on first use when `create` is set. */
export async function userShortlist(db: Executor, userId: number, create: boolean): Promise<number | undefined> {
  const existing = await db.selectFrom("shortlists").select("id").where("user_id", "=", userId).executeTakeFirst();
  if (existing || !create) return existing?.id;
  const row = await db
    .insertInto("shortlists")
    .values({ user_id: userId })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ updated_at: sql`now()` }))
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function shortlistProductIds(db: Executor, shortlistId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("shortlist_items")
    .select("product_id")
    .where("shortlist_id", "=", shortlistId)
    .orderBy("added_at")
    .orderBy("product_id")
    .execute();
  return rows.map((r) => r.product_id);
}

export type AddResult = "added" | "already" | "full" | "not_found";

/**
 * Adds a published product (of an organisation in good standing, as the public catalogue shows it) once; a second add
 * changes nothing. Refuses when the list is full.
 */
export async function addShortlistItem(db: Kysely<Database>, shortlistId: number, productId: number): Promise<AddResult> {
  return db.transaction().execute(async (trx) => (await addShortlistItemsIn(trx, shortlistId, [productId]))[0]!);
}

/**
 * The same for several products, in order, inside the caller's transaction (the kiosk hand-off spends its token in
 * it too, so a list is never half taken); one result per product.
 */
export async function addShortlistItemsIn(trx: Transaction<Database>, shortlistId: number, productIds: readonly number[]): Promise<AddResult[]> {
  // lock the list so two concurrent adds cannot both pass the size check
  await trx.selectFrom("shortlists").select("id").where("id", "=", shortlistId).forUpdate().executeTakeFirst();
  const results: AddResult[] = [];
  for (const productId of productIds) results.push(await addLocked(trx, shortlistId, productId));
  return results;
}

async function addLocked(trx: Transaction<Database>, shortlistId: number, productId: number): Promise<AddResult> {
  const [visible] = await productSearchRows(trx, [productId]);
  if (!visible) return "not_found";
  const present = await trx
    .selectFrom("shortlist_items")
    .select("product_id")
    .where("shortlist_id", "=", shortlistId)
    .where("product_id", "=", productId)
    .executeTakeFirst();
  if (present) {
    await touchShortlist(trx, shortlistId);
    return "already";
  }
  const { n } = await trx
    .selectFrom("shortlist_items")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("shortlist_id", "=", shortlistId)
    .executeTakeFirstOrThrow();
  if (Number(n) >= SHORTLIST_MAX_ITEMS) return "full";
  await trx
    .insertInto("shortlist_items")
    // the clock, not the transaction's start: several added in one transaction keep their order
    .values({ shortlist_id: shortlistId, product_id: productId, added_at: sql`clock_timestamp()` })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await touchShortlist(trx, shortlistId);
  return "added";
}

export async function removeShortlistItem(db: Executor, shortlistId: number, productId: number): Promise<boolean> {
  const result = await db.deleteFrom("shortlist_items").where("shortlist_id", "=", shortlistId).where("product_id", "=", productId).executeTakeFirst();
  await touchShortlist(db, shortlistId);
  return Number(result.numDeletedRows) > 0;
}

async function touchShortlist(db: Executor, shortlistId: number) {
  await db
    .updateTable("shortlists")
    .set({ updated_at: sql`now()` })
    .where("id", "=", shortlistId)
    .execute();
}

/**
 * Moves an anonymous shortlist's products into the account's list (a product on both is kept once, with its earlier
 * date), then deletes the anonymous list, so its cookie stops meaning anything.
 */
export async function mergeAnonymousShortlist(db: Kysely<Database>, tokenHash: string, userId: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const anonymous = await findAnonymousShortlist(trx, tokenHash);
    if (!anonymous) {
      await trx.deleteFrom("shortlists").where("token_hash", "=", tokenHash).execute();
      return 0;
    }
    const target = (await userShortlist(trx, userId, true))!;
    await trx.selectFrom("shortlists").select("id").where("id", "=", target).forUpdate().executeTakeFirst();
    const { n } = await trx
      .selectFrom("shortlist_items")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("shortlist_id", "=", target)
      .executeTakeFirstOrThrow();
    const room = Math.max(0, SHORTLIST_MAX_ITEMS - Number(n));
    const moved = await sql<{ product_id: number }>`
      insert into shortlist_items (shortlist_id, product_id, added_at)
      select ${target}, a.product_id, a.added_at
      from shortlist_items a
      where a.shortlist_id = ${anonymous}
        and not exists (select 1 from shortlist_items b where b.shortlist_id = ${target} and b.product_id = a.product_id)
      order by a.added_at, a.product_id
      limit ${room}
      on conflict do nothing
      returning product_id`.execute(trx);
    await trx.deleteFrom("shortlists").where("id", "=", anonymous).execute();
    await touchShortlist(trx, target);
    return moved.rows.length;
  });
}

/** Deletes anonymous shortlists untouched for longer than `days` (their items go with them). */
export async function purgeExpiredShortlists(db: Executor, days = SHORTLIST_DAYS): Promise<number> {
  const result = await db
    .deleteFrom("shortlists")
    .where("user_id", "is", null)
    .where(sql<boolean>`updated_at < now() - make_interval(days => ${days})`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * The public product rows for these ids in the given order (products that left the public catalogue drop out), with
 * the validity behind the GI and regional-brand badges where the badge rule holds.
 */
export async function productsForComparison(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return [];
  const rows = await productSearchRows(db, [...ids]);
  const giRows = await db
    .selectFrom("products as p")
    .innerJoin("gi_authorised_users as au", (j) => j.onRef("au.gi_product_id", "=", "p.gi_product_id").onRef("au.organization_id", "=", "p.organization_id"))
    .select(["p.id as product_id", "au.basis", "au.basis_reference", "au.valid_from", "au.valid_to"])
    .where("p.id", "in", [...ids])
    .where("au.verification", "=", "verified")
    .execute();
  const brandRows = await db
    .selectFrom("products as p")
    .innerJoin("regional_brand_licences as rl", (j) =>
      j.onRef("rl.regional_brand_id", "=", "p.regional_brand_id").onRef("rl.organization_id", "=", "p.organization_id"),
    )
    .select(["p.id as product_id", "rl.licence_no", "rl.valid_from", "rl.valid_to"])
    .where("p.id", "in", [...ids])
    .where("rl.verification", "=", "verified")
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids
    .map((id) => byId.get(id))
    .filter((r): r is NonNullable<typeof r> => !!r)
    .map((r) => ({
      ...r,
      gi_validity: r.gi_id && r.gi_authorised ? (giRows.find((g) => g.product_id === r.id) ?? null) : null,
      regional_brand_validity: r.regional_brand_id && r.regional_brand_licensed ? (brandRows.find((b) => b.product_id === r.id) ?? null) : null,
    }));
}

export type ComparedProduct = Awaited<ReturnType<typeof productsForComparison>>[number];
