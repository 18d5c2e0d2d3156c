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
    const other = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#3a6" } })
      .jpeg()
      .toBuffer();
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
    expect((await t.db.selectFrom("record_revisions").select("data").where("entity_id", "=", productId).executeTakeFirstOrThrow()).data).toEqual(
      revisionBefore.data,
    );

    expect((await post(`/producer/products/${productId}`, owner, new URLSearchParams({ intent: "submit" }))).status).toBe(200);
    const rev = await t.db
      .selectFrom("record_revisions")
      .select("id")
      .where("entity_id", "=", productId)
      .where("status", "=", "submitted")
      .executeTakeFirstOrThrow();
    const review = await page(`/staff/review/revision/${rev.id}`, reviewer);
    expect(review).toContain("青稞饼特写");
    expect(review).toContain(newHash);
    const v = (await sql<{ v: string }>`select (extract(epoch from submitted_at))::text as v from record_revisions where id = ${rev.id}`.execute(t.db)).rows[0]!
      .v;
    const decided = await post(`/staff/review/revision/${rev.id}`, reviewer, new URLSearchParams({ version: v, decision: "reject", comment: "图片不清楚" }));
    expect(decided.status).toBe(302);

    expect(files()).toEqual(before);
    expect(await publicPictures()).toEqual(live);
  });

  it("change a picture's description after upload: checked per field, through review when published, in place (and re-indexed) when not", async () => {
    const live = await t.db
      .selectFrom("images")
      .select(["id", "alt_zh", "alt_en"])
      .where("owner_type", "=", "product")
      .where("owner_id", "=", productId)
      .executeTakeFirstOrThrow();
    const ref = `image-${live.id}`;
    const altForm = (alt_zh: string, alt_en = "") => new URLSearchParams({ intent: "alt", ref, alt_zh, alt_en });
    const stored = async () =>
      JSON.stringify(
        await Promise.all([
          t.db.selectFrom("images").selectAll().orderBy("id").execute(),
          t.db.selectFrom("record_revisions").selectAll().orderBy("id").execute(),
        ]),
      );

    // an empty Chinese description is refused next to that picture's field, and nothing changes
    const before = await stored();
    const empty = await post(`/producer/products/${productId}/images`, owner, altForm("  ", "Barley"));
    expect(empty.status).toBe(400);
    const html = await empty.text();
    const errorId = /<p id="([^"]*alt_zh-error)" class="field-error">必填/.exec(html)?.[1];
    expect(errorId).toBeDefined();
    expect(html).toMatch(new RegExp(`aria-describedby="${errorId}"`));
    expect(await stored()).toBe(before);

    // published: the new description waits in the revision; the public page keeps the approved one
    const saved = await post(`/producer/products/${productId}/images`, owner, altForm("金黄的青稞田", "A golden barley field"));
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain("已保存修改");
    expect(await t.db.selectFrom("images").select(["alt_zh", "alt_en"]).where("id", "=", live.id).executeTakeFirstOrThrow()).toEqual({
      alt_zh: live.alt_zh,
      alt_en: live.alt_en,
    });
    expect(await page(`/products/${productId}`)).not.toContain("金黄的青稞田");
    expect(await page(`/producer/products/${productId}/images`, owner)).toContain('value="金黄的青稞田"');

    expect((await post(`/producer/products/${productId}`, owner, new URLSearchParams({ intent: "submit" }))).status).toBe(200);
    const rev = await t.db
      .selectFrom("record_revisions")
      .select("id")
      .where("entity_id", "=", productId)
      .where("status", "=", "submitted")
      .executeTakeFirstOrThrow();
    expect(await page(`/staff/review/revision/${rev.id}`, reviewer)).toContain("金黄的青稞田 / A golden barley field");
    const v = (await sql<{ v: string }>`select (extract(epoch from submitted_at))::text as v from record_revisions where id = ${rev.id}`.execute(t.db)).rows[0]!
      .v;
    expect((await post(`/staff/review/revision/${rev.id}`, reviewer, new URLSearchParams({ version: v, decision: "approve" }))).status).toBe(302);
    // approval keeps the same picture (row and files) and gives it the new description
    expect(await t.db.selectFrom("images").select(["id", "alt_zh", "alt_en"]).where("owner_id", "=", productId).execute()).toEqual([
      { id: live.id, alt_zh: "金黄的青稞田", alt_en: "A golden barley field" },
    ]);
    expect(await page(`/products/${productId}`)).toContain('alt="金黄的青稞田"');

    // not published: changed in place, with the search event in the same transaction as other picture changes
    const created = await post("/producer/products/new", owner, new URLSearchParams({ name_zh: "草稿青稞饼", category: "杂粮" }));
    const draftId = Number(created.headers.get("location")!.match(/products\/(\d+)/)![1]);
    const fixture = fs.readFileSync(path.resolve(import.meta.dirname, "../fixtures/images/barley-field.jpg"));
    expect((await post(`/producer/products/${draftId}/images`, owner, uploadForm(fixture, "草稿图"))).status).toBe(200);
    const draftImage = await t.db
      .selectFrom("images")
      .select("id")
      .where("owner_type", "=", "product")
      .where("owner_id", "=", draftId)
      .executeTakeFirstOrThrow();
    const events = async () =>
      Number(
        (await sql<{ n: string }>`select count(*) as n from search_outbox where entity_type = 'product' and entity_id = ${draftId}`.execute(t.db)).rows[0]!.n,
      );
    const eventsBefore = await events();
    const inPlace = await post(
      `/producer/products/${draftId}/images`,
      owner,
      new URLSearchParams({ intent: "alt", ref: `image-${draftImage.id}`, alt_zh: "草稿图的新说明", alt_en: "" }),
    );
    expect(inPlace.status).toBe(200);
    expect(await inPlace.text()).toContain("已保存。");
    expect(await t.db.selectFrom("images").select(["alt_zh", "alt_en"]).where("id", "=", draftImage.id).executeTakeFirstOrThrow()).toEqual({
      alt_zh: "草稿图的新说明",
      alt_en: null,
    });
    expect(await events()).toBe(eventsBefore + 1);

    // a picture of another of the producer's products is not one of this product's pictures
    const crossed = await post(`/producer/products/${draftId}/images`, owner, new URLSearchParams({ intent: "alt", ref, alt_zh: "串了" }));
    expect(crossed.status).toBe(404);
    expect((await t.db.selectFrom("images").select("alt_zh").where("id", "=", live.id).executeTakeFirstOrThrow()).alt_zh).toBe("金黄的青稞田");
  });
});
