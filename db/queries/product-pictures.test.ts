import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storePicture } from "../../app/images/picture-flow.server";
import { FileImageStorage } from "../../app/images/storage.server";
import { drainOutbox } from "../../app/search/sync.server";
import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import { createTestSearch } from "../../tests/support/search";
import { saveOwnProduct, submitOwnProduct } from "./producer-products";
import { binOwnProduct, restoreOwnProduct } from "./product-bin";
import { reviewQueue } from "./review";
import { changeProductPictures, productPictures, reviewPictureKeys, unreferencedImageKeys, type NewPicture } from "./product-pictures";
import { getPublishedProduct } from "./products";
import { decide } from "./review-decisions";
import { reviewItem } from "./review-item";
import type { ProductInput } from "./record-inputs";

// Picture changes of a published product go through review (decision records 009/010), on real PostgreSQL,
// Meilisearch, sharp and files on disk: nothing reaches the public page or search before approval, a rejection leaves
// the public pictures and removes the rejected uploads' files.

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let dir: string;
let storage: FileImageStorage;
let reviewerId: number;
let producerId: number;
let orgId: number;
let seq = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  search = await createTestSearch();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pictures-"));
  storage = new FileImageStorage(dir);
  reviewerId = (
    await t.db.insertInto("users").values({ email: "pic-rev@test.example", password_hash: "x", role: "reviewer" }).returning("id").executeTakeFirstOrThrow()
  ).id;
  orgId = (await t.db.insertInto("organizations").values({ name_zh: "图片审核测试社", status: "published" }).returning("id").executeTakeFirstOrThrow()).id;
  producerId = (
    await t.db
      .insertInto("users")
      .values({ email: "pic-prod@test.example", password_hash: "x", role: "producer", organization_id: orgId })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await search?.drop();
  await t?.drop();
});

/** A distinct photo each call (different colour, so a different content hash), processed and stored like an upload. */
async function upload(alt: string): Promise<NewPicture> {
  const n = ++seq;
  const jpeg = await sharp({ create: { width: 900, height: 600, channels: 3, background: { r: (n * 60) % 256, g: 120, b: (n * 25) % 256 } } })
    .jpeg()
    .toBuffer();
  return { ...(await storePicture(storage, jpeg)), alt_zh: alt, alt_en: null };
}

const onDisk = (p: NewPicture) => p.variants.every((v) => fs.existsSync(path.join(dir, v.key)));
const noneOnDisk = (p: NewPicture) => p.variants.every((v) => !fs.existsSync(path.join(dir, v.key)));
const change = (productId: number, what: Parameters<typeof changeProductPictures>[4]) =>
  t.db.transaction().execute((trx) => changeProductPictures(trx, orgId, productId, producerId, what));
const publicAlts = async (productId: number) => ((await getPublishedProduct(t.db, productId))?.images ?? []).map((i) => i.alt_zh);
async function searchImage(productId: number) {
  await drainOutbox(t.db, search);
  const doc = await search.client.index(search.indexName).getDocument(`product-${productId}`);
  return doc.image as string | null;
}
const revisionVersion = async (id: number) =>
  (await sql<{ v: string }>`select coalesce((extract(epoch from submitted_at))::text, '') as v from record_revisions where id = ${id}`.execute(t.db)).rows[0]!
    .v;

/** Submits the open revision and lets the reviewer decide it; sweeps files like the review route does. */
async function submitAndDecide(productId: number, decision: "approve" | "reject") {
  expect(await t.db.transaction().execute((trx) => submitOwnProduct(trx, orgId, productId))).toBe("submitted");
  const rev = await t.db
    .selectFrom("record_revisions")
    .select("id")
    .where("entity_id", "=", productId)
    .where("status", "=", "submitted")
    .executeTakeFirstOrThrow();
  const item = await reviewItem(t.db, "revision", rev.id);
  const keys = await reviewPictureKeys(t.db, "revision", rev.id);
  const result = await t.db
    .transaction()
    .execute(async (trx) =>
      decide(trx, { kind: "revision", id: rev.id, version: await revisionVersion(rev.id), decision, comment: "图片", actorId: reviewerId }),
    );
  expect(result).toBe("ok");
  await storage.remove(await unreferencedImageKeys(t.db, keys));
  return item!;
}

/** A draft product with one certification (published by the tests that need it). */
async function newProduct(name: string) {
  const id = (
    await t.db
      .insertInto("products")
      .values({ organization_id: orgId, name_zh: name, category: "水果", status: "draft" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  await t.db.insertInto("product_certifications").values({ product_id: id, kind: "organic", certificate_no: "OG-7", expires_on: "2031-05-01" }).execute();
  return id;
}

describe("pictures of an unpublished product", () => {
  it("change in place, and a deleted picture's files are swept", async () => {
    const p = await newProduct("草稿产品");
    const a = await upload("草稿图片");
    expect(await change(p, { kind: "add", picture: a })).toEqual({ result: "live", discarded: [] });
    const [live] = (await productPictures(t.db, p)).pictures;
    expect(live).toMatchObject({ image_id: expect.any(Number), alt_zh: "草稿图片" });
    const done = await change(p, { kind: "delete", ref: live!.ref });
    expect(done.result).toBe("live");
    await storage.remove(await unreferencedImageKeys(t.db, "discarded" in done ? done.discarded : []));
    expect(noneOnDisk(a)).toBe(true);
    expect(await t.db.selectFrom("record_revisions").select("id").where("entity_id", "=", p).execute()).toEqual([]);
  });
});

describe("pictures of a published product", () => {
  it("wait in the revision: not public, not in search, until approval; rejection removes the new files only", async () => {
    const p = await newProduct("已公开的沙棘汁");
    const a = await upload("原来的图片");
    await change(p, { kind: "add", picture: a });
    await t.db.updateTable("products").set({ status: "published" }).where("id", "=", p).execute();
    await t.db.insertInto("search_outbox").values({ entity_type: "product", entity_id: p }).execute();
    expect(await searchImage(p)).toBe(a.storage_key);

    // the producer adds B and removes A: both wait in the revision
    const b = await upload("新的图片");
    expect((await change(p, { kind: "add", picture: b })).result).toBe("revision");
    const pending = await productPictures(t.db, p);
    expect(pending.pending).toBe(true);
    expect(pending.pictures.map((x) => x.alt_zh)).toEqual(["原来的图片", "新的图片"]);
    await change(p, { kind: "delete", ref: pending.pictures[0]!.ref });
    expect(await publicAlts(p)).toEqual(["原来的图片"]);
    expect(await searchImage(p)).toBe(a.storage_key);
    expect(onDisk(b)).toBe(true);

    // a form save keeps the picture list of the revision, and the revision seeded from the live row keeps its fields
    const rev = await t.db.selectFrom("record_revisions").select("data").where("entity_id", "=", p).executeTakeFirstOrThrow();
    expect(rev.data).toMatchObject({ name_zh: "已公开的沙棘汁", certifications: [{ kind: "organic", number: "OG-7", expires: "2031-05-01" }] });
    await t.db.transaction().execute((trx) => saveOwnProduct(trx, orgId, p, producerId, { ...(rev.data as unknown as ProductInput), price_band: "中档" }));
    expect((await productPictures(t.db, p)).pictures.map((x) => x.alt_zh)).toEqual(["新的图片"]);

    const item = await submitAndDecide(p, "reject");
    const row = item.diff.find((r) => r.field === "images")!;
    expect(row.changed).toBe(true);
    expect(row.before).toEqual([expect.stringContaining("原来的图片")]);
    expect(row.after).toEqual([expect.stringContaining("新的图片")]);
    expect(item.pictures?.before?.map((x) => x.alt_zh)).toEqual(["原来的图片"]);
    expect(item.pictures?.after.map((x) => x.alt_zh)).toEqual(["新的图片"]);

    expect(await publicAlts(p)).toEqual(["原来的图片"]);
    expect(onDisk(a)).toBe(true);
    expect(noneOnDisk(b)).toBe(true);
    expect((await productPictures(t.db, p)).pending).toBe(false);
  });

  it("reach the public page and search after approval, in the chosen order, and dropped pictures' files go", async () => {
    const p = await newProduct("已公开的青稞酒");
    const a = await upload("酒瓶正面");
    await change(p, { kind: "add", picture: a });
    await t.db.updateTable("products").set({ status: "published" }).where("id", "=", p).execute();

    const c = await upload("酒厂外景");
    await change(p, { kind: "add", picture: c });
    const discardedUpload = await upload("拍错的图片");
    await change(p, { kind: "add", picture: discardedUpload });
    let list = (await productPictures(t.db, p)).pictures;
    // removing an upload that never went public discards its files straight away
    const dropped = await change(p, { kind: "delete", ref: list[2]!.ref });
    await storage.remove(await unreferencedImageKeys(t.db, "discarded" in dropped ? dropped.discarded : []));
    expect(noneOnDisk(discardedUpload)).toBe(true);
    list = (await productPictures(t.db, p)).pictures;
    await change(p, { kind: "move", ref: list[1]!.ref, direction: -1 });
    expect(await publicAlts(p)).toEqual(["酒瓶正面"]);

    await submitAndDecide(p, "approve");
    expect(await publicAlts(p)).toEqual(["酒厂外景", "酒瓶正面"]);
    expect(await searchImage(p)).toBe(c.storage_key);
    const live = await t.db.selectFrom("products").select(["name_zh"]).where("id", "=", p).executeTakeFirstOrThrow();
    expect(live.name_zh).toBe("已公开的青稞酒");
    expect(await t.db.selectFrom("product_certifications").select(["kind", "certificate_no"]).where("product_id", "=", p).execute()).toEqual([
      { kind: "organic", certificate_no: "OG-7" },
    ]);

    // a second revision drops the first picture: after approval its files are gone
    list = (await productPictures(t.db, p)).pictures;
    await change(p, { kind: "delete", ref: list.find((x) => x.alt_zh === "酒瓶正面")!.ref });
    expect(onDisk(a)).toBe(true);
    await submitAndDecide(p, "approve");
    expect(await publicAlts(p)).toEqual(["酒厂外景"]);
    expect(noneOnDisk(a)).toBe(true);
    expect(onDisk(c)).toBe(true);
  });

  it("keeps files another product still shows (same photo, same content hash)", async () => {
    const p = await newProduct("甲产品");
    const q = await newProduct("乙产品");
    const shared = await upload("同一张图片");
    await change(p, { kind: "add", picture: shared });
    await change(q, { kind: "add", picture: shared });
    const [img] = (await productPictures(t.db, p)).pictures;
    const done = await change(p, { kind: "delete", ref: img!.ref });
    await storage.remove(await unreferencedImageKeys(t.db, "discarded" in done ? done.discarded : []));
    expect(onDisk(shared)).toBe(true);
  });

  it("binning a published product takes its waiting revision out of the queue and keeps every file until restored", async () => {
    const p = await newProduct("撤下的产品");
    const live = await upload("公开的图片");
    await change(p, { kind: "add", picture: live });
    await t.db.updateTable("products").set({ status: "published" }).where("id", "=", p).execute();
    const waiting = await upload("待审的图片");
    expect(await change(p, { kind: "add", picture: waiting })).toMatchObject({ result: "revision" });
    expect(await t.db.transaction().execute((trx) => submitOwnProduct(trx, orgId, p))).toBe("submitted");
    expect((await reviewQueue(t.db)).some((i) => i.kind === "revision" && i.entityId === p)).toBe(true);

    expect(await t.db.transaction().execute((trx) => binOwnProduct(trx, orgId, p))).toMatchObject({ name_zh: "撤下的产品" });
    expect(await t.db.selectFrom("products").select(["status", "status_before_delete"]).where("id", "=", p).executeTakeFirstOrThrow()).toEqual({
      status: "archived",
      status_before_delete: "published",
    });
    expect((await reviewQueue(t.db)).some((i) => i.entityId === p && i.entityType === "product")).toBe(false);
    expect(await getPublishedProduct(t.db, p)).toBeUndefined();
    // a binned product's pictures are neither changed nor swept: both uploads are still referenced
    expect(
      await unreferencedImageKeys(
        t.db,
        [...live.variants, ...waiting.variants].map((v) => v.key),
      ),
    ).toEqual([]);
    expect(await change(p, { kind: "delete", ref: "image-1" })).toEqual({ result: "not_found" });
    expect(onDisk(live) && onDisk(waiting)).toBe(true);

    // restoring gives back the published product; the revision waits as a draft for the producer to send again
    expect(await t.db.transaction().execute((trx) => restoreOwnProduct(trx, orgId, p))).toMatchObject({ status: "published" });
    expect(await getPublishedProduct(t.db, p)).toBeDefined();
    expect(
      await t.db.selectFrom("record_revisions").select("status").where("entity_id", "=", p).where("entity_type", "=", "product").executeTakeFirstOrThrow(),
    ).toEqual({ status: "draft" });
  });

  it("refuses another organisation's product and unknown pictures", async () => {
    const p = await newProduct("丙产品");
    expect(await t.db.transaction().execute((trx) => changeProductPictures(trx, orgId + 999, p, producerId, { kind: "delete", ref: "image-1" }))).toEqual({
      result: "not_found",
    });
    expect(await change(p, { kind: "delete", ref: "image-999999" })).toEqual({ result: "not_found" });
  });
});
