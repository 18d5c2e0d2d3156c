import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestS3, type TestS3 } from "../../tests/support/s3";
import { S3ImageStorage } from "./s3-storage.server";
import { FileImageStorage, IMMUTABLE_CACHE_CONTROL, type ImageStorage } from "./storage.server";
import { GetObjectCommand } from "@aws-sdk/client-s3";

// One contract for every place pictures can live: the disk store (the embedded default) and the S3-compatible bucket,
// here an S3 protocol server started in this process. Whatever the catalogue does with pictures (store before the
// commit, sweep what nothing references, back up, restore) relies only on this.

const key = (n: number, width = 640, ext = "jpg") => `${n.toString(16).padStart(2, "0")}/${n.toString(16).padStart(64, "0")}-${width}.${ext}`;

let s3: TestS3;
let dir: string;
beforeAll(async () => {
  s3 = await startTestS3();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "storage-contract-"));
});
afterAll(async () => {
  await s3?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const stores: [string, () => ImageStorage][] = [
  ["on disk", () => new FileImageStorage(path.join(dir, `images-${Math.random().toString(36).slice(2)}`))],
  ["in an S3 bucket", () => new S3ImageStorage(s3.settings)],
];

describe.each(stores)("pictures stored %s", (_where, make) => {
  let storage: ImageStorage;
  beforeAll(async () => {
    storage = make();
    // the bucket is shared by this file's tests: each starts from an empty store
    await storage.remove(await storage.list());
  });

  it("gives back exactly the bytes a producer's picture was stored with", async () => {
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 1, 2, 3]);
    await storage.put(key(1), bytes);
    expect(await storage.read(key(1))).toEqual(bytes);
    // storing the same content-hash key again (the same photo uploaded twice) is harmless
    await storage.put(key(1), bytes);
    expect(await storage.read(key(1))).toEqual(bytes);
  });

  it("reads a picture that was never stored, or was swept, as missing rather than failing", async () => {
    expect(await storage.read(key(2))).toBeUndefined();
    await storage.put(key(2), Buffer.from("x"));
    await storage.remove([key(2)]);
    expect(await storage.read(key(2))).toBeUndefined();
    // sweeping a key that is already gone is not an error (two sweeps may race)
    await expect(storage.remove([key(2), key(3)])).resolves.toBeUndefined();
    await expect(storage.remove([])).resolves.toBeUndefined();
  });

  it("never touches a name the server did not generate", async () => {
    for (const bad of ["../../etc/passwd", "ab/cd.jpg", `${key(4)}/../x`, key(4).toUpperCase(), `${key(4)}.html`, ""]) {
      expect(await storage.read(bad)).toBeUndefined();
      await expect(storage.put(bad, Buffer.from("x"))).rejects.toThrow(/invalid image key/);
      await expect(storage.remove([bad])).rejects.toThrow(/invalid image key/);
      expect(() => storage.urlFor(bad)).toThrow(/invalid image key/);
    }
  });

  it("lists every stored picture, so a backup or the disk → bucket copy misses none", async () => {
    await storage.remove(await storage.list());
    const keys = [key(5, 320, "avif"), key(5, 320, "webp"), key(6, 1280), key(7, 96, "webp")];
    await Promise.all(keys.map((k) => storage.put(k, Buffer.from(k))));
    expect(await storage.list()).toEqual([...keys].sort());
    await storage.remove(keys.slice(0, 2));
    expect(await storage.list()).toEqual(keys.slice(2).sort());
  });

  it("names a picture by the app's /images path unless a public base URL is configured", () => {
    expect(storage.urlFor(key(8))).toBe(`/images/${key(8)}`);
  });
});

describe("pictures in an S3 bucket, as the provider sees them", () => {
  it("are stored with their image type and the immutable caching the app serves them with", async () => {
    const storage = new S3ImageStorage(s3.settings);
    await storage.put(key(9, 640, "avif"), Buffer.from("avif bytes"));
    const object = await storage.client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key(9, 640, "avif") }));
    expect(object.ContentType).toBe("image/avif");
    expect(object.CacheControl).toBe(IMMUTABLE_CACHE_CONTROL);
    await object.Body?.transformToByteArray();
  });

  it("are fetched by browsers straight from a public bucket or CDN when S3_PUBLIC_BASE_URL is set", () => {
    const storage = new S3ImageStorage({ ...s3.settings, publicBaseUrl: "https://img.example.cn/pictures" });
    expect(storage.urlFor(key(10))).toBe(`https://img.example.cn/pictures/${key(10)}`);
  });

  it("are swept in batches of at most 1000 keys, the most one DeleteObjects call takes", async () => {
    const storage = new S3ImageStorage(s3.settings);
    await storage.remove(await storage.list());
    const keys = Array.from({ length: 1005 }, (_, i) => key(i % 256, 100 + Math.floor(i / 256)));
    const calls: number[] = [];
    const send = storage.client.send.bind(storage.client);
    storage.client.send = ((command: { input: { Delete?: { Objects?: unknown[] } } }) => {
      if (command.input.Delete) calls.push(command.input.Delete.Objects!.length);
      return send(command as never);
    }) as typeof storage.client.send;
    await storage.put(keys[0]!, Buffer.from("a"));
    await storage.put(keys[1004]!, Buffer.from("b"));
    await storage.remove(keys);
    expect(calls).toEqual([1000, 5]);
    expect(await storage.list()).toEqual([]);
  });
});
