import { configuredOrigin } from "../platform/public-origin.server";

// GET /robots.txt — public pages may be crawled; account, staff, buyer-private and API paths may not. The Sitemap line
// needs an absolute URL: from PUBLIC_ORIGIN (app/platform/public-origin.server.ts), left out when it is not set.
export const DISALLOWED = [
  "/api/",
  "/producer",
  "/staff",
  "/shortlist",
  "/matching",
  "/inquiries",
  "/login",
  "/logout",
  "/signup",
  "/reset-password",
  "/search?",
];

export function loader() {
  const origin = configuredOrigin();
  const lines = ["User-agent: *", "Allow: /", ...DISALLOWED.map((p) => `Disallow: ${p}`)];
  if (origin) lines.push("", `Sitemap: ${origin}/sitemap.xml`);
  return new Response(`${lines.join("\n")}\n`, {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
