import { createDb, type Db } from "../db/client";
import { loadConfig } from "./config.server";
import { createSearchContext, type SearchContext } from "./search/client.server";

// The app server is stateless: everything it needs comes from the environment, set by scripts/start.ts (embedded
// default) or by the operator (DATABASE_URL, MEILI_URL, MEILI_MASTER_KEY). Kept on globalThis so one pool exists per process.
const g = globalThis as typeof globalThis & { __haidongDb?: Db; __haidongSearch?: SearchContext };

export function db(): Db {
  if (!g.__haidongDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    g.__haidongDb = createDb(url, { max: 10, queryTimeoutMs: loadConfig().DB_QUERY_TIMEOUT_MS });
  }
  return g.__haidongDb;
}

/** MEILI_TIMEOUT_MS (validated at boot by config.server.ts); the client gives up after it and search degrades. */
function searchTimeoutMs(): number {
  const ms = Number(process.env.MEILI_TIMEOUT_MS);
  return Number.isInteger(ms) && ms >= 50 ? ms : 1000;
}

export function search(): SearchContext {
  if (!g.__haidongSearch) {
    const url = process.env.MEILI_URL;
    if (!url) throw new Error("MEILI_URL is not set");
    g.__haidongSearch = createSearchContext({ url, key: process.env.MEILI_MASTER_KEY, prefix: process.env.MEILI_INDEX_PREFIX, timeoutMs: searchTimeoutMs() });
  }
  return g.__haidongSearch;
}
