import type { Executor } from "../client";
import type { SavedQuery } from "../schema";

// The curated catalogue's sections: titled groups of hand-picked entries and, optionally, a saved search.

export async function listSections(db: Executor, eventId: number) {
  return db.selectFrom("event_sections").selectAll().where("event_id", "=", eventId).orderBy("position").orderBy("id").execute();
}

export async function createSection(db: Executor, eventId: number, title_zh: string, title_en: string | null, saved_query: SavedQuery | null) {
  const max = await db
    .selectFrom("event_sections")
    .select((eb) => eb.fn.max<number | null>("position").as("max"))
    .where("event_id", "=", eventId)
    .executeTakeFirst();
  return (
    await db
      .insertInto("event_sections")
      .values({ event_id: eventId, title_zh, title_en, saved_query, position: (max?.max ?? 0) + 1 })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

/** Renames a section and replaces its saved search (null: hand-picked entries only). */
export async function updateSection(
  db: Executor,
  eventId: number,
  sectionId: number,
  title_zh: string,
  title_en: string | null,
  saved_query: SavedQuery | null,
) {
  await db.updateTable("event_sections").set({ title_zh, title_en, saved_query }).where("event_id", "=", eventId).where("id", "=", sectionId).execute();
}

/** Swaps a section with its neighbour above or below, in one transaction (the catalogue prints in this order). */
export async function moveSection(db: Executor, eventId: number, sectionId: number, direction: "up" | "down") {
  await db.transaction().execute(async (trx) => {
    // the event's sections in their shown order (position, then id), locked; renumbered 1…n so that ties cannot stall a move
    const order = (
      await trx.selectFrom("event_sections").select("id").where("event_id", "=", eventId).orderBy("position").orderBy("id").forUpdate().execute()
    ).map((r) => r.id);
    const i = order.indexOf(sectionId);
    const j = direction === "up" ? i - 1 : i + 1;
    if (i < 0 || j < 0 || j >= order.length) return;
    [order[i], order[j]] = [order[j]!, order[i]!];
    for (const [index, id] of order.entries())
      await trx
        .updateTable("event_sections")
        .set({ position: index + 1 })
        .where("id", "=", id)
        .execute();
  });
}

export async function deleteSection(db: Executor, eventId: number, sectionId: number) {
  await db.deleteFrom("event_sections").where("event_id", "=", eventId).where("id", "=", sectionId).execute();
}

export async function sectionOf(db: Executor, eventId: number, sectionId: number) {
  return db.selectFrom("event_sections").select("id").where("event_id", "=", eventId).where("id", "=", sectionId).executeTakeFirst();
}

/** Counties and categories used by the exhibitors' products, for saved-search sections. */
export async function savedQueryOptions(db: Executor) {
  const counties = await db.selectFrom("places").select(["id", "name_zh", "name_en"]).where("kind", "=", "county").orderBy("id").execute();
  const categories = (await db.selectFrom("products").select("category").distinct().where("category", "is not", null).orderBy("category").execute()).map(
    (r) => r.category as string,
  );
  return { counties, categories };
}
