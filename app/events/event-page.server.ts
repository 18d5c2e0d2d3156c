import type { Db } from "../../db/client";
import type { SearchContext } from "../search/client.server";
import { listExhibitors } from "../../db/queries/event-exhibitors";
import { inBoothOrder } from "./booth-order";
import { kioskSearch } from "./kiosk.server";
import { productAtEvent } from "./parts";

// The public event page's own parts (issue 19): the search within the event — the kiosk's search, so one rule finds
// the same products on every screen — and the exhibitor directory by hall and booth. Only published organisations
// are listed (listExhibitors), and only their published products found.

export interface EventPageSearch {
  q: string;
  category: string | null;
  county: string | null;
}

/** The search the page's GET form sent; `active` when it narrows anything. */
export function searchParams(url: URL): EventPageSearch & { active: boolean } {
  const q = (url.searchParams.get("q") ?? "").slice(0, 50);
  const category = url.searchParams.get("category")?.slice(0, 50) || null;
  const county = url.searchParams.get("county")?.slice(0, 50) || null;
  return { q, category, county, active: Boolean(q.trim() || category || county) };
}

export async function eventPageParts(db: Db, searchContext: SearchContext, eventId: number, url: URL) {
  const search = searchParams(url);
  const [exhibitors, found] = await Promise.all([
    listExhibitors(db, eventId),
    kioskSearch(db, searchContext, eventId, search.q, search.category, search.county),
  ]);
  const booths = new Map(exhibitors.map((x) => [x.organization_id, x]));
  return {
    search: { ...search, categories: found.categories, counties: found.counties },
    // only when the visitor searched: the page otherwise shows the curated catalogue
    results: search.active
      ? found.results.map((p) => ({
          product: p,
          hall: booths.get(p.organization_id)?.hall ?? null,
          booth: booths.get(p.organization_id)?.booth ?? null,
          url: productAtEvent(p.id, eventId),
        }))
      : null,
    directory: inBoothOrder(exhibitors).map((x) => ({
      id: x.id,
      organization_id: x.organization_id,
      hall: x.hall,
      booth: x.booth,
      name_zh: x.name_zh,
      name_en: x.name_en,
      county_zh: x.county_zh,
      county_en: x.county_en,
    })),
  };
}
