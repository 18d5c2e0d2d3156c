import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { CatalogDocument } from "../../app/search/catalog-hit";
import { createSearchContext } from "../../app/search/client.server";
import { applyEntities, drainOutbox, drainOutboxOnce } from "../../app/search/sync.server";
import { enqueueSearchSync } from "../../db/queries/outbox";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { startLatencyProxy, type LatencyProxy } from "../support/latency-proxy";
import { pollUntil } from "../support/poll";
import { createTestSearch } from "../support/search";

// Fault: the outbox delivers a record's events out of order. Documents are built from the row as it is when the event
// is drained (never from the event), so replaying an older event is harmless — unless two workers race: one reads the
// row, the row changes, a second worker indexes the new version, and then the first one's (older) document lands.
// A latency proxy holds the first worker's request long enough for that to happen every time.

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let proxy: LatencyProxy;
let giId: number;

beforeAll(async () => {
  t = await createTestDatabase();
  search = await createTestSearch();
  await drainOutbox(t.db, search);
  proxy = await startLatencyProxy(inject("meiliUrl"), 0);
  giId = (await t.db.selectFrom("gi_products").select("id").where("status", "=", "published").orderBy("id").executeTakeFirstOrThrow()).id;
});
afterAll(async () => {
  await proxy?.close();
  await search?.drop();
  await t?.drop();
});

async function rename(name: string) {
  await t.db.transaction().execute(async (trx) => {
    await trx.updateTable("gi_products").set({ name_en: name }).where("id", "=", giId).execute();
    await enqueueSearchSync(trx, "gi", [giId]);
  });
}

async function indexedName() {
  return (await search.client.index(search.indexName).getDocument<CatalogDocument>(`gi-${giId}`)).name_en;
}

describe("out-of-order outbox events", () => {
  it("an older event applied after a newer one leaves the current row in the index", async () => {
    await rename("Version one");
    await rename("Version two");
    const events = await t.db
      .selectFrom("search_outbox")
      .select(["id", "entity_type", "entity_id"])
      .where("processed_at", "is", null)
      .orderBy("id", "desc")
      .execute();
    // newest first, then the oldest again on its own
    await applyEntities(t.db, search, events);
    await applyEntities(t.db, search, events.slice(-1));
    expect(await indexedName()).toBe("Version two");
    await drainOutbox(t.db, search);
    expect(await indexedName()).toBe("Version two");
  });

  it("two workers racing on one record end with the newest version, not the one that happened to land last", async () => {
    const slow = createSearchContext({ url: proxy.url, key: inject("meiliKey"), prefix: search.prefix, timeoutMs: 60_000 });
    await rename("Before the race");
    proxy.requestDelayMs = 1500;
    const seen = proxy.mark();
    // worker A claims the event, reads the row and sends its document — which the proxy holds back
    const workerA = drainOutboxOnce(t.db, slow);
    await pollUntil(() => proxy.receivedSince(seen).includes("/documents"), 30_000, "worker A's document write to leave");
    // meanwhile the record changes again and worker B, talking to Meilisearch directly, drains what it may
    await rename("After the race");
    await drainOutbox(t.db, search);
    expect(await workerA).toBe(1);
    proxy.requestDelayMs = 0;
    // whatever was left for later is drained now; the index must show the row as it is
    await drainOutbox(t.db, search);
    expect(await indexedName()).toBe("After the race");
  }, 120_000);
});
