import { createDb, type Db } from "../db/client";
import { config } from "./platform/config.server";
import { createSearchContext, type SearchContext } from "./search/client.server";

// The app server is stateless: everything it needs comes from config() — the operator's DATABASE_URL, MEILI_URL and
// MEILI_MASTER_KEY, or the embedded services scripts/start.ts opened. Kept on globalThis so one pool exists per process.
const g = globalThis as typeof globalThis & { __haidongDb?: Db; __haidongSearch?: SearchContext };

export function db(): Db {
  if (!g.__haidongDb) {
    const { DATABASE_URL: url, DB_QUERY_TIMEOUT_MS } = config();
    if (!url) throw new Error("DATABASE_URL is not set");
    g.__haidongDb = createDb(url, { max: 10, queryTimeoutMs: DB_QUERY_TIMEOUT_MS });
  }
  return g.__haidongDb;
}

export function search(): SearchContext {
  if (!g.__haidongSearch) {
    const c = config();
    if (!c.MEILI_URL) throw new Error("MEILI_URL is not set");
    // past MEILI_TIMEOUT_MS the client gives up and search degrades to PostgreSQL
    g.__haidongSearch = createSearchContext({ url: c.MEILI_URL, key: c.MEILI_MASTER_KEY, prefix: c.MEILI_INDEX_PREFIX, timeoutMs: c.MEILI_TIMEOUT_MS });
  }
  return g.__haidongSearch;
}
