import type { FacetName } from "../../app/search/facets";
import { parseSearchParams } from "../../app/search/params-schema";
import { resolveCounty } from "../../app/search/places.server";
import { catalogQueryFromParams, meiliSearchQueries, relaxedQuery } from "../../app/search/query.server";
import type { BenchEnv } from "./env";
import { getAsVisitor, getOk, runLoad } from "./loadgen";
import { makeRow, percentile, type BenchRow } from "./stats";

// /api/v1/search vs the same queries sent straight to Meilisearch, at 1 and 16 concurrent clients. "The same" is the
// multi-search body the app itself sends (meiliSearchQueries: hits + facets, one facet-only query per selected facet,
// every word required, then most words when nothing matched), so the difference is the app's own cost per request.

export interface MixQuery {
  q: string;
  filters?: Partial<Record<FacetName, (string | number)[]>>;
}

export const QUERY_MIX: MixQuery[] = [
  { q: "青稞" },
  { q: "牦牛肉" },
  { q: "互助 青稞" },
  { q: "高原蜂蜜" },
  { q: "qingke" },
  { q: "maoniu" },
  { q: "yak" },
  { q: "highland barley flour" },
  { q: "辣椒", filters: { type: ["product"], county: ["乐都区"] } },
  { q: "", filters: { type: ["trademark"], nice_class: [30] } },
  { q: "", filters: { certification: ["green_food"], month: [6] } },
  { q: "garlic", filters: { type: ["product"] } },
];

export function apiUrl(base: string, m: MixQuery): string {
  const p = new URLSearchParams();
  p.set("q", m.q);
  for (const [k, vs] of Object.entries(m.filters ?? {})) for (const v of vs) p.append(k, String(v));
  return `${base}/api/v1/search?${p}`;
}

/** The multi-search bodies the app sends for `m`: the strict one, and the relaxed one it sends when nothing matched. */
export function meiliBodies(indexName: string, m: MixQuery) {
  const parsed = parseSearchParams(new URL(apiUrl("http://x", m)).searchParams, { allowed: ["q", ...Object.keys(m.filters ?? {})], resolveCounty });
  if (!parsed.ok) throw new Error(`bench query ${JSON.stringify(m)} is invalid: ${JSON.stringify(parsed.problems)}`);
  const query = catalogQueryFromParams(parsed.value);
  return {
    strict: { queries: meiliSearchQueries(indexName, query) },
    relaxed: relaxedQuery(query.q) ? { queries: meiliSearchQueries(indexName, { ...query, q: relaxedQuery(query.q)! }) } : null,
  };
}

/** `shape`: which rows, e.g. only c16 through nginx with the row names suffixed (scripts/bench/deployed.ts). */
export async function benchSearch(
  env: BenchEnv,
  serverUrl: string,
  quick: boolean,
  log: (m: string) => void,
  shape: { concurrencies: number[]; suffix: string } = { concurrencies: [1, 16], suffix: "" },
): Promise<BenchRow[]> {
  const mix = QUERY_MIX;
  const post = (body: unknown) =>
    getOk(`${env.meiliUrl}/multi-search`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${env.meiliKey}`, "accept-encoding": "identity" },
      body: JSON.stringify(body),
    });
  const bodies = new Map(mix.map((m) => [m, meiliBodies(env.search.indexName, m)]));
  const direct = async (m: MixQuery) => {
    const { strict, relaxed } = bodies.get(m)!;
    const text = await post(strict);
    const first = (JSON.parse(text) as { results: { totalHits?: number }[] }).results[0];
    return first?.totalHits === 0 && relaxed ? post(relaxed) : text;
  };
  // warm both paths and show that every query finds something
  for (const m of mix) {
    const api = JSON.parse(await getAsVisitor(apiUrl(serverUrl, m), 60_000 + mix.indexOf(m))) as { total: number; degraded: boolean };
    const raw = JSON.parse(await direct(m)) as { results: { totalHits?: number }[] };
    log(`  ${JSON.stringify(m)}: api ${api.total}${api.degraded ? " (degraded!)" : ""}, meili ${raw.results[0]?.totalHits}`);
  }
  const rows: BenchRow[] = [];
  for (const concurrency of shape.concurrencies) {
    const count = (quick ? 120 : 600) * (concurrency === 1 ? 1 : 2);
    const opts = { concurrency, count, maxMs: quick ? 20_000 : 60_000 };
    // each request from its own visitor address: one address would be throttled (120, then 2 a second) like a scraper
    const app = await runLoad((i) => getAsVisitor(apiUrl(serverUrl, mix[i % mix.length]!), i).then(() => undefined), opts);
    const base = await runLoad((i) => direct(mix[i % mix.length]!).then(() => undefined), opts);
    if (app.errors || base.errors) log(`  search c${concurrency}: ${app.errors} app errors, ${base.errors} meili errors`);
    const p = (xs: number[], q: number) => percentile(xs, q);
    const name = (q: number) => `search.p${q}.c${concurrency}${shape.suffix}`;
    rows.push(makeRow(name(50), p(app.latencies, 50), "ms", p(base.latencies, 50), { kind: "plusAtMost", plus: 15 }));
    rows.push(makeRow(name(95), p(app.latencies, 95), "ms", p(base.latencies, 95), { kind: "ratioAtMost", max: 2 }));
    rows.push(makeRow(name(99), p(app.latencies, 99), "ms", p(base.latencies, 99), { kind: "reported" }));
  }
  return rows;
}
