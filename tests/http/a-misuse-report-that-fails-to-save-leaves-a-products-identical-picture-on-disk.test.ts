import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, signInOverHttp } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

// Issue 16, item 2: image keys are content hashes, so a misuse report's photo that is byte-identical to a product's
// picture has the very same files. When the report's save fails, only files nothing else references may go: the
// product's picture must stay. The failure is the database's own (a check constraint refuses the report row).

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let app: TestApp;
let owner: string;
let productId: number;
const photo = fs.readFileSync(path.resolve(import.meta.dirname, "../fixtures/images/barley-field.jpg"));
const REFUSED = "数据库拒收的举报";

const files = () => {
  const dir = path.join(app.dataDir, "images");
  return fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.(jpg|webp|avif)$/.test(f)).sort() : [];
};

beforeAll(async () => {
  t = await createTestDatabase();
  search = await createTestSearch();
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix, env: { TRUST_PROXY: "1" } });
  const a = await createAccount(t.db, { organizationName: "同图合作社" });
  owner = (await signInOverHttp(app.url, a.email, a.password)).cookie;
  const post = (p: string, body: URLSearchParams | FormData) =>
    fetch(`${app.url}${p}`, { method: "POST", redirect: "manual", headers: { cookie: owner, origin: app.url }, body });
  const created = await post("/producer/products/new", new URLSearchParams({ name_zh: "同图青稞饼", category: "杂粮" }));
  productId = Number(created.headers.get("location")!.match(/products\/(\d+)/)![1]);
  const upload = new FormData();
  upload.set("file", new Blob([new Uint8Array(photo)]), "photo.jpg");
  upload.set("alt_zh", "青稞田");
  expect((await post(`/producer/products/${productId}/images`, upload)).status).toBe(200);
  await sql`alter table misuse_reports add constraint test_refuses_report check (what_seen <> ${sql.lit(REFUSED)})`.execute(t.db);
});
afterAll(async () => {
  await app?.stop();
  await search?.drop();
  await t?.drop();
});

describe("a misuse report whose save fails", () => {
  it("leaves the picture files of a product that shows the same photo", async () => {
    const picture = await t.db
      .selectFrom("images")
      .select("variants")
      .where("owner_type", "=", "product")
      .where("owner_id", "=", productId)
      .executeTakeFirstOrThrow();
    const keys = picture.variants.map((v) => v.key);
    expect(keys.length).toBeGreaterThan(0);
    const before = files();
    for (const key of keys) expect(before).toContain(key);

    const form = new FormData();
    form.append("what_seen", REFUSED);
    form.append("place_kind", "shop");
    form.append("place_name", "某区某超市");
    form.append("file", new Blob([new Uint8Array(photo)], { type: "image/jpeg" }), "photo.jpg");
    const res = await fetch(`${app.url}/report`, { method: "POST", body: form, headers: { origin: app.url, "x-forwarded-for": "203.0.113.40" } });
    expect(res.status).toBe(500);
    expect(await t.db.selectFrom("misuse_reports").select("id").execute()).toHaveLength(0);

    expect(files()).toEqual(before);
    const shown = await fetch(`${app.url}/images/${keys[0]}`);
    expect(shown.status).toBe(200);
  });

  it("still removes the files of a photo nothing else shows", async () => {
    const other = await (await import("sharp")).default(photo).rotate(90).jpeg().toBuffer();
    const before = files();
    const form = new FormData();
    form.append("what_seen", REFUSED);
    form.append("place_kind", "shop");
    form.append("place_name", "某区某超市");
    form.append("file", new Blob([new Uint8Array(other)], { type: "image/jpeg" }), "other.jpg");
    const res = await fetch(`${app.url}/report`, { method: "POST", body: form, headers: { origin: app.url, "x-forwarded-for": "203.0.113.41" } });
    expect(res.status).toBe(500);
    expect(files()).toEqual(before);
  });
});
