import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withCheckCharacter } from "../../app/domain/credit-code";
import { createAccount, signInOverHttp } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let app: TestApp;
let owner: { cookie: string; organizationId: number };
let other: { cookie: string; organizationId: number };
let reviewerCookie: string;
let productId: number;
let trademarkId: number;
let imageId: number;
let giClaimId: number;
let brandClaimId: number;

const form = (fields: Record<string, string>) => new URLSearchParams(fields);
const post = (p: string, cookie: string, body: URLSearchParams | FormData) =>
  fetch(`${app.url}${p}`, { method: "POST", redirect: "manual", headers: { cookie, origin: app.url }, body });

async function snapshot() {
  const [products, images, trademarks, revisions, classes, organizations, giUsers, licences] = await Promise.all([
    t.db.selectFrom("products").selectAll().orderBy("id").execute(),
    t.db.selectFrom("images").selectAll().orderBy("id").execute(),
    t.db.selectFrom("trademarks").selectAll().orderBy("id").execute(),
    t.db.selectFrom("record_revisions").selectAll().orderBy("id").execute(),
    t.db.selectFrom("trademark_classes").selectAll().execute(),
    t.db.selectFrom("organizations").selectAll().orderBy("id").execute(),
    t.db.selectFrom("gi_authorised_users").selectAll().orderBy("id").execute(),
    t.db.selectFrom("regional_brand_licences").selectAll().orderBy("id").execute(),
  ]);
  return JSON.stringify({ products, images, trademarks, revisions, classes, organizations, giUsers, licences });
}

function imagesOnDisk(dataDir: string) {
  const dir = path.join(dataDir, "images");
  return fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.(jpg|webp|avif)$/.test(f)).length : 0;
}

let dataDir: string;
beforeAll(async () => {
  t = await createTestDatabase();
  search = await createTestSearch();
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix });
  dataDir = app.dataDir;
  const a = await createAccount(t.db, { organizationName: "甲合作社" });
  const b = await createAccount(t.db, { organizationName: "乙合作社" });
  const r = await createAccount(t.db, { role: "reviewer" });
  owner = { cookie: (await signInOverHttp(app.url, a.email, a.password)).cookie, organizationId: a.organizationId! };
  other = { cookie: (await signInOverHttp(app.url, b.email, b.password)).cookie, organizationId: b.organizationId! };
  reviewerCookie = (await signInOverHttp(app.url, r.email, r.password)).cookie;

  const created = await post("/producer/products/new", owner.cookie, form({ name_zh: "甲的产品", category: "水果" }));
  expect(created.status).toBe(302);
  productId = Number(created.headers.get("location")!.match(/products\/(\d+)/)![1]);
  const upload = new FormData();
  upload.set("file", new Blob([new Uint8Array(fs.readFileSync(path.resolve(import.meta.dirname, "../fixtures/images/barley-field.jpg")))]), "a.jpg");
  upload.set("alt_zh", "甲的图片");
  expect((await post(`/producer/products/${productId}/images`, owner.cookie, upload)).status).toBe(200);
  imageId = (await t.db.selectFrom("images").select("id").where("owner_id", "=", productId).executeTakeFirstOrThrow()).id;
  const tm = await post(
    "/producer/trademarks/new",
    owner.cookie,
    form({ name_zh: "甲牌", mark_type: "ordinary", nice_classes: "31", legal_status: "registered" }),
  );
  expect(tm.status).toBe(302);
  trademarkId = Number(tm.headers.get("location")!.match(/trademarks\/(\d+)/)![1]);
  // pending claims of the owner: one to use a GI, one a regional-brand licence
  const gi = await t.db.selectFrom("gi_products").select("id").where("status", "=", "published").orderBy("id").executeTakeFirstOrThrow();
  const brand = await t.db.selectFrom("regional_brands").select("id").where("status", "=", "published").orderBy("id").executeTakeFirstOrThrow();
  for (const target of [`gi:${gi.id}`, `brand:${brand.id}`]) {
    expect(
      (await post("/producer/claims", owner.cookie, form({ target, basis: "collective_member", reference: "成员证 1 号", valid_from: "2025-01-01" }))).status,
    ).toBe(200);
  }
  giClaimId = (await t.db.selectFrom("gi_authorised_users").select("id").where("organization_id", "=", owner.organizationId).executeTakeFirstOrThrow()).id;
  brandClaimId = (await t.db.selectFrom("regional_brand_licences").select("id").where("organization_id", "=", owner.organizationId).executeTakeFirstOrThrow())
    .id;
});
afterAll(async () => {
  await app?.stop();
  await search?.drop();
  await t?.drop();
});

describe("every mutating producer route, tried with another organisation's ids", () => {
  const attempts = () => [
    { path: `/producer/products/${productId}`, body: form({ name_zh: "被改了", category: "水果" }) },
    { path: `/producer/products/${productId}`, body: form({ intent: "submit" }) },
    { path: "/producer/products/bin", body: form({ intent: "bin", id: String(productId) }) },
    { path: "/producer/products/bin", body: form({ intent: "restore", id: String(productId) }) },
    { path: `/producer/products/${productId}/images`, body: form({ intent: "delete", ref: `image-${imageId}` }) },
    { path: `/producer/products/${productId}/images`, body: form({ intent: "down", ref: `image-${imageId}` }) },
    { path: `/producer/products/${productId}/images`, body: form({ intent: "alt", ref: `image-${imageId}`, alt_zh: "被改了" }) },
    { path: `/producer/trademarks/${trademarkId}`, body: form({ name_zh: "被改了", mark_type: "ordinary", nice_classes: "31", legal_status: "registered" }) },
    { path: `/producer/trademarks/${trademarkId}`, body: form({ intent: "submit" }) },
    { path: "/producer/claims", body: form({ intent: "withdraw", kind: "gi", id: String(giClaimId) }) },
    { path: "/producer/claims", body: form({ intent: "withdraw", kind: "brand", id: String(brandClaimId) }) },
  ];

  it("answers another producer with 404 and changes nothing", async () => {
    const before = await snapshot();
    for (const a of attempts()) {
      const res = await post(a.path, other.cookie, a.body);
      expect({ path: a.path, status: res.status }).toEqual({ path: a.path, status: 404 });
    }
    expect(await snapshot()).toBe(before);
  });

  it("refuses an upload into another organisation's product before reading it", async () => {
    const before = await snapshot();
    const files = imagesOnDisk(dataDir);
    const upload = new FormData();
    upload.set("file", new Blob([new Uint8Array(fs.readFileSync(path.resolve(import.meta.dirname, "../fixtures/images/barley-field.jpg")))]), "b.jpg");
    upload.set("alt_zh", "乙的图片");
    expect((await post(`/producer/products/${productId}/images`, other.cookie, upload)).status).toBe(404);
    expect(await snapshot()).toBe(before);
    expect(imagesOnDisk(dataDir)).toBe(files);
  });

  it("refuses to change another organisation's picture description through one's own product", async () => {
    const own = await post("/producer/products/new", other.cookie, form({ name_zh: "乙的产品", category: "水果" }));
    const ownId = Number(own.headers.get("location")!.match(/products\/(\d+)/)![1]);
    const before = await snapshot();
    expect((await post(`/producer/products/${ownId}/images`, other.cookie, form({ intent: "alt", ref: `image-${imageId}`, alt_zh: "被改了" }))).status).toBe(
      404,
    );
    expect(await snapshot()).toBe(before);
  });

  it("sends anonymous visitors to sign in and refuses other roles, changing nothing", async () => {
    const before = await snapshot();
    for (const a of attempts()) {
      const anonymous = await post(a.path, "", a.body);
      expect(anonymous.status).toBe(302);
      expect(anonymous.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
      expect((await post(a.path, reviewerCookie, a.body)).status).toBe(403);
    }
    expect(await snapshot()).toBe(before);
  });

  it("ignores fields a producer may not set (mass assignment)", async () => {
    const res = await post(
      "/producer/products/new",
      other.cookie,
      form({
        name_zh: "乙的产品",
        category: "蔬菜",
        status: "published",
        organization_id: String(owner.organizationId),
        is_sample: "true",
        id: String(productId),
      }),
    );
    expect(res.status).toBe(302);
    const row = await t.db.selectFrom("products").selectAll().where("name_zh", "=", "乙的产品").executeTakeFirstOrThrow();
    expect(row.status).toBe("draft");
    expect(row.organization_id).toBe(other.organizationId);
    expect(row.is_sample).toBe(false);
  });

  it("ignores status, verification and owner fields on trademarks, claims and the organisation profile", async () => {
    const tm = await post(
      "/producer/trademarks/new",
      other.cookie,
      form({
        name_zh: "乙牌",
        mark_type: "ordinary",
        nice_classes: "29",
        legal_status: "registered",
        status: "published",
        holder_org_id: String(owner.organizationId),
        last_verified_by: "1",
        confidence: "high",
      }),
    );
    expect(tm.status).toBe(302);
    const trademark = await t.db.selectFrom("trademarks").selectAll().where("name_zh", "=", "乙牌").executeTakeFirstOrThrow();
    expect(trademark).toMatchObject({ status: "draft", holder_org_id: other.organizationId, last_verified_by: null, last_verified_at: null });

    const gi = await t.db.selectFrom("gi_products").select("id").where("status", "=", "published").orderBy("id", "desc").executeTakeFirstOrThrow();
    const claim = await post(
      "/producer/claims",
      other.cookie,
      form({
        target: `gi:${gi.id}`,
        basis: "announcement",
        reference: "公告 9 号",
        valid_from: "2025-01-01",
        verification: "verified",
        verified_by: "1",
        organization_id: String(owner.organizationId),
      }),
    );
    expect(claim.status).toBe(200);
    const filed = await t.db
      .selectFrom("gi_authorised_users")
      .selectAll()
      .where("gi_product_id", "=", gi.id)
      .where("basis_reference", "=", "公告 9 号")
      .executeTakeFirstOrThrow();
    expect(filed).toMatchObject({ organization_id: other.organizationId, verification: "pending", verified_by: null, verified_at: null });

    // the other organisation is published, so its edit waits as a revision that carries only form fields
    const county = await t.db.selectFrom("places").select("id").where("kind", "=", "county").orderBy("id").executeTakeFirstOrThrow();
    const org = await post(
      "/producer/organization",
      other.cookie,
      form({
        name_zh: "乙合作社",
        credit_code: withCheckCharacter("93630223MA7Q00042"),
        org_type: "cooperative",
        county_id: String(county.id),
        status: "published",
        credit_status: "serious",
        is_sample: "true",
        last_verified_by: "1",
      }),
    );
    expect(org.status).toBe(200);
    const row = await t.db.selectFrom("organizations").selectAll().where("id", "=", other.organizationId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ credit_status: "normal", is_sample: false, last_verified_by: null });
    const revision = await t.db
      .selectFrom("record_revisions")
      .select("data")
      .where("entity_type", "=", "organization")
      .where("entity_id", "=", other.organizationId)
      .executeTakeFirstOrThrow();
    for (const key of ["status", "credit_status", "is_sample", "last_verified_by"]) expect(revision.data).not.toHaveProperty(key);
  });

  it("refuses to link another organisation's trademark to a product", async () => {
    const res = await post("/producer/products/new", other.cookie, form({ name_zh: "借用商标", category: "蔬菜", trademark_id: String(trademarkId) }));
    expect(res.status).toBe(400);
    expect(await t.db.selectFrom("products").select("id").where("name_zh", "=", "借用商标").executeTakeFirst()).toBeUndefined();
  });
});

describe("hostile uploads get a clear message and write nothing", () => {
  async function tryUpload(data: Buffer, name = "x.jpg") {
    const before = await snapshot();
    const files = imagesOnDisk(dataDir);
    const body = new FormData();
    body.set("file", new Blob([new Uint8Array(data)]), name);
    body.set("alt_zh", "说明");
    const res = await post(`/producer/products/${productId}/images`, owner.cookie, body);
    expect(await snapshot()).toBe(before);
    expect(imagesOnDisk(dataDir)).toBe(files);
    return { status: res.status, html: await res.text() };
  }

  it.each([
    ["zero bytes", Buffer.alloc(0), "请选择一张图片"],
    ["HTML renamed .jpg", Buffer.from("<html><script>alert(1)</script></html>"), "只支持 JPEG、PNG 或 WebP"],
    ["SVG", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), "只支持 JPEG、PNG 或 WebP"],
  ])("%s", async (_label, data, message) => {
    const { status, html } = await tryUpload(data);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    expect(html).toContain(message);
  });

  it("a picture without its Chinese description (alt text) is refused, naming the field", async () => {
    const before = await snapshot();
    const files = imagesOnDisk(dataDir);
    const body = new FormData();
    body.set("file", new Blob([new Uint8Array(fs.readFileSync(path.resolve(import.meta.dirname, "../fixtures/images/barley-field.jpg")))]), "x.jpg");
    body.set("alt_en", "only English");
    const res = await post(`/producer/products/${productId}/images`, owner.cookie, body);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/<p id="alt_zh-error" class="field-error">必填/);
    expect(await snapshot()).toBe(before);
    expect(imagesOnDisk(dataDir)).toBe(files);
  });

  it("a truncated JPEG", async () => {
    const good = fs.readFileSync(path.resolve(import.meta.dirname, "../fixtures/images/barley-field.jpg"));
    const { status, html } = await tryUpload(good.subarray(0, Math.floor(good.length / 2)));
    expect(status).toBe(422);
    expect(html).toContain("图片文件已损坏");
  });

  it("an animated WebP", async () => {
    const frames = await Promise.all(
      [0, 1, 2].map((i) =>
        sharp({ create: { width: 20, height: 20, channels: 3, background: { r: i * 100, g: 255 - i * 80, b: 0 } } })
          .png()
          .toBuffer(),
      ),
    );
    const { status, html } = await tryUpload(
      await sharp(frames, { join: { animated: true } })
        .webp()
        .toBuffer(),
    );
    expect(status).toBe(422);
    expect(html).toContain("不支持动图");
  });

  it("a body over the limit and a flood of parts are refused while streaming", async () => {
    const big = await tryUpload(Buffer.alloc(17 * 1024 * 1024, 0xff));
    expect(big.status).toBe(413);
    const many = new FormData();
    for (let i = 0; i < 2000; i++) many.append(`f${i}`, "x");
    const res = await post(`/producer/products/${productId}/images`, owner.cookie, many);
    expect(res.status).toBe(413);
  });

  it("a body that trickles in is cut off with 408 after the upload time limit, writing nothing", { timeout: 90_000 }, async () => {
    const before = await snapshot();
    const files = imagesOnDisk(dataDir);
    const boundary = "----slowloris";
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slow.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`;
    const u = new URL(app.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: u.hostname,
          port: u.port,
          method: "POST",
          path: `/producer/products/${productId}/images`,
          headers: { cookie: owner.cookie, origin: app.url, "content-type": `multipart/form-data; boundary=${boundary}`, "content-length": 1_000_000 },
        },
        (res) => {
          clearInterval(drip);
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on("error", reject);
      req.write(head);
      // one byte a second: never over any size limit, never finished
      const drip = setInterval(() => req.write("\xff"), 1000);
    });
    expect(status).toBe(408);
    expect(await snapshot()).toBe(before);
    expect(imagesOnDisk(dataDir)).toBe(files);
  });

  it("the server stays healthy afterwards", async () => {
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });
});
