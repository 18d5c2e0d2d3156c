import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import { seedSampleFair } from "../../tests/support/events";
import { createTestSearch } from "../../tests/support/search";
import { enqueueSearchSync } from "../../db/queries/outbox";
import { createSearchContext } from "../search/client.server";
import { searchCatalog } from "../search/query.server";
import { drainOutbox } from "../search/sync.server";
import { kioskSearch } from "./kiosk.server";

// Issue 17: one search engine for every screen. The kiosk (and the event page) search the catalogue's index, within
// the products the fair's exhibitors show.

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let fair: Awaited<ReturnType<typeof seedSampleFair>>;
let pepper: number;
let elsewhere: number;

beforeAll(async () => {
  t = await createTestDatabase();
  search = await createTestSearch();
  fair = await seedSampleFair(t.db);
  pepper = (await fair.product("示例循化大红袍花椒")).id;
  // a 循化花椒 product whose producer does not exhibit at the fair
  const org = await t.db
    .insertInto("organizations")
    .values({ name_zh: "循化县未参展花椒合作社(测试)", status: "published" })
    .returning("id")
    .executeTakeFirstOrThrow();
  elsewhere = (
    await t.db
      .insertInto("products")
      .values({ organization_id: org.id, name_zh: "循化花椒粉(未参展)", status: "published" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  await enqueueSearchSync(t.db, "product", [elsewhere]);
  await drainOutbox(t.db, search);
});
afterAll(async () => {
  await search?.drop();
  fair?.cleanup();
  await t?.drop();
});

const ids = (r: { results: { id: number }[] }) => r.results.map((p) => p.id);

describe("a visitor searches the fair's products at the kiosk", () => {
  it("finds a 循化花椒 product by the GI's pinyin initials (xhhj), and never a product the fair does not show", async () => {
    const found = await kioskSearch(t.db, search, fair.eventId, "xhhj", null);
    expect(ids(found)).toContain(pepper);
    expect(ids(found)).not.toContain(elsewhere);
    // the catalogue itself finds both
    const catalogue = await searchCatalog(t.db, search, { q: "xhhj", filters: { type: ["product"] }, page: 1, perPage: 50 });
    expect(catalogue.hits.map((h) => h.record_id)).toEqual(expect.arrayContaining([pepper, elsewhere]));
  });

  it("ranks by relevance, keeps the category and county choices, and lists every exhibited product without words", async () => {
    const all = await kioskSearch(t.db, search, fair.eventId, "", null);
    expect(ids(all)).toContain(pepper);
    expect(ids(all)).not.toContain(elsewhere);
    expect(all.categories).toContain("调味品");
    const spices = await kioskSearch(t.db, search, fair.eventId, "循化", "调味品");
    expect(ids(spices)).toContain(pepper);
    for (const p of spices.results) expect(p.category).toBe("调味品");
    const otherCounty = await kioskSearch(t.db, search, fair.eventId, "花椒", null, "乐都区");
    expect(ids(otherCounty)).not.toContain(pepper);
    expect((await kioskSearch(t.db, search, fair.eventId, "没有这种东西", null)).results).toEqual([]);
  });

  it("still answers, from PostgreSQL, when Meilisearch cannot: the same products only", async () => {
    const down = createSearchContext({ url: "http://127.0.0.1:9", key: "x", prefix: "down_", timeoutMs: 500 });
    const found = await kioskSearch(t.db, down, fair.eventId, "花椒", null);
    expect(ids(found)).toContain(pepper);
    expect(ids(found)).not.toContain(elsewhere);
  });
});
