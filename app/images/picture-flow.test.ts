import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import { addProductImage } from "../../db/queries/images";
import { ImageRejected } from "./pipeline.server";
import { savePicture } from "./picture-flow.server";
import { FileImageStorage } from "./storage.server";

// The one picture flow on real PostgreSQL and files on disk: a failed save removes only the files no picture uses.

let t: TestDatabase;
let dir: string;
let storage: FileImageStorage;
let productId: number;
const photo = (r: number) =>
  sharp({ create: { width: 800, height: 600, channels: 3, background: { r, g: 90, b: 30 } } })
    .jpeg()
    .toBuffer();
const onDisk = () => (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.(jpg|webp|avif)$/.test(f)).sort();

beforeAll(async () => {
  t = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "picture-flow-"));
  storage = new FileImageStorage(dir);
  const org = (await t.db.insertInto("organizations").values({ name_zh: "图片流程测试社", status: "published" }).returning("id").executeTakeFirstOrThrow()).id;
  productId = (
    await t.db.insertInto("products").values({ organization_id: org, name_zh: "图片流程青稞", category: "杂粮" }).returning("id").executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await t?.drop();
});

describe("saving a picture", () => {
  it("commits the caller's rows and keeps the files", async () => {
    const saved = await savePicture(t.db, storage, await photo(10), async (trx, picture) => {
      await addProductImage(trx, productId, { ...picture!, alt_zh: "青稞", alt_en: null });
      return picture!;
    });
    for (const v of saved.variants) expect(onDisk()).toContain(v.key);
  });

  it("when the caller's write fails, removes the new photo's files but not those of the same photo shown elsewhere", async () => {
    const shown = await photo(10);
    const before = onDisk();
    await expect(savePicture(t.db, storage, shown, () => Promise.reject(new Error("constraint")))).rejects.toThrow("constraint");
    expect(onDisk()).toEqual(before);

    await expect(savePicture(t.db, storage, await photo(200), () => Promise.reject(new Error("constraint")))).rejects.toThrow("constraint");
    expect(onDisk()).toEqual(before);
  });

  it("when storing fails half-way, removes only what nothing references", async () => {
    const before = onDisk();
    const failing = new FileImageStorage(dir);
    let calls = 0;
    const put = failing.put.bind(failing);
    failing.put = async (key, data) => {
      if (++calls === 3) throw new Error("disk full");
      return put(key, data);
    };
    await expect(savePicture(t.db, failing, await photo(10), () => Promise.resolve())).rejects.toThrow("disk full");
    calls = 0;
    await expect(savePicture(t.db, failing, await photo(120), () => Promise.resolve())).rejects.toThrow("disk full");
    expect(onDisk()).toEqual(before);
  });

  it("refuses an unusable upload before storing anything", async () => {
    const before = onDisk();
    await expect(savePicture(t.db, storage, Buffer.from("%PDF-1.4"), () => Promise.resolve())).rejects.toBeInstanceOf(ImageRejected);
    expect(onDisk()).toEqual(before);
  });
});
