import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { S3ImageStorage } from "../../app/images/s3-storage.server";
import { createAccount, signInOverHttp } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { startTestS3, type TestS3 } from "../support/s3";
import { createTestSearch } from "../support/search";

// Issue 20, item 1: with S3_BUCKET configured the app keeps pictures in the bucket, not in $DATA_DIR/images. Without a
// public base URL it streams /images/<key> from the bucket with the same immutable caching as from disk; anything
// else under /images is a 404, never a 500. With S3_PUBLIC_BASE_URL pages link the CDN's address instead. Deleting the
// picture sweeps its files from the bucket.

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let s3: TestS3;
let bucket: S3ImageStorage;
let app: TestApp;
// the same catalogue and bucket, with pictures published at a CDN address
let cdnApp: TestApp;
const CDN = "https://img.example.cn/pictures";
let owner: string;
let productId: number;
const photo = fs.readFileSync(path.resolve(import.meta.dirname, "../fixtures/images/barley-field.jpg"));

const post = (p: string, body: URLSearchParams | FormData) =>
  fetch(`${app.url}${p}`, { method: "POST", redirect: "manual", headers: { cookie: owner, origin: app.url }, body });
const pictureKeys = async () =>
  (await t.db.selectFrom("images").select("variants").where("owner_type", "=", "product").where("owner_id", "=", productId).execute()).flatMap((i) =>
    i.variants.map((v) => v.key),
  );

beforeAll(async () => {
  t = await createTestDatabase();
  search = await createTestSearch();
  s3 = await startTestS3();
  bucket = new S3ImageStorage(s3.settings);
  // one session secret, so the producer's cookie opens pages on both apps
  const env = { ...s3.env, SESSION_SECRET: "bucket-test-".padEnd(48, "s") };
  [app, cdnApp] = await Promise.all([
    startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix, env }),
    startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix, env: { ...env, S3_PUBLIC_BASE_URL: `${CDN}/` } }),
  ]);
  const a = await createAccount(t.db, { organizationName: "桶存图片合作社" });
  owner = (await signInOverHttp(app.url, a.email, a.password)).cookie;
  const created = await post("/producer/products/new", new URLSearchParams({ name_zh: "桶存青稞饼", category: "杂粮" }));
  productId = Number(created.headers.get("location")!.match(/products\/(\d+)/)![1]);
});
afterAll(async () => {
  await app?.stop();
  await cdnApp?.stop();
  await s3?.stop();
  await search?.drop();
  await t?.drop();
});

describe("a producer's picture with pictures in an S3 bucket", () => {
  it("is written to the bucket, not to the data directory", async () => {
    const upload = new FormData();
    upload.set("file", new Blob([new Uint8Array(photo)]), "photo.jpg");
    upload.set("alt_zh", "青稞田");
    expect((await post(`/producer/products/${productId}/images`, upload)).status).toBe(200);
    const keys = await pictureKeys();
    expect(keys.length).toBeGreaterThan(0);
    expect(await bucket.list()).toEqual(expect.arrayContaining(keys));
    expect(fs.existsSync(path.join(app.dataDir, "images"))).toBe(false);
  });

  it("is streamed through the app under /images with immutable caching, as from disk", async () => {
    const page = await (await fetch(`${app.url}/producer/products/${productId}/images`, { headers: { cookie: owner } })).text();
    const src = page.match(/src="(\/images\/[^"]+\.jpg)"/)![1]!;
    const res = await fetch(`${app.url}${src}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/jpeg");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.equals((await bucket.read(src.slice("/images/".length)))!)).toBe(true);
    const avif = (await pictureKeys()).find((k) => k.endsWith(".avif"));
    if (avif) expect((await fetch(`${app.url}/images/${avif}`)).headers.get("content-type")).toBe("image/avif");
  });

  it("is linked at the CDN's address when S3_PUBLIC_BASE_URL is set, which the CSP allows; /images still serves it", async () => {
    const res = await fetch(`${cdnApp.url}/producer/products/${productId}/images`, { headers: { cookie: owner } });
    expect(res.status).toBe(200);
    const page = await res.text();
    const jpeg = (await pictureKeys()).find((k) => k.endsWith(".jpg"))!;
    expect(page).toContain(`${CDN}/${jpeg}`);
    expect(page).not.toMatch(/src="\/images\//);
    expect(res.headers.get("content-security-policy")).toContain("img-src 'self' data: blob: https://img.example.cn;");
    // same-origin uses (the presenter's offline copy, open data, og:image) keep working
    const direct = await fetch(`${cdnApp.url}/images/${jpeg}`);
    expect(direct.status).toBe(200);
    expect(direct.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  it("answers 404, never 500, for a key the bucket does not hold or a name the server never generates", async () => {
    const missing = `ab/${"c".repeat(64)}-640.jpg`;
    for (const p of [`/images/${missing}`, "/images/ab/x.jpg", "/images/..%2f..%2fetc%2fpasswd", "/images/%E0%A4%A", "/images/"]) {
      const res = await fetch(`${app.url}${p}`);
      expect(res.status, p).toBe(404);
      expect(res.headers.get("cache-control"), p).toBe("no-store");
    }
  });

  it("is swept from the bucket when the producer deletes it and nothing else shows it", async () => {
    const keys = await pictureKeys();
    const id = (await t.db.selectFrom("images").select("id").where("owner_type", "=", "product").where("owner_id", "=", productId).executeTakeFirstOrThrow())
      .id;
    expect((await post(`/producer/products/${productId}/images`, new URLSearchParams({ intent: "delete", ref: `image-${id}` }))).status).toBe(200);
    const left = await bucket.list();
    for (const key of keys) expect(left).not.toContain(key);
  });
});
