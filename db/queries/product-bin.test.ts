import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { housekeeping } from "../../app/images/housekeeping.server";
import { storePicture, type StoredPicture } from "../../app/images/picture-flow.server";
import { FileImageStorage } from "../../app/images/storage.server";
import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import { jsonb } from "../json";
import { productsForImport } from "./bulk/products";
import { binnedProducts, binOwnProduct, restoreOwnProduct, runHousekeeping } from "./product-bin";

// The recycle bin's 30 days, on real PostgreSQL and files on disk: a product binned 31 days ago is purged by the
// housekeeping job and only then are its pictures' files swept; one binned 29 days ago is kept with its files; a photo
// another product still shows stays; shortlist entries go with the product, inquiries keep their row.

let t: TestDatabase;
let dir: string;
let storage: FileImageStorage;
let orgId: number;
let seq = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "bin-"));
  storage = new FileImageStorage(dir);
  orgId = (await t.db.insertInto("organizations").values({ name_zh: "回收站测试社", status: "published" }).returning("id").executeTakeFirstOrThrow()).id;
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await t?.drop();
});

async function photo(): Promise<StoredPicture> {
  const n = ++seq;
  const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: (n * 70) % 256, g: 40, b: (n * 30) % 256 } } })
    .jpeg()
    .toBuffer();
  return storePicture(storage, jpeg);
}

async function productWith(name: string, picture: StoredPicture) {
  const { id } = await t.db
    .insertInto("products")
    .values({ organization_id: orgId, name_zh: name, category: "水果", status: "published" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto("images")
    .values({ owner_type: "product", owner_id: id, ...picture, variants: jsonb(picture.variants), alt_zh: name })
    .execute();
  return id;
}

/** Bins the product the way the route does, then dates the binning `days` ago. */
async function binnedDaysAgo(id: number, days: number) {
  expect(await t.db.transaction().execute((trx) => binOwnProduct(trx, orgId, id))).toBeDefined();
  await t.db
    .updateTable("products")
    .set({ deleted_at: sql`now() - make_interval(days => ${days})` })
    .where("id", "=", id)
    .execute();
}

const onDisk = (p: StoredPicture) => p.variants.every((v) => fs.existsSync(path.join(dir, v.key)));
const noneOnDisk = (p: StoredPicture) => p.variants.every((v) => !fs.existsSync(path.join(dir, v.key)));
const exists = async (id: number) => !!(await t.db.selectFrom("products").select("id").where("id", "=", id).executeTakeFirst());

describe("the recycle bin's 30 days", () => {
  it("purges a product binned 31 days ago and only then sweeps its pictures; keeps one binned 29 days ago", async () => {
    const oldPhoto = await photo();
    const recentPhoto = await photo();
    const shared = await photo();
    const old = await productWith("31 天前删除的产品", oldPhoto);
    const recent = await productWith("29 天前删除的产品", recentPhoto);
    const sharing = await productWith("同图的在售产品", shared);
    // the old product also shows the photo a live product uses: that file must stay
    await t.db
      .insertInto("images")
      .values({ owner_type: "product", owner_id: old, ...shared, variants: jsonb(shared.variants), alt_zh: "同图" })
      .execute();
    // a buyer shortlisted it and asked about it before it was deleted
    const { id: listId } = await t.db
      .insertInto("shortlists")
      .values({ token_hash: "b".repeat(64) })
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.db.insertInto("shortlist_items").values({ shortlist_id: listId, product_id: old }).execute();

    await binnedDaysAgo(old, 31);
    await binnedDaysAgo(recent, 29);
    // binned but not purged: every file is still there
    expect(onDisk(oldPhoto) && onDisk(recentPhoto) && onDisk(shared)).toBe(true);
    expect((await binnedProducts(t.db, orgId)).map((p) => [p.name_zh, p.days_left])).toEqual([
      ["29 天前删除的产品", 1],
      ["31 天前删除的产品", 0],
    ]);

    const purged = await housekeeping(t.db, storage);
    expect(purged?.ids).toEqual([old]);
    expect(await exists(old)).toBe(false);
    expect(await exists(recent)).toBe(true);
    expect(await exists(sharing)).toBe(true);
    expect(await t.db.selectFrom("images").select("id").where("owner_type", "=", "product").where("owner_id", "=", old).execute()).toEqual([]);
    expect(await t.db.selectFrom("shortlist_items").select("product_id").where("shortlist_id", "=", listId).execute()).toEqual([]);
    expect(noneOnDisk(oldPhoto)).toBe(true);
    expect(onDisk(recentPhoto)).toBe(true);
    expect(onDisk(shared)).toBe(true);

    // the one kept can still be restored, as published
    expect(await t.db.transaction().execute((trx) => restoreOwnProduct(trx, orgId, recent))).toMatchObject({ status: "published" });
    expect(await t.db.transaction().execute((trx) => restoreOwnProduct(trx, orgId, old))).toBeUndefined();
  });

  it("leaves the purge to whichever server holds the housekeeping lock", async () => {
    const p = await productWith("锁测试产品", await photo());
    await binnedDaysAgo(p, 40);
    await t.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext('haidong:housekeeping'))`.execute(trx);
      expect(await runHousekeeping(t.db)).toBeUndefined();
    });
    expect(await exists(p)).toBe(true);
    expect((await runHousekeeping(t.db))?.ids).toEqual([p]);
  });

  it("binning and restoring find only the organisation's own products", async () => {
    const p = await productWith("他人不可删的产品", await photo());
    expect(await t.db.transaction().execute((trx) => binOwnProduct(trx, orgId + 999, p))).toBeUndefined();
    expect(await t.db.transaction().execute((trx) => binOwnProduct(trx, orgId, p))).toBeDefined();
    expect(await t.db.transaction().execute((trx) => binOwnProduct(trx, orgId, p))).toBeUndefined();
    // an import naming it does not touch the binned row (it would become a new product)
    expect(await productsForImport(t.db, [orgId], ["他人不可删的产品"])).toEqual([]);
    expect(await t.db.transaction().execute((trx) => restoreOwnProduct(trx, orgId + 999, p))).toBeUndefined();
    expect(await t.db.transaction().execute((trx) => restoreOwnProduct(trx, orgId, p))).toMatchObject({ status: "published" });
    expect((await productsForImport(t.db, [orgId], ["他人不可删的产品"])).map((r) => r.id)).toEqual([p]);
  });
});
