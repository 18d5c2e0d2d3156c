import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { GetObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestS3, type TestS3 } from "../../tests/support/s3";
import { S3PrivateStorage } from "./s3-storage.server";
import { FilePrivateStorage, type PrivateFileStorage } from "./storage.server";

// Claim evidence (staff only) on disk and in its own private bucket (S3_EVIDENCE_BUCKET), one contract for both: what
// the evidence routes, the orphan sweep and backups rely on.

const key = (n: number, ext = "pdf") => `${n.toString(16).padStart(64, "0")}.${ext}`;

let s3: TestS3;
let dir: string;
beforeAll(async () => {
  s3 = await startTestS3();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "evidence-contract-"));
});
afterAll(async () => {
  await s3?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const stores: [string, () => PrivateFileStorage][] = [
  ["on disk", () => new FilePrivateStorage(path.join(dir, "evidence"))],
  ["in a private bucket", () => new S3PrivateStorage({ ...s3.settings, bucket: s3.evidenceBucket })],
];

describe.each(stores)("claim evidence stored %s", (_where, make) => {
  let storage: PrivateFileStorage;
  beforeAll(() => {
    storage = make();
  });

  it("gives staff back the bytes a producer attached, and nothing once it is removed", async () => {
    await storage.put(key(1), Buffer.from("%PDF-1.7 licence"));
    expect((await storage.read(key(1)))?.toString()).toBe("%PDF-1.7 licence");
    expect(await storage.read(key(2, "jpg"))).toBeUndefined();
    await storage.remove([key(1), key(2, "jpg")]);
    expect(await storage.read(key(1))).toBeUndefined();
  });

  it("never touches a name the server did not generate", async () => {
    for (const bad of ["../x.pdf", key(1).toUpperCase(), `${key(1)}.html`, `ab/${key(1)}`]) {
      expect(await storage.read(bad)).toBeUndefined();
      await expect(storage.put(bad, Buffer.from("x"))).rejects.toThrow(/invalid evidence key/);
      await expect(storage.remove([bad])).rejects.toThrow(/invalid evidence key/);
    }
  });

  it("lists files by age for the orphan sweep, and all of them for a backup", async () => {
    await storage.put(key(3), Buffer.from("a"));
    await storage.put(key(4, "jpg"), Buffer.from("b"));
    expect(await storage.listOlderThan(new Date(Date.now() - 3600_000))).toEqual([]);
    expect((await storage.listOlderThan(new Date(Date.now() + 3600_000))).sort()).toEqual([key(3), key(4, "jpg")]);
    expect(await storage.list()).toEqual([key(3), key(4, "jpg")]);
  });
});

describe("claim evidence in a bucket", () => {
  it("is stored as its type, never to be cached, and has no URL of its own", async () => {
    const storage = new S3PrivateStorage({ ...s3.settings, bucket: s3.evidenceBucket });
    await storage.put(key(5), Buffer.from("%PDF"));
    const object = await storage.client.send(new GetObjectCommand({ Bucket: s3.evidenceBucket, Key: key(5) }));
    expect(object.ContentType).toBe("application/pdf");
    expect(object.CacheControl).toBe("private, no-store");
    await object.Body?.transformToByteArray();
    expect("urlFor" in storage).toBe(false);
  });
});
