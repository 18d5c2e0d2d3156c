import { sitemapEntries } from "../../db/queries/open-data";
import { todayInChina } from "../platform/china-time";
import { RECORD_PATHS } from "../open-data/records.server";
import { configuredOrigin } from "../platform/public-origin.server";
import { GUIDANCE_TOPICS } from "../guidance/default-texts";
import { db } from "../services.server";

// GET /sitemap.xml — every published, public, non-sample record page with its lastmod, plus the public index pages.
// URLs are absolute and built from PUBLIC_ORIGIN, never from the request's Host; without PUBLIC_ORIGIN (development
// only: production requires it) the answer is a 503 saying so, as a sitemap of development addresses helps no one.
// One file holds up to 50,000 URLs (the protocol's limit); the catalogue is far below that.

// the guidance pages too: producers search for 商标续展 or 地理标志专用标志 before they know this site exists
const STATIC_PAGES = ["/", "/search", "/stats", "/open-data", "/guide", ...GUIDANCE_TOPICS.map((topic) => `/guide/${topic}`)];

const xmlEscape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function loader() {
  const origin = configuredOrigin();
  if (!origin) {
    return new Response("sitemap.xml needs absolute URLs: set PUBLIC_ORIGIN (e.g. https://catalogue.example.cn)\n", {
      status: 503,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "Retry-After": "3600" },
    });
  }
  const entries = await sitemapEntries(db(), todayInChina());
  const urls = [
    ...STATIC_PAGES.map((p) => `  <url><loc>${xmlEscape(origin + p)}</loc></url>`),
    ...entries
      .slice(0, 50_000 - STATIC_PAGES.length)
      .map((e) => `  <url><loc>${xmlEscape(`${origin}${RECORD_PATHS[e.type]}/${e.id}`)}</loc><lastmod>${e.updated_at.toISOString()}</lastmod></url>`),
  ];
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
  return new Response(body, { headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=600" } });
}
