import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import { sweepOrphanEvidence } from "./evidence.server";
import { FilePrivateStorage } from "./storage.server";

let t: TestDatabase;
let dir: string;
beforeAll(async () => {
  t = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "evidence-"));
});
afterAll(async () => {
  await t.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const key = (c: string, ext = "pdf") => `${c.repeat(64)}.${ext}`;

describe("the hourly housekeeping sweeps claim evidence nothing points at", () => {
  it("removes a day-old file without a row, keeps a file a row points at and a file just written (its row may be committing)", async () => {
    const storage = new FilePrivateStorage(dir);
    const org = await t.db.insertInto("organizations").values({ name_zh: "证明文件合作社", status: "published" }).returning("id").executeTakeFirstOrThrow();
    const gi = await t.db.selectFrom("gi_products").select("id").limit(1).executeTakeFirstOrThrow();
    const claim = await t.db
      .insertInto("gi_authorised_users")
      .values({ gi_product_id: gi.id, organization_id: org.id, basis: "other_record" })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const k of [key("a"), key("b"), key("c", "jpg")]) await storage.put(k, Buffer.from("x"));
    await t.db
      .insertInto("claim_evidence")
      .values({ gi_authorised_user_id: claim.id, storage_key: key("b"), content_type: "application/pdf", file_name: "b.pdf", byte_size: 1 })
      .execute();
    const old = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    for (const k of [key("a"), key("b")]) fs.utimesSync(path.join(dir, k.slice(0, 2), k), old, old);
    await sweepOrphanEvidence(t.db, storage);
    expect(await storage.read(key("a"))).toBeUndefined();
    expect(await storage.read(key("b"))).toBeDefined();
    expect(await storage.read(key("c", "jpg"))).toBeDefined();
  });

  it("refuses a key that is not a content hash, so no path can be read or written through it", async () => {
    const storage = new FilePrivateStorage(dir);
    await expect(storage.put("../../etc/passwd", Buffer.from("x"))).rejects.toThrow(/invalid evidence key/);
    await expect(storage.read("../x.pdf")).resolves.toBeUndefined();
  });
});
