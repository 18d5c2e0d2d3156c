import { walkEveryPage, type PageCase, type WalkIds } from "../support/page-walk";

// Every page template of a producer's pages (dashboard, organisation, products, pictures, bin, trademarks, claims, evidence, inbox): add new templates here. The checks live in tests/support/page-walk.ts.
const pages = (ids: WalkIds): PageCase[] => [
  { name: "producer dashboard", path: "/producer", signedIn: "producer" },
  { name: "organisation profile", path: "/producer/organization", signedIn: "producer" },
  { name: "new product", path: "/producer/products/new", signedIn: "producer" },
  {
    name: "new product with errors",
    path: "/producer/products/new",
    signedIn: "producer",
    prepare: async (page) => {
      await page.locator("main form button[type=submit]").first().click();
      await page.locator(".field-error").first().waitFor();
    },
  },
  { name: "edit product", path: `/producer/products/${ids.ownProduct}`, signedIn: "producer" },
  { name: "product pictures", path: `/producer/products/${ids.ownProduct}/images`, signedIn: "producer" },
  { name: "product pictures, published (changes wait for review)", path: `/producer/products/${ids.publishedOwnProduct}/images`, signedIn: "producer" },
  { name: "product recycle bin", path: "/producer/products/bin", signedIn: "producer" },
  { name: "trademarks", path: "/producer/trademarks", signedIn: "producer" },
  { name: "new trademark", path: "/producer/trademarks/new", signedIn: "producer" },
  { name: "edit trademark", path: `/producer/trademarks/${ids.ownTrademark}`, signedIn: "producer" },
  { name: "GI and brand claims", path: "/producer/claims", signedIn: "producer" },
  { name: "claim evidence", path: `/producer/claims/gi/${ids.claim}/evidence`, signedIn: "producer" },
  { name: "producer inbox", path: "/producer/inbox", signedIn: "producer" },
];

walkEveryPage("producer", pages);
