import { sql, type Kysely, type Transaction } from "kysely";
import type { Contact, Database, EventStatus, SavedQuery } from "../schema";
import { productSearchRows, type PublicProduct } from "./products";

type Executor = Kysely<Database> | Transaction<Database>;

// Trade fairs: events, exhibitors and the curated catalogue. Products always come through the public read model
// (productSearchRows): a product that is withdrawn, or whose organisation loses good standing, leaves every catalogue.

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
  await db.updateTable("events").set({ ...input, updated_at: sql`now()` }).where("id", "=", id).execute();
}

export async function listExhibitors(db: Executor, eventId: number) {
  return db
    .selectFrom("event_exhibitors as x")
    .innerJoin("organizations as o", "o.id", "x.organization_id")
    .leftJoin("places as c", "c.id", "o.county_id")
    .select(["x.id", "x.organization_id", "x.hall", "x.booth", "o.name_zh", "o.name_en", "c.name_zh as county_zh", "c.name_en as county_en"])
    .where("x.event_id", "=", eventId)
    .orderBy("x.hall")
    .orderBy("x.booth")
    .execute();
}

export async function upsertExhibitor(db: Executor, eventId: number, organizationId: number, hall: string | null, booth: string) {
  await db
    .insertInto("event_exhibitors")
    .values({ event_id: eventId, organization_id: organizationId, hall, booth })
    .onConflict((oc) => oc.columns(["event_id", "organization_id"]).doUpdateSet({ hall, booth }))
    .execute();
}

export async function removeExhibitor(db: Executor, eventId: number, exhibitorId: number) {
  await db.deleteFrom("event_exhibitors").where("event_id", "=", eventId).where("id", "=", exhibitorId).execute();
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
    .innerJoin("event_exhibitors as x", (j) => j.onRef("x.organization_id", "=", "p.organization_id").on("x.event_id", "=", eventId))
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

export async function deleteSection(db: Executor, eventId: number, sectionId: number) {
  await db.deleteFrom("event_sections").where("event_id", "=", eventId).where("id", "=", sectionId).execute();
}

async function sectionOf(db: Executor, eventId: number, sectionId: number) {
  return db.selectFrom("event_sections").select("id").where("event_id", "=", eventId).where("id", "=", sectionId).executeTakeFirst();
}

/** Adds a hand-picked entry at the end of its section (or updates its note when already there). */
export async function addEntry(db: Executor, eventId: number, sectionId: number, productId: number, note_zh: string | null, note_en: string | null, addedAt?: Date) {
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

export interface CatalogueRow {
  entry_id: number | null;
  product_id: number;
  note_zh: string | null;
  note_en: string | null;
  /** hand-picked, or found by the section's saved search */
  source: "picked" | "search";
}

export interface CatalogueSection {
  id: number | null;
  title_zh: string;
  title_en: string | null;
  position: number;
  saved_query: SavedQuery | null;
  rows: CatalogueRow[];
}

/** The catalogue as it stands now: each section's hand-picked entries in order, then its saved search's live results. */
export async function currentCatalogue(db: Executor, eventId: number): Promise<CatalogueSection[]> {
  const sections = await listSections(db, eventId);
  const allowed = new Set(await exhibitorProductIds(db, eventId));
  const entries = sections.length
    ? await db
        .selectFrom("event_entries")
        .selectAll()
        .where(
          "section_id",
          "in",
          sections.map((s) => s.id),
        )
        .orderBy("position")
        .orderBy("id")
        .execute()
    : [];
  const out: CatalogueSection[] = [];
  for (const s of sections) {
    const rows: CatalogueRow[] = entries
      .filter((e) => e.section_id === s.id && allowed.has(e.product_id))
      .map((e) => ({ entry_id: e.id, product_id: e.product_id, note_zh: e.note_zh, note_en: e.note_en, source: "picked" as const }));
    if (s.saved_query) {
      const picked = new Set(rows.map((r) => r.product_id));
      for (const id of await exhibitorProductIds(db, eventId, s.saved_query)) {
        if (!picked.has(id)) rows.push({ entry_id: null, product_id: id, note_zh: null, note_en: null, source: "search" });
      }
    }
    out.push({ id: s.id, title_zh: s.title_zh, title_en: s.title_en, position: s.position, saved_query: s.saved_query, rows });
  }
  return out;
}

export async function latestVersion(db: Executor, eventId: number) {
  return db.selectFrom("event_catalogue_versions").selectAll().where("event_id", "=", eventId).orderBy("version", "desc").limit(1).executeTakeFirst();
}

export async function listVersions(db: Executor, eventId: number) {
  return db.selectFrom("event_catalogue_versions").selectAll().where("event_id", "=", eventId).orderBy("version", "desc").execute();
}

/** Freezes the catalogue as it stands now into a new version with the given cut-off (snapshot rows). */
export async function freezeVersion(db: Kysely<Database>, eventId: number, cutoffAt: Date) {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('event-version'), ${eventId}::int)`.execute(trx);
    const catalogue = await currentCatalogue(trx, eventId);
    const last = await latestVersion(trx, eventId);
    const version = await trx
      .insertInto("event_catalogue_versions")
      .values({ event_id: eventId, version: (last?.version ?? 0) + 1, cutoff_at: cutoffAt })
      .returning(["id", "version"])
      .executeTakeFirstOrThrow();
    const rows = catalogue.flatMap((s) =>
      s.rows.map((r, i) => ({
        version_id: version.id,
        section_id: s.id,
        section_title_zh: s.title_zh,
        section_title_en: s.title_en,
        section_position: s.position,
        product_id: r.product_id,
        position: i + 1,
        note_zh: r.note_zh,
        note_en: r.note_en,
      })),
    );
    if (rows.length) await trx.insertInto("event_catalogue_rows").values(rows).onConflict((oc) => oc.doNothing()).execute();
    return version;
  });
}

export interface PublishedCatalogue {
  version: { version: number; cutoff_at: Date } | null;
  sections: CatalogueSection[];
  /** entries added after the cut-off: in a section now, not in that section in the frozen version */
  addendum: CatalogueSection[];
}

/**
 * What visitors see: the latest frozen version (as frozen) plus an addendum of what was added since; before any
 * freeze, the live catalogue.
 */
export async function publishedCatalogue(db: Executor, eventId: number): Promise<PublishedCatalogue> {
  const current = await currentCatalogue(db, eventId);
  const version = await latestVersion(db, eventId);
  if (!version) return { version: null, sections: current, addendum: [] };
  const frozen = await db
    .selectFrom("event_catalogue_rows")
    .selectAll()
    .where("version_id", "=", version.id)
    .orderBy("section_position")
    .orderBy("position")
    .execute();
  const sections: CatalogueSection[] = [];
  for (const r of frozen) {
    let s = sections.find((x) => x.position === r.section_position && x.title_zh === r.section_title_zh);
    if (!s) {
      s = { id: r.section_id, title_zh: r.section_title_zh, title_en: r.section_title_en, position: r.section_position, saved_query: null, rows: [] };
      sections.push(s);
    }
    s.rows.push({ entry_id: null, product_id: r.product_id, note_zh: r.note_zh, note_en: r.note_en, source: "picked" });
  }
  // an entry is new when its section did not hold that product in the frozen version
  const inVersion = new Set(frozen.map((r) => `${r.section_id}:${r.product_id}`));
  const addendum = current
    .map((s) => ({ ...s, rows: s.rows.filter((r) => !inVersion.has(`${s.id}:${r.product_id}`)) }))
    .filter((s) => s.rows.length > 0);
  return { version: { version: version.version, cutoff_at: version.cutoff_at }, sections, addendum };
}

export interface CatalogueEntry {
  product: PublicProduct;
  note_zh: string | null;
  note_en: string | null;
  hall: string | null;
  booth: string | null;
}

export interface ResolvedSection {
  title_zh: string;
  title_en: string | null;
  entries: CatalogueEntry[];
}

/** The published catalogue with each product read through the public read model and its exhibitor's booth. */
export async function resolvedCatalogue(db: Executor, eventId: number) {
  const catalogue = await publishedCatalogue(db, eventId);
  const ids = [...new Set([...catalogue.sections, ...catalogue.addendum].flatMap((s) => s.rows.map((r) => r.product_id)))];
  const products = new Map((await productSearchRows(db, ids)).map((p) => [p.id, p]));
  const booths = new Map((await listExhibitors(db, eventId)).map((x) => [x.organization_id, x]));
  const resolve = (sections: CatalogueSection[]): ResolvedSection[] =>
    sections
      .map((s) => ({
        title_zh: s.title_zh,
        title_en: s.title_en,
        entries: s.rows.flatMap((r) => {
          const product = products.get(r.product_id);
          if (!product) return [];
          const booth = booths.get(product.organization_id);
          return [{ product, note_zh: r.note_zh, note_en: r.note_en, hall: booth?.hall ?? null, booth: booth?.booth ?? null }];
        }),
      }))
      .filter((s) => s.entries.length > 0);
  return { version: catalogue.version, sections: resolve(catalogue.sections), addendum: resolve(catalogue.addendum) };
}

/** What the printed catalogue may show of each exhibitor: public contacts other than named people, and the website. */
export async function printContacts(db: Executor, organizationIds: number[]) {
  const orgs = organizationIds.length
    ? await db.selectFrom("organizations").select(["id", "contacts", "website"]).where("id", "in", organizationIds).execute()
    : [];
  return orgs.map((o) => ({ id: o.id, contacts: (o.contacts as Contact[]).filter((c) => c.public && c.kind !== "person"), website: o.website }));
}

/** Counties and categories used by the exhibitors' products, for saved-search sections. */
export async function savedQueryOptions(db: Executor) {
  const counties = await db.selectFrom("places").select(["id", "name_zh", "name_en"]).where("kind", "=", "county").orderBy("id").execute();
  const categories = (await db.selectFrom("products").select("category").distinct().where("category", "is not", null).orderBy("category").execute()).map(
    (r) => r.category as string,
  );
  return { counties, categories };
}
