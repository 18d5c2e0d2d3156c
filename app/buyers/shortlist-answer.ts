// What POST /shortlist/items answers the shortlist buttons (app/components/shortlist-button.tsx): kept apart from the
// route so the button, which runs in the browser, depends on a plain type and not on a server route module.

export type ShortlistActionData = {
  ok: boolean;
  productId: number | null;
  inShortlist: boolean;
  count: number;
  message: "shortlist.added" | "shortlist.already" | "shortlist.removed" | "shortlist.full" | "shortlist.unavailable" | "shortlist.badRequest";
};
