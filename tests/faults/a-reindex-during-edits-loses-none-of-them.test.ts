import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { CatalogDocument } from "../../app/search/catalog-hit";
import { createSearchContext } from "../../app/search/client.server";
import { ENTITY_TYPES } from "../../app/search/documents.server";
import { reindexCatalog } from "../../app/search/reindex.server";
import { drainOutbox, startSyncWorker } from "../../app/search/sync.server";
import { enqueueSearchSync, pendingSearchEventCount } from "../../db/queries/outbox";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { startLatencyProxy, type LatencyProxy } from "../support/latency-proxy";
import { pollUntil } from "../support/poll";
import { createTestSearch } from "../support/search";

// Fault: records change while `npm run search:reindex` fills a new index and swaps it in. The outbox worker keeps
// writing to the live (old) index meanwhile; whatever it wrote there must also reach the new one, or the swap throws
// the edit away. The reindex talks to Meilisearch through a latency proxy so that edits reliably fall inside it.

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let proxy: LatencyProxy;
let gis: number[];

beforeAll(async () => {
  t = await createTestDatabase();
  search = await createTestSearch();
  await drainOutbox(t.db, search);
  proxy = await startLatencyProxy(inject("meiliUrl"), 0);
  proxy.requestDelayMs = 300;
  gis = (await t.db.selectFrom("gi_products").select("id").where("status", "=", "published").orderBy("id").execute()).map((r) => r.id);
});
afterAll(async () => {
  await proxy?.close();
  await search?.drop();
  await t?.drop();
});

async function rename(id: number, name: string, executor = t.db) {
  await executor.updateTable("gi_products").set({ name_en: name }).where("id", "=", id).execute();
  await enqueueSearchSync(executor, "gi", [id]);
}

/** Every published GI product's indexed English name equals the database's. */
async function expectIndexMatchesDatabase() {
  await pollUntil(async () => (await pendingSearchEventCount(t.db)) === 0, 60_000, "the outbox to drain");
  const rows = await t.db.selectFrom("gi_products").select(["id", "name_en"]).where("status", "=", "published").execute();
  const { results } = await search.client
    .index(search.indexName)
    .getDocuments<CatalogDocument>({ filter: 'type = "gi"', limit: 10_000, fields: ["record_id", "name_en"] });
  const indexed = new Map(results.map((d) => [d.record_id, d.name_en]));
  expect(Object.fromEntries(rows.map((r) => [r.id, indexed.get(r.id)]))).toEqual(Object.fromEntries(rows.map((r) => [r.id, r.name_en])));
}

describe("reindex while records change", () => {
  it("edits made through the outbox while the rebuild runs are all in the swapped-in index", async () => {
    const viaProxy = createSearchContext({ url: proxy.url, key: inject("meiliKey"), prefix: search.prefix, timeoutMs: 60_000 });
    const worker = startSyncWorker(t.db, search, { idleMs: 20 });
    let done = false;
    let edits = 0;
    const editing = (async () => {
      while (!done) {
        const id = gis[edits % gis.length]!;
        await t.db.transaction().execute((trx) => rename(id, `Edit ${++edits} during reindex`, trx));
        await new Promise((r) => setTimeout(r, 30));
      }
    })();
    try {
      // edits stop once every type is read, before the replay and the swap: the last edit of each record then sits
      // only in the old index (written by the worker) unless the rebuild carries it over
      const lastType = ENTITY_TYPES[ENTITY_TYPES.length - 1]!;
      await reindexCatalog(t.db, viaProxy, (line) => {
        if (line.startsWith(`${lastType}:`)) done = true;
      });
    } finally {
      done = true;
      await editing;
    }
    await expectIndexMatchesDatabase();
    await worker.stop();
    expect(edits).toBeGreaterThan(5);
  }, 300_000);

  it("an edit committed after the rebuild read its records, but begun before the rebuild started, is not lost", async () => {
    const viaProxy = createSearchContext({ url: proxy.url, key: inject("meiliKey"), prefix: search.prefix, timeoutMs: 60_000 });
    const id = gis[0]!;
    let commit!: () => void;
    const held = new Promise<void>((r) => (commit = r));
    let editedInside!: () => void;
    const edited = new Promise<void>((r) => (editedInside = r));
    // a slow save: its outbox row's created_at is its transaction's start, before the rebuild's start mark
    const save = t.db.transaction().execute(async (trx) => {
      await rename(id, "Long transaction's edit", trx);
      editedInside();
      await held;
    });
    await edited;
    let worker: Promise<number> | undefined;
    await reindexCatalog(t.db, viaProxy, (line) => {
      // the rebuild has read and written the GI products; now the save commits and the worker indexes it at once,
      // into the live index that the swap is about to replace
      if (line.startsWith("gi:")) {
        commit();
        worker = save.then(() => drainOutbox(t.db, search));
      }
    });
    expect(await worker).toBe(1);
    await drainOutbox(t.db, search);
    await expectIndexMatchesDatabase();
  }, 300_000);
});
