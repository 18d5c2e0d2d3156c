import type { Db } from "../../db/client";
import { productExhibitions } from "../../db/queries/event-exhibitors";

// "在 <fair> · <hall booth>" on a product page (issue 19 item 10, issue 18): a product exhibited at a published fair
// that is on or coming says so, with the booth's lead form and an inquiry. Links from the presenter, the printed
// catalogue and the booth page carry `?event=<id>`; the parameter only chooses which of the product's fairs to name
// when there are several. It never prints anything by itself: an event the product is not exhibited at (or a
// withdrawn booth, a draft or a past fair) falls back to the soonest fair there is, or to no notice at all.

export type Exhibited = Awaited<ReturnType<typeof productExhibitions>>[number];

export async function exhibitedAt(db: Db, productId: number, eventParam: string | null): Promise<Exhibited | null> {
  const fairs = await productExhibitions(db, productId);
  const asked = eventParam && /^\d{1,15}$/.test(eventParam) ? Number(eventParam) : undefined;
  return fairs.find((f) => f.event_id === asked) ?? fairs[0] ?? null;
}
