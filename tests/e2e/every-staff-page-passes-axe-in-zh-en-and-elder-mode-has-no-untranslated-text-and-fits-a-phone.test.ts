import { walkEveryPage, type PageCase, type WalkIds } from "../support/page-walk";

// Every page template of market-regulation staff's pages (claims, facts, figures, organisations, reports, audit, users, export, guidance): add new templates here. The checks live in tests/support/page-walk.ts.
const pages = (_ids: WalkIds): PageCase[] => [
  { name: "staff home", path: "/staff", signedIn: "admin" },
  { name: "staff claims", path: "/staff/claims", signedIn: "admin" },
  { name: "staff facts", path: "/staff/facts?type=trademark", signedIn: "admin" },
  { name: "staff official figures", path: "/staff/figures", signedIn: "admin" },
  {
    name: "staff official figures with errors",
    path: "/staff/figures",
    signedIn: "admin",
    prepare: async (page) => {
      await page.locator("main form button[type=submit]").first().click();
      await page.locator(".field-error").first().waitFor();
    },
  },
  { name: "staff organisations", path: "/staff/organizations", signedIn: "admin" },
  { name: "staff misuse reports", path: "/staff/reports", signedIn: "admin" },
  { name: "staff audit log", path: "/staff/audit", signedIn: "admin" },
  { name: "staff users", path: "/staff/users", signedIn: "admin" },
  { name: "staff export", path: "/staff/export", signedIn: "admin" },
  { name: "staff privacy (retention)", path: "/staff/privacy", signedIn: "admin" },
  { name: "staff outbox", path: "/staff/outbox", signedIn: "admin" },
  { name: "staff guidance texts and station contact", path: "/staff/guidance", signedIn: "admin" },
  {
    name: "staff guidance topic with errors",
    path: "/staff/guidance/renewal",
    signedIn: "admin",
    prepare: async (page) => {
      await page.locator("input[name=title_zh]").fill("");
      await page.locator("main form button[type=submit]").first().click();
      await page.locator(".field-error").first().waitFor();
    },
  },
];

walkEveryPage("staff", pages);
