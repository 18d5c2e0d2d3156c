import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import { createTestSearch } from "../../tests/support/search";
import { pendingSearchEventCount } from "../../db/queries/outbox";
import { createSearchContext } from "./client.server";
import { drainOutbox, drainOutboxOnce } from "./sync.server";
import { searchCatalog } from "./query.server";
import { reindexCatalog } from "./reindex.server";
import { DISPLAYED_ATTRIBUTES } from "./catalog-hit";
import { catalogSettings } from "./catalog-index.server";

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;

beforeAll(async () => {
  t = await createTestDatabase();
  search = await createTestSearch();
  await drainOutbox(t.db, search);
});
afterAll(async () => {
  await search.drop();
  await t.drop();
});

async function namesFor(q: string) {
  const res = await searchCatalog(t.db, search, { q, page: 1, perPage: 20 });
  expect(res.degraded).toBe(false);
  return res.hits.map((h) => h.name_zh);
}

describe("outbox → Meilisearch", () => {
  it("indexes every seeded GI product once the outbox is drained", async () => {
    expect(await pendingSearchEventCount(t.db)).toBe(0);
    const gis = await t.db.selectFrom("gi_products").select("id").where("status", "=", "published").execute();
    const stats = await search.client.index(search.indexName).search("", { filter: 'type = "gi"', limit: 0 });
    expect(stats.estimatedTotalHits).toBe(gis.length);
  });

  it.each([
    ["青稞", "互助青稞酒"],
    ["稞酒", "互助青稞酒"],
    ["蒜", "乐都紫皮大蒜"],
    ["hzqkj", "互助青稞酒"],
    ["huzhu qingke", "互助青稞酒"],
    ["qingkejiu", "互助青稞酒"],
    ["ledu", "乐都沙果"],
    ["yak", "互助青海白牦牛"],
    ["walnut", "循化薄皮核桃"],
  ])("%s finds %s", async (q, expected) => {
    expect(await namesFor(q)).toContain(expected);
  });

  it("removes an unpublished record after its event is drained", async () => {
    const gi = await t.db.selectFrom("gi_products").select("id").where("name_zh", "=", "乐都沙果").executeTakeFirstOrThrow();
    await t.db.transaction().execute(async (trx) => {
      await trx.updateTable("gi_products").set({ status: "archived" }).where("id", "=", gi.id).execute();
      await trx.insertInto("search_outbox").values({ entity_type: "gi", entity_id: gi.id }).execute();
    });
    expect(await namesFor("沙果")).toContain("乐都沙果");
    await drainOutbox(t.db, search);
    expect(await namesFor("沙果")).not.toContain("乐都沙果");
  });

  it("drains several batches, each read while Meilisearch indexes the one before, and acknowledges every one", async () => {
    const gis = await t.db.selectFrom("gi_products").select(["id", "name_zh"]).where("status", "=", "published").orderBy("id").limit(7).execute();
    expect(gis).toHaveLength(7);
    const doc = (id: number) => search.client.index(search.indexName).getDocument(`gi-${id}`);
    // change what the index holds, so the drain has to bring it back
    await search.client
      .index(search.indexName)
      .deleteDocuments(gis.map((g) => `gi-${g.id}`))
      .waitTask();
    await t.db
      .insertInto("search_outbox")
      .values(gis.map((g) => ({ entity_type: "gi" as const, entity_id: g.id })))
      .execute();
    expect(await drainOutbox(t.db, search, { batchSize: 3 })).toBe(7);
    const left = await t.db
      .selectFrom("search_outbox")
      .select(["id"])
      .where((eb) => eb.or([eb("processed_at", "is", null), eb("locked_until", "is not", null)]))
      .execute();
    expect(left).toEqual([]);
    for (const g of gis) expect((await doc(g.id)).name_zh).toBe(g.name_zh);
  });

  it("keeps events (with backoff) when Meilisearch is unreachable, and delivers them later", async () => {
    const gi = await t.db.selectFrom("gi_products").select("id").where("name_zh", "=", "乐都沙果").executeTakeFirstOrThrow();
    await t.db.transaction().execute(async (trx) => {
      await trx.updateTable("gi_products").set({ status: "published" }).where("id", "=", gi.id).execute();
      await trx.insertInto("search_outbox").values({ entity_type: "gi", entity_id: gi.id }).execute();
    });
    const dead = { ...createSearchContext({ url: "http://127.0.0.1:9", timeoutMs: 300 }), indexName: search.indexName };
    await expect(drainOutboxOnce(t.db, dead)).rejects.toThrow();
    const row = await t.db.selectFrom("search_outbox").selectAll().where("processed_at", "is", null).executeTakeFirstOrThrow();
    expect(row.attempts).toBe(1);
    expect(row.last_error).toBeTruthy();
    // make it due again instead of waiting out the backoff
    await t.db
      .updateTable("search_outbox")
      .set({ available_at: sql`now()` })
      .where("id", "=", row.id)
      .execute();
    await drainOutbox(t.db, search);
    expect(await pendingSearchEventCount(t.db)).toBe(0);
    expect(await namesFor("沙果")).toContain("乐都沙果");
  });
});

describe("reindex", () => {
  it("rebuilds into a new index, swaps it in and drops the old copy", async () => {
    await search.client.index(search.indexName).deleteAllDocuments().waitTask();
    expect(await namesFor("青稞")).toHaveLength(0);
    const total = await reindexCatalog(t.db, search);
    expect(total).toBeGreaterThan(0);
    expect(await namesFor("青稞")).toContain("互助青稞酒");
    const { results } = await search.client.getIndexes({ limit: 100 });
    expect(results.map((i) => i.uid).filter((uid) => uid.startsWith(search.prefix))).toEqual([search.indexName]);
  });

  it("applies the settings to the new index before any document, and the live index shows public fields only", async () => {
    const startedAt = new Date();
    await reindexCatalog(t.db, search);
    const { results: tasks } = await search.client.tasks.getTasks({
      types: ["settingsUpdate", "documentAdditionOrUpdate"],
      afterEnqueuedAt: startedAt.toISOString(),
      limit: 1000,
    });
    const build = tasks.filter((task) => task.indexUid?.startsWith(`${search.indexName}_build_`));
    const first = (type: string) => Math.min(...build.filter((task) => task.type === type).map((task) => task.uid));
    expect(build.length).toBeGreaterThan(1);
    expect(first("settingsUpdate")).toBeLessThan(first("documentAdditionOrUpdate"));

    const settings = await search.client.index(search.indexName).getSettings();
    expect(settings.displayedAttributes).toEqual([...DISPLAYED_ATTRIBUTES]);
    expect(settings.searchableAttributes).toEqual(catalogSettings.searchableAttributes);
    // exact numbers: no typo tolerance on registration numbers and credit codes
    expect(settings.typoTolerance?.disableOnAttributes).toEqual(expect.arrayContaining(["reg_no", "credit_code"]));
    // whole names rank above the character substrings (the `attribute` rule follows this order)
    expect(settings.searchableAttributes!.indexOf("name_zh")).toBeLessThan(settings.searchableAttributes!.indexOf("name_substrings"));
    expect(settings.searchableAttributes!.at(-1)).toBe("name_substrings");
  });
});

describe("degraded search", () => {
  it("answers from PostgreSQL with degraded: true when Meilisearch is down", async () => {
    const dead = { ...createSearchContext({ url: "http://127.0.0.1:9", timeoutMs: 300 }), indexName: search.indexName };
    const res = await searchCatalog(t.db, dead, { q: "青稞", page: 1, perPage: 20 });
    expect(res.degraded).toBe(true);
    expect(res.hits.map((h) => h.name_zh)).toContain("互助青稞酒");
  });
});
