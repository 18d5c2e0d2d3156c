import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createSearchContext } from "../../app/search/client.server";
import { searchCatalog } from "../../app/search/query.server";
import { drainOutbox } from "../../app/search/sync.server";
import { startTestApp, waitForIndexed, type TestApp } from "../support/app";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { startLatencyProxy, type LatencyProxy } from "../support/latency-proxy";
import { createTestSearch } from "../support/search";

// Fault: Meilisearch answers, but only after 5 s (a latency proxy in front of the run's server; the server itself is
// shared with other files and left alone). The client timeout must end the wait, the answer must come from the
// PostgreSQL fallback, and neither the event loop nor the database pool may be held while searches wait.

const INJECTED_MS = 5000;
// long enough for the DB-only requests below to be answered while every search still waits, short of the latency
const APP_TIMEOUT_MS = 4000;

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let proxy: LatencyProxy;
let app: TestApp;

beforeAll(async () => {
  t = await createTestDatabase();
  search = await createTestSearch();
  proxy = await startLatencyProxy(inject("meiliUrl"), 0);
  app = await startTestApp({
    databaseUrl: t.url,
    indexPrefix: search.prefix,
    env: { MEILI_URL: proxy.url, MEILI_TIMEOUT_MS: String(APP_TIMEOUT_MS) },
  });
  // the app seeds the sample catalogue; wait until its worker has indexed it, so that "degraded" below can only mean slow
  await waitForIndexed(async () => {
    const res = await fetch(`${app.url}/api/v1/search?q=${encodeURIComponent("青稞")}`);
    const body = (await res.json()) as { degraded: boolean; total: number };
    return !body.degraded && body.total > 0;
  }, 90_000);
}, 180_000);

afterAll(async () => {
  await app?.stop();
  await proxy?.close();
  await search?.drop();
  await t?.drop();
});

describe("Meilisearch 5 s slow", () => {
  it("the client timeout decides: shorter than the latency → the fallback answers; longer → Meilisearch does", async () => {
    await drainOutbox(t.db, search);
    proxy.delayMs = INJECTED_MS;
    try {
      const impatient = createSearchContext({ url: proxy.url, key: inject("meiliKey"), prefix: search.prefix, timeoutMs: 1000 });
      const patient = createSearchContext({ url: proxy.url, key: inject("meiliKey"), prefix: search.prefix, timeoutMs: 60_000 });
      const query = { q: "青稞", page: 1, perPage: 20 };
      const [fast, slow] = await Promise.all([searchCatalog(t.db, impatient, query), searchCatalog(t.db, patient, query)]);
      expect(fast.degraded).toBe(true);
      expect(fast.total).toBeGreaterThan(0);
      expect(slow.degraded).toBe(false);
      expect(slow.total).toBeGreaterThan(0);
    } finally {
      proxy.delayMs = 0;
    }
  }, 120_000);

  it("in the app: searches degrade, and DB-only pages answer while every search still waits (event loop and pool free)", async () => {
    proxy.delayMs = INJECTED_MS;
    try {
      const before = proxy.mark();
      // more waiting searches than the app's database pool has connections (10)
      let searchesDone = 0;
      const searches = Array.from({ length: 12 }, (_, i) =>
        fetch(`${app.url}/api/v1/search?q=${encodeURIComponent(i % 2 ? "青稞" : "大蒜")}&page=${1 + (i % 3)}`).then(async (res) => {
          searchesDone++;
          return { status: res.status, body: (await res.json()) as { degraded: boolean; total: number }, cache: res.headers.get("cache-control") };
        }),
      );
      // every search has reached the proxy, i.e. the app is now waiting on Meilisearch for all of them
      await waitForIndexed(async () => (proxy.receivedSince(before).match(/POST \/multi-search/g) ?? []).length >= 12, 30_000);

      const gi = await t.db.selectFrom("gi_products").select("id").where("status", "=", "published").executeTakeFirstOrThrow();
      let recordAnsweredWhileWaiting = false;
      let pageAnsweredWhileWaiting = false;
      const [record, page] = await Promise.all([
        fetch(`${app.url}/api/v1/gi/${gi.id}`).then((res) => ((recordAnsweredWhileWaiting = searchesDone === 0), res)),
        fetch(`${app.url}/gi/${gi.id}`).then((res) => ((pageAnsweredWhileWaiting = searchesDone === 0), res)),
      ]);
      expect(record.status).toBe(200);
      expect(page.status).toBe(200);
      expect(recordAnsweredWhileWaiting).toBe(true);
      expect(pageAnsweredWhileWaiting).toBe(true);

      const results = await Promise.all(searches);
      for (const r of results) {
        expect(r.status).toBe(200);
        expect(r.body.degraded).toBe(true);
        expect(r.cache).toBe("no-store");
      }
      expect(results.some((r) => r.body.total > 0)).toBe(true);
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    } finally {
      proxy.delayMs = 0;
    }
  }, 120_000);
});
