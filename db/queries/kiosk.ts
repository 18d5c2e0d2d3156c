import type { Executor } from "../client";

// The kiosk's server-side shortlists and its one-time hand-offs to a visitor's phone. Tokens arrive here already
// hashed (SHA-256): the database never holds one that works.

export async function kioskSessionId(db: Executor, eventId: number, tokenHash: string) {
  return (await db.selectFrom("kiosk_sessions").select("id").where("token_hash", "=", tokenHash).where("event_id", "=", eventId).executeTakeFirst())?.id;
}

export async function createKioskSession(db: Executor, eventId: number, tokenHash: string) {
  return (await db.insertInto("kiosk_sessions").values({ event_id: eventId, token_hash: tokenHash }).returning("id").executeTakeFirstOrThrow()).id;
}

/** Deleting the session deletes its shortlist with it. */
export async function deleteKioskSession(db: Executor, sessionId: number) {
  await db.deleteFrom("kiosk_sessions").where("id", "=", sessionId).execute();
}

/** The shortlist in the order the visitor added it. */
export async function kioskShortlistIds(db: Executor, sessionId: number) {
  const rows = await db
    .selectFrom("kiosk_shortlist_items")
    .select("product_id")
    .where("kiosk_session_id", "=", sessionId)
    .orderBy("added_at")
    .orderBy("product_id")
    .execute();
  return rows.map((r) => r.product_id);
}

export async function addKioskShortlistItem(db: Executor, sessionId: number, productId: number) {
  await db
    .insertInto("kiosk_shortlist_items")
    .values({ kiosk_session_id: sessionId, product_id: productId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function removeKioskShortlistItem(db: Executor, sessionId: number, productId: number) {
  await db.deleteFrom("kiosk_shortlist_items").where("kiosk_session_id", "=", sessionId).where("product_id", "=", productId).execute();
}

export async function insertKioskHandoff(db: Executor, eventId: number, tokenHash: string, productIds: number[]) {
  await db.insertInto("kiosk_handoffs").values({ token_hash: tokenHash, event_id: eventId, product_ids: productIds }).execute();
}

/** Spends a hand-off (once, within `maxAgeMs`); its products, or undefined. */
export async function spendKioskHandoff(db: Executor, eventId: number, tokenHash: string, maxAgeMs: number) {
  const row = await db
    .updateTable("kiosk_handoffs")
    .set({ used_at: new Date() })
    .where("token_hash", "=", tokenHash)
    .where("event_id", "=", eventId)
    .where("used_at", "is", null)
    .where("created_at", ">", new Date(Date.now() - maxAgeMs))
    .returning("product_ids")
    .executeTakeFirst();
  return row?.product_ids.map(Number);
}

/** Whether a hand-off was taken by a phone already (the kiosk then clears its screen for the next visitor). */
export async function kioskHandoffUsed(db: Executor, eventId: number, tokenHash: string) {
  const row = await db.selectFrom("kiosk_handoffs").select("used_at").where("token_hash", "=", tokenHash).where("event_id", "=", eventId).executeTakeFirst();
  return !!row?.used_at;
}
