import { sql } from "kysely";
import type { Db, Executor } from "../client";
import type { SavedQuery } from "../schema";
import { productSearchRows, type PublicProduct } from "./products";
import { exhibitorProductIds, listExhibitors } from "./event-exhibitors";
import { listSections } from "./event-sections";

// The catalogue as it stands, its frozen versions (the cut-off) and the addendum of later entries.

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
export async function freezeVersion(db: Db, eventId: number, cutoffAt: Date) {
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
    if (rows.length)
      await trx
        .insertInto("event_catalogue_rows")
        .values(rows)
        .onConflict((oc) => oc.doNothing())
        .execute();
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
  const addendum = current.map((s) => ({ ...s, rows: s.rows.filter((r) => !inVersion.has(`${s.id}:${r.product_id}`)) })).filter((s) => s.rows.length > 0);
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
