import type { Db } from "../../db/client";
import type { SearchContext } from "../../app/search/client.server";
import { fallbackCatalog } from "../../app/search/fallback.server";
import { catalogQueryFromParams, searchCatalog, type CatalogQuery, type CatalogResult } from "../../app/search/query.server";
import { PAGE_KEYS } from "../../app/search/params";
import { parseSearchParams } from "../../app/search/params-schema";
import { resolveCounty } from "../../app/search/places.server";
import { judge, summarise, type QueryOutcome, type Summary } from "./metrics";
import { judgedSet, type JudgedQuery, type QueryClass } from "./judged-set";

// Runs the judged set through the app's own search entry points (the same code /search and /api/v1/search call),
// ten hits per query as a results page shows them on a phone.

export type Engine = "meilisearch" | "fallback";

export interface QueryRun {
  query: JudgedQuery;
  /** "type:name_zh" of the first ten hits */
  hits: string[];
  total: number;
  relaxed: boolean;
  outcome: QueryOutcome;
}

export interface EvalResult {
  engine: Engine;
  overall: Summary;
  byClass: [QueryClass, Summary][];
  runs: QueryRun[];
}

const refOf = (h: { type: string; name_zh: string }) => `${h.type}:${h.name_zh}`;

/** The query the search page would run for this judged query: parsed by the page's own schema (county short names …). */
function catalogQuery(q: JudgedQuery): CatalogQuery {
  const sp = new URLSearchParams({ q: q.q, per_page: "10" });
  for (const [facet, values] of Object.entries(q.filters ?? {})) for (const v of values) sp.append(facet, v);
  const parsed = parseSearchParams(sp, { allowed: PAGE_KEYS, resolveCounty });
  if (!parsed.ok) throw new Error(`judged query ${JSON.stringify(q)} is not a valid search: ${JSON.stringify(parsed.problems)}`);
  return catalogQueryFromParams(parsed.value);
}

export async function runJudgedSet(db: Db, search: SearchContext, engine: Engine, queries: readonly JudgedQuery[] = judgedSet): Promise<EvalResult> {
  const runs: QueryRun[] = [];
  for (const query of queries) {
    const res: CatalogResult = engine === "meilisearch" ? await searchCatalog(db, search, catalogQuery(query)) : await fallbackCatalog(db, catalogQuery(query));
    if (engine === "meilisearch" && res.degraded) throw new Error(`Meilisearch did not answer "${query.q}"`);
    const hits = res.hits.map(refOf);
    const unfindable = query.class === "unfindable";
    const outcome = judge(hits, res.total, { first: query.first ?? [], relevant: query.relevant ?? [], not: query.not ?? [], unfindable });
    runs.push({ query, hits, total: res.total, relaxed: res.relaxed, outcome });
  }
  const summaryOf = (rs: QueryRun[]) => summarise(rs.map((r) => ({ outcome: r.outcome, unfindable: r.query.class === "unfindable" })));
  const classes = [...new Set(runs.map((r) => r.query.class))];
  return {
    engine,
    overall: summaryOf(runs),
    byClass: classes.map((c) => [c, summaryOf(runs.filter((r) => r.query.class === c))]),
    runs,
  };
}
