import { categoryEn } from "../domain/product-form";
import { createHash } from "node:crypto";
import { printContacts, type getEvent } from "../../db/queries/events";
import { resolvedCatalogue } from "../../db/queries/event-catalogue-versions";
import { listExhibitors } from "../../db/queries/event-exhibitors";
import type { Db } from "../../db/client";
import { chinaDateTime } from "../platform/china-time";
import { qrSvg } from "../platform/qr.server";
import { imageUrl, productAtEvent } from "./parts";
import { inBoothOrder } from "./booth-order";

// The printable catalogue (/events/:id/print) in two steps: what it is printed from (database reads), then the page's
// data (numbering, QR codes, indexes). The PDF route fingerprints the first step to know whether a cached PDF is
// still the catalogue as it stands, without printing it again.

type Event = NonNullable<Awaited<ReturnType<typeof getEvent>>>;

export async function printSources(db: Db, eventId: number) {
  const catalogue = await resolvedCatalogue(db, eventId);
  const ids = [...new Set([...catalogue.sections, ...catalogue.addendum].flatMap((s) => s.entries.map((e) => e.product.organization_id)))];
  return { catalogue, contacts: await printContacts(db, ids), exhibitors: await listExhibitors(db, eventId) };
}

type Sources = Awaited<ReturnType<typeof printSources>>;

/**
 * A digest of everything the printed catalogue shows: the event, the frozen version with its addendum (which stays
 * live), the exhibitors' contacts, the origin its links use, and the visitor's display preferences.
 */
export function printDigest(event: Event, sources: Sources, origin: string, prefs: unknown) {
  return createHash("sha256").update(JSON.stringify({ event, sources, origin, prefs })).digest("hex");
}

/** The page's data; every link and QR code starts with `origin` (app/platform/public-origin.server.ts). */
export async function printableCatalogue(event: Event, { catalogue, contacts: rows, exhibitors }: Sources, origin: string) {
  const all = [...catalogue.sections.map((s) => ({ ...s, addendum: false })), ...catalogue.addendum.map((s) => ({ ...s, addendum: true }))];
  const contacts = new Map(rows.map((o) => [o.id, { contacts: o.contacts, website: o.website }]));
  let n = 0;
  const sections = await Promise.all(
    all.map(async (s) => ({
      title_zh: s.title_zh,
      title_en: s.title_en,
      addendum: s.addendum,
      entries: await Promise.all(
        s.entries.map(async (e) => {
          n += 1;
          const url = `${origin}${productAtEvent(e.product.id, event.id)}`;
          return { ...e, n, image: imageUrl(e.product, 640), url, qr: await qrSvg(url), contact: contacts.get(e.product.organization_id) ?? null };
        }),
      ),
    })),
  );
  const entries = sections.flatMap((s) => s.entries);
  const group = (key: (e: (typeof entries)[number]) => string) => {
    const m = new Map<string, { n: number; name: string }[]>();
    for (const e of entries) {
      const k = key(e) || "—";
      m.set(k, [...(m.get(k) ?? []), { n: e.n, name: e.product.name_zh }]);
    }
    return [...m].sort(([a], [b]) => a.localeCompare(b, "zh-CN"));
  };
  return {
    event,
    version: catalogue.version && { version: catalogue.version.version, cutoff: chinaDateTime(catalogue.version.cutoff_at) },
    sections,
    byCounty: group((e) => [e.product.county_zh, e.product.county_en].filter(Boolean).join(" ")),
    byCategory: group((e) => [e.product.category, categoryEn(e.product.category)].filter(Boolean).join(" ")),
    directory: exhibitorDirectory(exhibitors, entries),
  };
}

/**
 * The exhibitor directory (展商名录) at the back of the catalogue: every exhibitor taking part, by hall and booth in
 * natural order (A2 before A10), with the numbers of its entries. Its page numbers are filled in when the PDF is
 * printed (pdf.server.ts); it stands last so that filling them in cannot move any entry to another page.
 */
export function exhibitorDirectory(
  exhibitors: readonly { id: number; organization_id: number; hall: string | null; booth: string | null; name_zh: string; name_en: string | null }[],
  entries: readonly { n: number; product: { organization_id: number } }[],
) {
  return inBoothOrder(exhibitors).map((x) => ({
    id: x.id,
    hall: x.hall,
    booth: x.booth,
    name_zh: x.name_zh,
    name_en: x.name_en,
    entries: entries.filter((e) => e.product.organization_id === x.organization_id).map((e) => e.n),
  }));
}
