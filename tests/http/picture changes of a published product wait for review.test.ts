import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, signInOverHttp } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

// Issue 5 / decision records 009 and 010 over the production server: a producer's picture change on a published
// product waits for review, the public page keeps the approved pictures (AVIF first in <picture>), and a rejection
// leaves them and removes the rejected upload's files.

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let app: TestApp;
let owner: string;
let reviewer: string;
let productId: number;

const post = (p: string, cookie: string, body: URLSearchParams | FormData) =>
  fetch(`${app.url}${p}`, { method: "POST", redirect: "manual", headers: { cookie, origin: app.url }, body });
const page = async (p: string, cookie = "") => (await fetch(`${app.url}${p}`, { headers: { cookie } })).text();
const files = () => {
  const dir = path.join(app.dataDir, "images");
  return fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.(jpg|webp|avif)$/.test(f)).sort() : [];
};
const hashes = (list: string[]) => new Set(list.map((f) => /[a-f0-9]{64}/.exec(f)![0]));
const publicPictures = async () => [...hashes((await page(`/products/${productId}`)).match(/\/images\/[^" ]+/g) ?? [])];

function uploadForm(data: Buffer, alt: string) {
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(data)]), "photo.jpg");
  form.set("alt_zh", alt);
  return form;
}

beforeAll(async () => {
  t = await createTestDatabase();
  search = await createTestSearch();
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix });
  const a = await createAccount(t.db, { organizationName: "图片审核合作社" });
  const r = await createAccount(t.db, { role: "reviewer" });
  owner = (await signInOverHttp(app.url, a.email, a.password)).cookie;
  reviewer = (await signInOverHttp(app.url, r.email, r.password)).cookie;
  const created = await post("/producer/products/new", owner, new URLSearchParams({ name_zh: "公开的青稞饼", category: "杂粮" }));
  productId = Number(created.headers.get("location")!.match(/products\/(\d+)/)![1]);
  const fixture = fs.readFileSync(path.resolve(import.meta.dirname, "../fixtures/images/barley-field.jpg"));
  expect((await post(`/producer/products/${productId}/images`, owner, uploadForm(fixture, "青稞田"))).status).toBe(200);
  await t.db.updateTable("products").set({ status: "published" }).where("id", "=", productId).execute();
});
afterAll(async () => {
  await app?.stop();
  await search?.drop();
  await t?.drop();
});

describe("picture changes of a published product", () => {
  it("serve AVIF first, WebP next and JPEG last, with the right content types", async () => {
    const html = await page(`/products/${productId}`);
    const avif = html.match(/<source type="image\/avif" srcSet="(\/images\/[^" ]+\.avif) 320w/)?.[1];
    expect(avif).toBeDefined();
    expect(html.indexOf('type="image/avif"')).toBeLessThan(html.indexOf('type="image/webp"'));
    const res = await fetch(`${app.url}${avif}`);
    expect(res.headers.get("content-type")).toBe("image/avif");
    expect((await sharp(Buffer.from(await res.arrayBuffer())).metadata()).format).toBe("heif");
  });

  it("wait for review, refuse hostile files without writing, and a rejection removes the waiting upload", async () => {
    const before = files();
    const live = await publicPictures();
    expect(live).toHaveLength(1);
    const other = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#3a6" } }).jpeg().toBuffer();
    const added = await post(`/producer/products/${productId}/images`, owner, uploadForm(other, "青稞饼特写"));
    expect(added.status).toBe(200);
    const newFiles = files().filter((f) => !before.includes(f));
    expect(newFiles).toHaveLength(9); // AVIF, WebP and JPEG at three widths
    const [newHash] = [...hashes(newFiles)];

    // the public page and the picture screen disagree until review
    expect(await publicPictures()).toEqual(live);
    const screen = await page(`/producer/products/${productId}/images`, owner);
    expect(screen).toContain(newHash);
    expect(screen).toContain("下面是待审的图片修改");

    // a hostile file is refused with a message and writes nothing
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const revisionBefore = await t.db.selectFrom("record_revisions").select("data").where("entity_id", "=", productId).executeTakeFirstOrThrow();
    const hostile = await post(`/producer/products/${productId}/images`, owner, uploadForm(svg, "坏文件"));
    expect(hostile.status).toBe(422);
    expect(files()).toEqual([...before, ...newFiles].sort());
    expect((await t.db.selectFrom("record_revisions").select("data").where("entity_id", "=", productId).executeTakeFirstOrThrow()).data).toEqual(revisionBefore.data);

    expect((await post(`/producer/products/${productId}`, owner, new URLSearchParams({ intent: "submit" }))).status).toBe(200);
    const rev = await t.db.selectFrom("record_revisions").select("id").where("entity_id", "=", productId).where("status", "=", "submitted").executeTakeFirstOrThrow();
    const review = await page(`/staff/review/revision/${rev.id}`, reviewer);
    expect(review).toContain("青稞饼特写");
    expect(review).toContain(newHash);
    const v = (await sql<{ v: string }>`select (extract(epoch from submitted_at))::text as v from record_revisions where id = ${rev.id}`.execute(t.db)).rows[0]!.v;
    const decided = await post(`/staff/review/revision/${rev.id}`, reviewer, new URLSearchParams({ version: v, decision: "reject", comment: "图片不清楚" }));
    expect(decided.status).toBe(302);

    expect(files()).toEqual(before);
    expect(await publicPictures()).toEqual(live);
  });
});
