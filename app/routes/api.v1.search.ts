import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { translator } from "../i18n/i18n";
import { highlightToHtml } from "../search/highlight";
import { API_KEYS, describeProblems } from "../search/params";
import { parseSearchParams } from "../search/params-schema";
import { resolveCounty } from "../search/places.server";
import type { CatalogHit } from "../search/catalog-hit";
import { catalogQueryFromParams, searchCatalog } from "../search/query.server";
import { db, search } from "../services.server";
import { CORS_HEADERS, errorResponse, guard, jsonEvenWhenDatabaseUnavailable } from "../open-data/http.server";

// GET /api/v1/search — docs/interfaces.md: {"hits":[…],"facets":{…},"total","page","per_page","degraded"}; a bad or unknown
// parameter → 400 {"error": "…"} naming it. Parameters (repeat a facet parameter for several values, which OR):
//   q             free text (≤ 200 characters): Chinese, pinyin (full, joined or initials), English, reg. numbers
//   type          gi | trademark | regional_brand | product | organization
//   county        a Haidong district/county, full or short name or English (乐都区, 乐都, Ledu District)
//   township      a township name as in the facet counts
//   gi_scheme     protected_product | certification_mark | collective_mark | agricultural
//   nice_class    1–45
//   certification green_food | organic | selenium_rich | famous_special | geo_origin | other
//   month         1–12 (months a product is available)
//   well_known    true | false
//   sort          relevance (default) | name | newest
//   page          1–200 (default 1);  per_page  1–50 (default 20)
//   facets        facet names to count, comma-separated or repeated (default: all of the facet parameters above)
// It is part of the public read-only API, so it has the open-data API's guard (preflight, GET/HEAD only, per-client
// token bucket → 429 JSON + Retry-After) and its CORS headers: any site may read it from a browser, without credentials.

const SUCCESS_CACHE = "public, max-age=15, stale-while-revalidate=60";

function json(body: unknown, status: number, cacheControl: string) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": cacheControl, ...CORS_HEADERS },
  });
}

function apiHit(h: CatalogHit) {
  const { name_zh_marked, name_en_marked, ...rest } = h;
  const highlight: { name_zh?: string; name_en?: string } = {};
  // safe HTML: every stored character escaped, then <mark> around the matched words
  if (name_zh_marked) highlight.name_zh = highlightToHtml(name_zh_marked);
  if (name_en_marked) highlight.name_en = highlightToHtml(name_en_marked);
  return { ...rest, highlight };
}

export const loader = ({ request, context }: LoaderFunctionArgs) =>
  guard(request, context.clientAddress) ?? jsonEvenWhenDatabaseUnavailable(() => answer(request));

async function answer(request: Request) {
  const parsed = parseSearchParams(new URL(request.url).searchParams, { allowed: API_KEYS, resolveCounty });
  if (!parsed.ok) return json({ error: describeProblems(parsed.problems, translator("en")) }, 400, "no-store");
  const params = parsed.value;
  const result = await searchCatalog(db(), search(), catalogQueryFromParams(params));
  return json(
    {
      hits: result.hits.map(apiHit),
      facets: result.facets,
      total: result.total,
      page: params.page,
      per_page: params.per_page,
      degraded: result.degraded,
      // the query as typed found nothing; these are the results of the spelling it surely meant (did-you-mean)
      corrected: result.corrected ?? null,
    },
    200,
    // degraded answers are a stop-gap: never let a cache keep them once search is back
    result.degraded ? "no-store" : SUCCESS_CACHE,
  );
}

// OPTIONS (CORS preflight) → 204; any other method → 405 JSON, both from the same guard
export const action = ({ request, context }: ActionFunctionArgs) => guard(request, context.clientAddress) ?? errorResponse(405, "read-only");
