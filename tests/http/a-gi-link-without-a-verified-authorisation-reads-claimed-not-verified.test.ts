import { afterAll, beforeAll, describe, expect, it } from "vitest";
import sharp from "sharp";
import { createAccount, signInOverHttp } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

// Issue 15: a product could be linked to any published GI without an authorisation of its producer. The badge already
// waited for a verified authorisation; the link itself now says "claimed, not verified" to producer and reviewer.

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let app: TestApp;
let producer: { cookie: string; organizationId: number };
let reviewerCookie: string;
let gi: { id: number; name_zh: string };
let productId: number;

const post = (path: string, cookie: string, body: URLSearchParams | FormData) =>
  fetch(`${app.url}${path}`, { method: "POST", redirect: "manual", headers: { cookie, origin: app.url }, body });
// the page's text, tags removed (the GI's name sits in its own lang="zh-CN" span inside the sentence)
const page = async (path: string, cookie: string) => (await (await fetch(`${app.url}${path}`, { headers: { cookie } })).text()).replace(/<(?!a )[^>]*>/g, "");

beforeAll(async () => {
  t = await createTestDatabase();
  search = await createTestSearch();
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix });
  const account = await createAccount(t.db, { organizationName: "青稞链接测试合作社" });
  producer = { cookie: (await signInOverHttp(app.url, account.email, account.password)).cookie, organizationId: account.organizationId! };
  const reviewer = await createAccount(t.db, { role: "reviewer" });
  reviewerCookie = (await signInOverHttp(app.url, reviewer.email, reviewer.password)).cookie;
  gi = await t.db.selectFrom("gi_products").select(["id", "name_zh"]).where("status", "=", "published").orderBy("id").executeTakeFirstOrThrow();
  const created = await post(
    "/producer/products/new",
    producer.cookie,
    new URLSearchParams({ name_zh: "链接测试青稞", category: "杂粮", gi_product_id: String(gi.id) }),
  );
  productId = Number(/\/producer\/products\/(\d+)/.exec(created.headers.get("location") ?? "")?.[1]);
  expect(productId).toBeGreaterThan(0);
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await search?.drop();
  await t?.drop();
});

describe("a producer links a product to a GI it holds no verified authorisation for", () => {
  it("the product form says the link is not claimed yet, and where to claim it", async () => {
    const html = await page(`/producer/products/${productId}`, producer.cookie);
    expect(html).toContain(`关联“${gi.name_zh}”:未申报使用授权`);
    expect(html).toContain('href="/producer/claims"');
    expect(html).toContain(`${gi.name_zh}(未申报使用授权)`);
  });

  it("once claimed, it reads claimed, not verified — to the producer and to the reviewer", async () => {
    await t.db
      .insertInto("gi_authorised_users")
      .values({ gi_product_id: gi.id, organization_id: producer.organizationId, basis: "collective_member" })
      .execute();
    expect(await page(`/producer/products/${productId}`, producer.cookie)).toContain(`关联“${gi.name_zh}”:已申报,未核实`);
    const submitted = await post(`/producer/products/${productId}`, producer.cookie, new URLSearchParams({ intent: "submit" }));
    expect(submitted.status).toBeLessThan(400);
    const review = await page(`/staff/review/product/${productId}`, reviewerCookie);
    expect(review).toContain(`该产品关联地理标志“${gi.name_zh}”,生产者的使用授权:已申报,未核实`);
  });

  it("once verified, neither side is warned any more", async () => {
    await t.db
      .updateTable("gi_authorised_users")
      .set({ verification: "verified", verified_at: new Date() })
      .where("organization_id", "=", producer.organizationId)
      .execute();
    const form = await page(`/producer/products/${productId}`, producer.cookie);
    expect(form).not.toContain(`关联“${gi.name_zh}”:`);
    expect(form).toContain(`${gi.name_zh}(使用授权已核实)`);
    expect(await page(`/staff/review/product/${productId}`, reviewerCookie)).not.toContain("该产品关联地理标志");
  });
});

describe("a picture description pasted far past its limit names the field and its real limit", () => {
  it("20 KB of description on upload answers the description field's 300 characters, not 'the submission is too large'", async () => {
    const photo = await sharp({ create: { width: 64, height: 64, channels: 3, background: { r: 200, g: 160, b: 40 } } })
      .jpeg()
      .toBuffer();
    const body = new FormData();
    body.append("alt_zh", "青".repeat(7_000));
    body.append("file", new Blob([new Uint8Array(photo)], { type: "image/jpeg" }), "photo.jpg");
    const res = await post(`/producer/products/${productId}/images`, producer.cookie, body);
    const html = await res.text();
    expect(res.status).toBe(400);
    expect(html).toContain("不能超过 300 个字符");
    expect(html).not.toContain("提交的数据太大");
  });
});
