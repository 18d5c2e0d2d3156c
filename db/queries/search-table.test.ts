import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import { fallbackCatalog } from "../../app/search/fallback.server";
import type { CatalogQuery } from "../../app/search/query.server";
import { recordRank } from "../../app/search/record-rank";
import { enqueueSearchSync } from "./outbox";
import { announce } from "./review";
import { rebuildSearchTable } from "./search-table";

// The fallback's search table follows every change announced to the search outbox, in the announcing transaction.

let t: TestDatabase;
let ledu: number;
let xunhua: number;
let org: number;

beforeAll(async () => {
  t = await createTestDatabase();
  const county = async (name: string) => Number((await t.db.selectFrom("places").select("id").where("name_zh", "=", name).executeTakeFirstOrThrow()).id);
  ledu = await county("乐都区");
  xunhua = await county("循化撒拉族自治县");
  org = await t.db.transaction().execute(async (trx) => {
    const id = Number(
      (
        await trx
          .insertInto("organizations")
          .values({ name_zh: "乐都绿野蔬菜合作社", county_id: ledu, org_type: "cooperative", status: "published", confidence: "high" })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id,
    );
    await enqueueSearchSync(trx, "organization", [id]);
    return id;
  });
});
afterAll(async () => t?.drop());

const row = (type: string, id: number) =>
  sql<{ name_zh: string; county: string | null; kind_rank: number; haystack: string }>`
    select name_zh, county, kind_rank, haystack from search_records where type = ${type} and record_id = ${id}`
    .execute(t.db)
    .then((r) => r.rows[0]);

async function newProduct(name: string, extra: { is_sample?: boolean; status?: "published" | "draft" } = {}) {
  return t.db.transaction().execute(async (trx) => {
    const id = Number(
      (
        await trx
          .insertInto("products")
          .values({ name_zh: name, organization_id: org, status: extra.status ?? "published", is_sample: extra.is_sample ?? false, confidence: "high" })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id,
    );
    await enqueueSearchSync(trx, "product", [id]);
    return id;
  });
}

const query = (q: string, extra: Partial<CatalogQuery> = {}): CatalogQuery => ({ q, page: 1, perPage: 50, ...extra });

describe("search table", () => {
  it("gets a row for a published record, with its own words (not its producer's name) and the name's pinyin", async () => {
    const id = await newProduct("紫皮大蒜");
    const r = await row("product", id);
    expect(r?.county).toBe("乐都区");
    // as in Meilisearch's documents (decision 039): a chili of a co-op named for 花椒 must not answer 花椒
    expect(r?.haystack).not.toContain("乐都绿野蔬菜合作社");
    expect(r?.haystack).toContain("zipidasuan");
    expect(r?.kind_rank).toBe(recordRank({ type: "product", is_sample: false, unverified: false }));
    const res = await fallbackCatalog(t.db, query("蒜"));
    expect(res.hits.map((h) => h.record_id)).toContain(id);
    expect((await fallbackCatalog(t.db, query("zi pi da suan"))).hits.map((h) => h.record_id)).toContain(id);
  });

  it("gets no row for an unpublished record, and loses the row when a record is unpublished or deleted", async () => {
    const draft = await newProduct("草稿蚕豆", { status: "draft" });
    expect(await row("product", draft)).toBeUndefined();

    const a = await newProduct("下架蚕豆");
    const b = await newProduct("删除蚕豆");
    expect(await row("product", a)).toBeDefined();
    await t.db.transaction().execute(async (trx) => {
      await trx.updateTable("products").set({ status: "archived" }).where("id", "=", a).execute();
      await trx.deleteFrom("products").where("id", "=", b).execute();
      await enqueueSearchSync(trx, "product", [a, b]);
    });
    expect(await row("product", a)).toBeUndefined();
    expect(await row("product", b)).toBeUndefined();
    expect((await fallbackCatalog(t.db, query("蚕豆"))).hits.map((h) => h.record_id)).not.toEqual(expect.arrayContaining([a]));
  });

  it("leaves the table as it was when the transaction rolls back", async () => {
    const id = await newProduct("回滚核桃");
    const before = await row("product", id);
    await expect(
      t.db.transaction().execute(async (trx) => {
        await trx.updateTable("products").set({ name_zh: "改名核桃" }).where("id", "=", id).execute();
        await enqueueSearchSync(trx, "product", [id]);
        expect(Number((await sql<{ n: string }>`select count(*) n from search_records where haystack like '%改名核桃%'`.execute(trx)).rows[0]!.n)).toBe(1);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await row("product", id)).toEqual(before);
    expect((await fallbackCatalog(t.db, query("改名"))).total).toBe(0);
  });

  it("follows a change to another record that a product shows: its producer's county", async () => {
    const id = await newProduct("高原蜂蜜");
    expect((await fallbackCatalog(t.db, query("高原蜂蜜", { filters: { county: ["乐都区"] } }))).hits.map((h) => h.record_id)).toContain(id);
    // what the review queue does when an organisation's change is approved: announce it and the products showing it
    await t.db.transaction().execute(async (trx) => {
      await trx.updateTable("organizations").set({ county_id: xunhua, name_zh: "循化绿野蔬菜合作社" }).where("id", "=", org).execute();
      await announce(trx, "organization", org);
    });
    expect((await row("product", id))?.county).toBe("循化撒拉族自治县");
    expect((await fallbackCatalog(t.db, query("高原蜂蜜", { filters: { county: ["乐都区"] } }))).total).toBe(0);
    const moved = await fallbackCatalog(t.db, query("高原蜂蜜", { filters: { type: ["product"] } }));
    expect(moved.hits.map((h) => h.record_id)).toContain(id);
    expect(moved.facets.county?.["循化撒拉族自治县"]).toBeGreaterThan(0);
  });

  it("ranks real records before samples, and verified GI products before products, whatever the names", async () => {
    // the sample's name starts with the query and is shorter: name matching alone would put it first
    const sample = await newProduct("枸杞示例", { is_sample: true });
    const real = await newProduct("柴达木黑枸杞干果礼盒");
    expect((await row("product", sample))?.kind_rank).toBeGreaterThan((await row("product", real))!.kind_rank);
    const ids = (await fallbackCatalog(t.db, query("枸杞"))).hits.map((h) => h.record_id);
    expect(ids.indexOf(real)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(real)).toBeLessThan(ids.indexOf(sample));

    const gi = Number((await t.db.selectFrom("gi_products").select("id").where("name_zh", "=", "乐都紫皮大蒜").executeTakeFirstOrThrow()).id);
    await t.db.transaction().execute(async (trx) => {
      await trx.updateTable("gi_products").set({ confidence: "high" }).where("id", "=", gi).execute();
      await enqueueSearchSync(trx, "gi", [gi]);
    });
    // shorter than the GI's name, and like it not starting with the query: only the kind puts the GI first
    const product = await newProduct("甲紫皮大蒜");
    const hits = (await fallbackCatalog(t.db, query("紫皮大蒜"))).hits.map((h) => `${h.type}-${h.record_id}`);
    expect(hits).toContain(`product-${product}`);
    expect(hits.indexOf(`gi-${gi}`)).toBeLessThan(hits.indexOf(`product-${product}`));
  });

  it("is rebuilt from the live tables to the same rows the writers left", async () => {
    const snapshot = async () =>
      (await sql<{ j: string }>`select coalesce(json_agg(s order by type, record_id), '[]')::text j from search_records s`.execute(t.db)).rows[0]!.j;
    const before = await snapshot();
    await sql`update search_records set haystack = 'stale' where type = 'trademark'`.execute(t.db);
    await sql`insert into search_records select type, record_id + 1000000, name_zh, name_en, county, county_en, township, township_en,
      category, gi_schemes, nice_classes, certifications, availability_months, well_known, reg_no, credit_code, regional_brand,
      regional_brand_en, trademark, is_sample, unverified, updated_at, kind_rank, haystack, grams from search_records where type = 'gi' limit 1`.execute(t.db);
    await rebuildSearchTable(t.db);
    expect(await snapshot()).toBe(before);
  });

  it("serves Chinese of any length and Latin text from the indexes, not by reading every row", async () => {
    await t.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const plan = async (where: string) =>
        (await sql.raw<{ "QUERY PLAN": string }>(`explain select record_id from search_records where ${where}`).execute(trx)).rows
          .map((r) => r["QUERY PLAN"])
          .join("\n");
      expect(await plan(`grams @> array['蒜']`)).toContain("search_records_grams");
      expect(await plan(`haystack like '%qingke%'`)).toContain("search_records_trgm");
    });
  });
});
