import { sql } from "kysely";
import type { Executor } from "../client";
import type { Contact, EventScheduleItem, EventStatus } from "../schema";

// Trade fairs: the events themselves. Exhibitors, sections, entries and catalogue versions have their own modules
// (event-*.ts). Products always come through the public read model (productSearchRows): a product that is withdrawn,
// or whose organisation loses good standing, leaves every catalogue.

export interface EventInput {
  name_zh: string;
  name_en: string | null;
  starts_on: string;
  ends_on: string;
  venue_zh: string;
  venue_en: string | null;
  organiser_zh: string;
  organiser_en: string | null;
  status: EventStatus;
}

export async function listEvents(db: Executor, options: { includeDrafts: boolean }) {
  let q = db.selectFrom("events").selectAll().orderBy("starts_on", "desc").orderBy("id", "desc");
  if (!options.includeDrafts) q = q.where("status", "in", ["published", "closed"]);
  return q.execute();
}

export async function getEvent(db: Executor, id: number) {
  return db.selectFrom("events").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Published (or closed) events only: what the public pages may show. */
export async function getPublicEvent(db: Executor, id: number) {
  return db.selectFrom("events").selectAll().where("id", "=", id).where("status", "in", ["published", "closed"]).executeTakeFirst();
}

export async function createEvent(db: Executor, input: EventInput & { is_sample?: boolean }) {
  return (await db.insertInto("events").values(input).returning("id").executeTakeFirstOrThrow()).id;
}

export async function updateEvent(db: Executor, id: number, input: EventInput) {
  await db
    .updateTable("events")
    .set({ ...input, updated_at: sql`now()` })
    .where("id", "=", id)
    .execute();
}

/** Replaces the event's schedule (checked and sorted by app/events/schedule.ts). */
export async function setEventSchedule(db: Executor, id: number, items: readonly EventScheduleItem[]) {
  await db
    .updateTable("events")
    .set({ schedule: sql<EventScheduleItem[]>`${JSON.stringify(items)}::text::jsonb`, updated_at: sql`now()` })
    .where("id", "=", id)
    .execute();
}

/**
 * Deletes an event that is still a draft (never shown to the public), with its exhibitors, sections and versions;
 * leads and deals that name it keep existing without it (ON DELETE SET NULL). False when the event is not a draft.
 */
export async function deleteDraftEvent(db: Executor, id: number) {
  const deleted = await db.deleteFrom("events").where("id", "=", id).where("status", "=", "draft").executeTakeFirst();
  return Number(deleted.numDeletedRows) > 0;
}

/** What the printed catalogue may show of each exhibitor: public contacts other than named people, and the website. */
export async function printContacts(db: Executor, organizationIds: number[]) {
  const orgs = organizationIds.length
    ? await db.selectFrom("organizations").select(["id", "contacts", "website"]).where("id", "in", organizationIds).execute()
    : [];
  return orgs.map((o) => ({ id: o.id, contacts: (o.contacts as Contact[]).filter((c) => c.public && c.kind !== "person"), website: o.website }));
}
