import type { Executor } from "../client";
import { exhibitorProductIds } from "./event-exhibitors";
import { sectionOf } from "./event-sections";

// Hand-picked entries of a section, with their notes and order.

/** Adds a hand-picked entry at the end of its section (or updates its note when already there). */
export async function addEntry(
  db: Executor,
  eventId: number,
  sectionId: number,
  productId: number,
  note_zh: string | null,
  note_en: string | null,
  addedAt?: Date,
) {
  if (!(await sectionOf(db, eventId, sectionId))) return false;
  if (!(await exhibitorProductIds(db, eventId)).includes(productId)) return false;
  const max = await db
    .selectFrom("event_entries")
    .select((eb) => eb.fn.max<number | null>("position").as("max"))
    .where("section_id", "=", sectionId)
    .executeTakeFirst();
  await db
    .insertInto("event_entries")
    .values({ section_id: sectionId, product_id: productId, note_zh, note_en, position: (max?.max ?? 0) + 1, ...(addedAt ? { added_at: addedAt } : {}) })
    .onConflict((oc) => oc.columns(["section_id", "product_id"]).doUpdateSet({ note_zh, note_en }))
    .execute();
  return true;
}

async function entryOf(db: Executor, eventId: number, entryId: number) {
  return db
    .selectFrom("event_entries as e")
    .innerJoin("event_sections as s", "s.id", "e.section_id")
    .select(["e.id", "e.section_id", "e.position"])
    .where("s.event_id", "=", eventId)
    .where("e.id", "=", entryId)
    .executeTakeFirst();
}

export async function setEntryNote(db: Executor, eventId: number, entryId: number, note_zh: string | null, note_en: string | null) {
  const entry = await entryOf(db, eventId, entryId);
  if (entry) await db.updateTable("event_entries").set({ note_zh, note_en }).where("id", "=", entry.id).execute();
}

export async function removeEntry(db: Executor, eventId: number, entryId: number) {
  const entry = await entryOf(db, eventId, entryId);
  if (entry) await db.deleteFrom("event_entries").where("id", "=", entry.id).execute();
}

/** Swaps an entry with its neighbour above ("up") or below ("down") in its section. */
export async function moveEntry(db: Executor, eventId: number, entryId: number, direction: "up" | "down") {
  await db.transaction().execute(async (trx) => {
    const entry = await entryOf(trx, eventId, entryId);
    if (!entry) return;
    const neighbour = await trx
      .selectFrom("event_entries")
      .select(["id", "position"])
      .where("section_id", "=", entry.section_id)
      .where("position", direction === "up" ? "<" : ">", entry.position)
      .orderBy("position", direction === "up" ? "desc" : "asc")
      .limit(1)
      .executeTakeFirst();
    if (!neighbour) return;
    await trx.updateTable("event_entries").set({ position: neighbour.position }).where("id", "=", entry.id).execute();
    await trx.updateTable("event_entries").set({ position: entry.position }).where("id", "=", neighbour.id).execute();
  });
}
