import { walkEveryPage, type PageCase, type WalkIds } from "../support/page-walk";

// Every page template of the trade fair's pages, public and fair staff's (event, kiosk, presenter, print, booth, manage, report, matching): add new templates here. The checks live in tests/support/page-walk.ts.
const pages = (ids: WalkIds): PageCase[] => [
  { name: "events", path: "/events" },
  { name: "event", path: `/events/${ids.event}` },
  { name: "event, searched", path: `/events/${ids.event}?q=${encodeURIComponent("青稞")}&category=${encodeURIComponent("酒类")}` },
  { name: "event, nothing found", path: `/events/${ids.event}?q=zzzz` },
  { name: "event exhibitor list", path: `/events/${ids.event}/list` },
  { name: "event kiosk", path: `/events/${ids.event}/kiosk` },
  { name: "event presenter", path: `/events/${ids.event}/present` },
  { name: "event printable catalogue", path: `/events/${ids.event}/print` },
  { name: "booth page (QR target)", path: `/events/${ids.event}/booth/${ids.exhibitor}` },
  {
    name: "booth page with errors",
    path: `/events/${ids.event}/booth/${ids.exhibitor}`,
    prepare: async (page) => {
      await page.locator("main form button[type=submit]").first().click();
      await page.locator(".field-error").first().waitFor();
    },
  },
  { name: "matching desk", path: "/matching", signedIn: "admin" },
  { name: "new deal", path: "/matching/deals/new", signedIn: "admin" },
  { name: "new event", path: "/events/new", signedIn: "admin" },
  { name: "manage event", path: `/events/${ids.event}/manage`, signedIn: "admin" },
  { name: "fair summary", path: `/events/${ids.event}/report`, signedIn: "admin" },
  { name: "booth QR sheets", path: `/events/${ids.event}/booth-qr`, signedIn: "admin" },
  { name: "held booth leads", path: `/events/${ids.event}/held-leads`, signedIn: "admin" },
];

walkEveryPage("fair", pages);
