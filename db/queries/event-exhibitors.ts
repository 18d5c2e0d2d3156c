import { sql } from "kysely";
import type { Executor } from "../client";
import { CHINA_TODAY } from "./china-day";
import type { SavedQuery } from "../schema";

// An event's exhibitors (organisation, hall, booth) and the products they bring. Removing one withdraws it (issue 19):
// the row stays, so the booth QR code printed for it keeps resolving for the life of the event, and adding the
// company again brings back the same row, the same booth page and the same code.

function exhibitorRows(db: Executor, eventId: number) {
  return db
    .selectFrom("event_exhibitors as x")
    .innerJoin("organizations as o", "o.id", "x.organization_id")
    .leftJoin("places as c", "c.id", "o.county_id")
    .select([
      "x.id",
      "x.organization_id",
      "x.hall",
      "x.booth",
      "o.name_zh",
      "o.name_en",
      "o.status as organization_status",
      "c.name_zh as county_zh",
      "c.name_en as county_en",
    ])
    .where("x.event_id", "=", eventId)
    .orderBy("x.hall")
    .orderBy("x.booth");
}

/**
 * The exhibitors taking part: every public view, the catalogue and the booth QR sheet. A company imported for review
 * (not yet published) is listed only where staff ask for it (`withUnreviewed`): the public does not see a name the
 * reviewers have not checked.
 */
export async function listExhibitors(db: Executor, eventId: number, options: { withUnreviewed?: boolean } = {}) {
  let q = exhibitorRows(db, eventId).where("x.withdrawn_at", "is", null);
  if (!options.withUnreviewed) q = q.where("o.status", "=", "published");
  return q.execute();
}

/** Exhibitors fair staff removed: their booth pages still open and say so. */
export async function withdrawnExhibitors(db: Executor, eventId: number) {
  return exhibitorRows(db, eventId).where("x.withdrawn_at", "is not", null).execute();
}

/** Adds (or restores, or moves) an exhibitor. */
export async function upsertExhibitor(db: Executor, eventId: number, organizationId: number, hall: string | null, booth: string) {
  await db
    .insertInto("event_exhibitors")
    .values({ event_id: eventId, organization_id: organizationId, hall, booth })
    .onConflict((oc) => oc.columns(["event_id", "organization_id"]).doUpdateSet({ hall, booth, withdrawn_at: null }))
    .execute();
}

/** A hall and booth number as compared: ignoring case and spaces ("a 01" is "A01"). */
export function boothKey(hall: string | null, booth: string) {
  const norm = (s: string | null) => (s ?? "").replace(/\s+/g, "").toUpperCase();
  return `${norm(hall)}\u0000${norm(booth)}`;
}

/** Another taking part exhibitor at the same hall and booth number (compared ignoring case and spaces), if any. */
export async function boothHolder(db: Executor, eventId: number, organizationId: number, hall: string | null, booth: string) {
  const rows = await exhibitorRows(db, eventId).where("x.withdrawn_at", "is", null).where("x.organization_id", "<>", organizationId).execute();
  return rows.find((x) => boothKey(x.hall, x.booth) === boothKey(hall, booth));
}

export async function withdrawExhibitor(db: Executor, eventId: number, exhibitorId: number) {
  await db
    .updateTable("event_exhibitors")
    .set({ withdrawn_at: new Date() })
    .where("event_id", "=", eventId)
    .where("id", "=", exhibitorId)
    .where("withdrawn_at", "is", null)
    .execute();
}

export async function restoreExhibitor(db: Executor, eventId: number, exhibitorId: number) {
  await db.updateTable("event_exhibitors").set({ withdrawn_at: null }).where("event_id", "=", eventId).where("id", "=", exhibitorId).execute();
}

/** Published organisations in good standing that may be added as exhibitors. */
export async function exhibitorCandidates(db: Executor) {
  return db
    .selectFrom("organizations")
    .select(["id", "name_zh", "name_en"])
    .where("status", "=", "published")
    .where("credit_status", "=", "normal")
    .orderBy("name_zh")
    .execute();
}

/** Whether the organisation is one exhibitorCandidates lists: a crafted form cannot add any other. */
export async function isExhibitorCandidate(db: Executor, organizationId: number) {
  const row = await db
    .selectFrom("organizations")
    .select("id")
    .where("id", "=", organizationId)
    .where("status", "=", "published")
    .where("credit_status", "=", "normal")
    .executeTakeFirst();
  return row !== undefined;
}

/** Ids of the published products of the event's exhibitors, optionally narrowed by a saved search. */
export async function exhibitorProductIds(db: Executor, eventId: number, query: SavedQuery | null = null) {
  let q = db
    .selectFrom("products as p")
    .innerJoin("event_exhibitors as x", (j) =>
      j.onRef("x.organization_id", "=", "p.organization_id").on("x.event_id", "=", eventId).on("x.withdrawn_at", "is", null),
    )
    .innerJoin("organizations as o", "o.id", "p.organization_id")
    .select("p.id")
    .where("p.status", "=", "published");
  const text = query?.q?.trim();
  if (text) {
    const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((w) => w.or([w("p.name_zh", "ilike", like), w("p.name_en", "ilike", like), w("p.category", "ilike", like)]));
  }
  if (query?.county_id) q = q.where("o.county_id", "=", query.county_id);
  if (query?.category) q = q.where("p.category", "=", query.category);
  return (await q.orderBy("p.name_zh").orderBy("p.id").execute()).map((r) => r.id);
}

/**
 * Where a published product is exhibited: the published events not yet over (China's day) at which its organisation
 * has a booth and was not withdrawn, soonest first. The product page says so, with hall and booth (issues 18, 19).
 */
export async function productExhibitions(db: Executor, productId: number) {
  return db
    .selectFrom("products as p")
    .innerJoin("event_exhibitors as x", (j) => j.onRef("x.organization_id", "=", "p.organization_id").on("x.withdrawn_at", "is", null))
    .innerJoin("events as e", "e.id", "x.event_id")
    .select(["e.id as event_id", "e.name_zh", "e.name_en", "e.starts_on", "e.ends_on", "x.id as exhibitor_id", "x.hall", "x.booth"])
    .where("p.id", "=", productId)
    .where("p.status", "=", "published")
    .where("e.status", "=", "published")
    .where(sql<boolean>`e.ends_on >= ${CHINA_TODAY}`)
    .orderBy("e.starts_on")
    .orderBy("e.id")
    .execute();
}
