import { createHash } from "node:crypto";
import { parse } from "csv-parse/sync";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeExpiredShortlists } from "../../db/queries/shortlists";
import { createAccount } from "../support/accounts";
import { pendingSearchEventCount } from "../../db/queries/outbox";
import { startTestApp, waitForIndexed, type TestApp } from "../support/app";
import { httpClient, seedSamples } from "../support/buyers";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let app: TestApp;
let samples: Awaited<ReturnType<typeof seedSamples>>;
const ids = { liquor: 0, crabapple: 0, cherry: 0, yak: 0, garlic: 0, pepper: 0, draft: 0, formula: 0 };

beforeAll(async () => {
  t = await createTestDatabase();
  search = await createTestSearch();
  samples = await seedSamples(t.db);
  ids.liquor = (await samples.product("示例互助青稞酒 42度 500毫升")).id;
  ids.crabapple = (await samples.product("示例乐都沙果 鲜果")).id;
  ids.cherry = (await samples.product("示例乐都大樱桃")).id; // its GI authorisation is still pending
  ids.yak = (await samples.product("示例白牦牛肉 冷冻分割")).id; // its GI authorisation has expired
  ids.garlic = (await samples.product("示例乐都紫皮大蒜")).id;
  ids.pepper = (await samples.product("示例循化大红袍花椒")).id;
  const orgId = (await samples.product("示例乐都沙果 鲜果")).organization_id;
  ids.draft = (
    await t.db.insertInto("products").values({ organization_id: orgId, name_zh: "未公开的草稿产品", status: "draft" }).returning("id").executeTakeFirstOrThrow()
  ).id;
  // a producer-written product whose fields would run as spreadsheet formulas if exported naively
  ids.formula = (
    await t.db
      .insertInto("products")
      .values({
        organization_id: orgId,
        name_zh: '=HYPERLINK("http://evil.example","点我")',
        name_en: "@SUM(A1:A9)",
        status: "published",
        price_band: "+86 元/公斤",
        pack_sizes: ["-5公斤/箱", "10公斤,礼盒"],
        min_order_qty: "3",
        min_order_unit: '箱"特价"',
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix, env: { DATA_DIR: samples.dataDir } });
});
afterAll(async () => {
  await app?.stop();
  await search?.drop();
  await t?.drop();
  samples?.cleanup();
});

/** Page text without tags (React's comment markers included). */
const text = (html: string) => html.replace(/<!--.*?-->/g, "").replace(/<[^>]+>/g, "");
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
/** The raw token inside the hd_shortlist cookie (Remix encodes cookie values as base64 JSON). */
const tokenOf = (cookieValue: string) => JSON.parse(Buffer.from(decodeURIComponent(cookieValue), "base64").toString("utf8")) as string;

describe("an anonymous shortlist", () => {
  it("adds and removes products without JavaScript, with a hardened cookie whose token is stored only as a hash", async () => {
    const c = httpClient(app.url);
    const add = await c.post("/shortlist/items", { intent: "add", productId: ids.liquor, redirectTo: `/products/${ids.liquor}` });
    expect(add.status).toBe(302);
    expect(add.headers.get("location")).toBe(`/products/${ids.liquor}`);
    const setCookie = add.headers.getSetCookie().find((h) => h.startsWith("hd_shortlist="))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Max-Age=2592000/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/i); // NODE_ENV=test; production adds Secure

    const token = tokenOf(c.jar.cookies.get("hd_shortlist")!);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await t.db.selectFrom("shortlists").selectAll().execute();
    expect(rows.map((r) => r.token_hash)).toContain(sha256(token));
    expect(JSON.stringify(rows)).not.toContain(token);

    await c.post("/shortlist/items", { intent: "add", productId: ids.crabapple, redirectTo: "/search" });
    await c.post("/shortlist/items", { intent: "add", productId: ids.liquor, redirectTo: "/search" }); // twice: still once
    const listId = (await t.db.selectFrom("shortlists").select("id").where("token_hash", "=", sha256(token)).executeTakeFirstOrThrow()).id;
    const items = await t.db.selectFrom("shortlist_items").select("product_id").where("shortlist_id", "=", listId).orderBy("added_at").execute();
    expect(items.map((i) => i.product_id)).toEqual([ids.liquor, ids.crabapple]);

    let page = await (await c.get("/shortlist")).text();
    expect(page).toContain("示例互助青稞酒 42度 500毫升");
    expect(page).toContain("示例乐都沙果 鲜果");
    expect(page).toContain("共 2 件产品");

    const removed = await c.post("/shortlist/items", { intent: "remove", productId: ids.liquor, redirectTo: "/shortlist" });
    expect(removed.status).toBe(302);
    page = await (await c.get("/shortlist")).text();
    expect(page).not.toContain("示例互助青稞酒 42度 500毫升");
    expect(page).toContain("示例乐都沙果 鲜果");
  });

  it("answers the JavaScript button (a single-fetch .data request) with data instead of a redirect", async () => {
    const c = httpClient(app.url);
    const res = await c.post("/shortlist/items.data", { intent: "add", productId: ids.garlic, js: "1", redirectTo: "/" });
    expect(res.status).toBe(200);
    expect(res.headers.get("location")).toBeNull();
    const body = await res.text();
    expect(body).toContain("shortlist.added");
    expect(c.jar.cookies.has("hd_shortlist")).toBe(true);
    expect(await (await c.get("/shortlist")).text()).toContain("示例乐都紫皮大蒜");
    const again = await c.post("/shortlist/items.data", { intent: "remove", productId: ids.garlic, js: "1" });
    expect(await again.text()).toContain("shortlist.removed");
    expect(await (await c.get("/shortlist")).text()).toContain("清单还是空的");
    const bad = await c.post("/shortlist/items.data", { intent: "add", productId: "abc", js: "1" });
    expect(bad.status).toBe(400);
  });

  it("shows the button's state on the product page", async () => {
    const c = httpClient(app.url);
    expect(await (await c.get(`/products/${ids.pepper}`)).text()).toContain("加入对比清单");
    await c.post("/shortlist/items", { intent: "add", productId: ids.pepper });
    const html = await (await c.get(`/products/${ids.pepper}`)).text();
    expect(html).toContain("移出对比清单");
    expect(html).toContain('name="intent" value="remove"');
  });

  it.each([
    [{ intent: "add", productId: "abc" }, 400],
    [{ intent: "add", productId: "1e3" }, 400],
    [{ intent: "steal", productId: "1" }, 400],
    [{ intent: "add" }, 400],
  ])("refuses bad input %j with %i, never a 500", async (fields, status) => {
    const res = await httpClient(app.url).post("/shortlist/items", fields);
    expect(res.status).toBe(status);
  });

  it("shortlists a product straight from the search results without JavaScript, and comes back to the same results", async () => {
    await waitForIndexed(async () => {
      if ((await pendingSearchEventCount(t.db)) > 0) return false;
      const body = (await (await fetch(`${app.url}/api/v1/search?q=${encodeURIComponent("示例乐都沙果")}&type=product`)).json()) as {
        degraded: boolean;
        total: number;
      };
      return !body.degraded && body.total > 0;
    }, 30_000);
    const c = httpClient(app.url);
    const results = `/search?q=${encodeURIComponent("沙果")}&county=${encodeURIComponent("乐都区")}`;
    const buttonFor = (html: string, id: number) => {
      // the card's own form: from its productId field to the end of the form
      const at = html.indexOf(`name="productId" value="${id}"`);
      return at < 0 ? undefined : html.slice(html.lastIndexOf("<form", at), html.indexOf("</form>", at));
    };
    let html = await (await c.get(results)).text();
    let form = buttonFor(html, ids.crabapple);
    // the card also shows the product's first picture, decorative next to its name, from the image store
    const at = html.indexOf(`name="productId" value="${ids.crabapple}"`);
    const card = html.slice(html.lastIndexOf('<li class="result', at), at);
    const src = /<img[^>]*\ssrc="(\/images\/[^"]+)"/.exec(card)?.[1];
    expect(src, "the card has a picture").toBeDefined();
    expect(card).toMatch(/<img[^>]*\salt=""/);
    const picture = await c.get(src!);
    expect(picture.status).toBe(200);
    expect(picture.headers.get("content-type")).toMatch(/^image\//);
    expect(form, "the product's card carries a shortlist form").toBeDefined();
    expect(form).toContain('method="post"');
    expect(form).toContain('action="/shortlist/items"');
    expect(form).toContain('name="intent" value="add"');
    expect(text(form!)).toContain("加入对比清单");
    expect(text(form!)).toContain("示例乐都沙果 鲜果"); // the button names its product for screen readers
    // the no-JavaScript form comes back to these results
    const back = /name="redirectTo" value="([^"]*)"/.exec(form!)![1]!.replace(/&amp;/g, "&");
    expect(new URL(back, app.url).searchParams.get("q")).toBe("沙果");

    const add = await c.post("/shortlist/items", { intent: "add", productId: ids.crabapple, redirectTo: back });
    expect(add.status).toBe(302);
    expect(add.headers.get("location")).toBe(back);
    html = await (await c.get(back)).text();
    form = buttonFor(html, ids.crabapple);
    expect(form).toContain('name="intent" value="remove"');
    expect(text(form!)).toContain("移出对比清单");
    expect(text(await (await c.get("/shortlist")).text())).toContain("示例乐都沙果 鲜果");

    // records that cannot be shortlisted (GI products, trademarks, producers) get no button
    const gi = await (await c.get(`/search?q=${encodeURIComponent("乐都沙果")}&type=gi`)).text();
    expect(gi).toContain("result__name");
    expect(gi).not.toContain('action="/shortlist/items"');
    // the outcome a plain form carries back (?shortlist=full-<id>) is shown at that product's card only, not refused
    // as a bad parameter
    const several = `/search?type=product&county=${encodeURIComponent("乐都区")}`;
    expect((await (await c.get(several)).text()).split('action="/shortlist/items"').length - 1).toBeGreaterThan(1);
    const full = await c.get(`${several}&shortlist=full-${ids.crabapple}`);
    expect(full.status).toBe(200);
    const fullHtml = await full.text();
    expect(text(fullHtml).split("对比清单已满").length - 1).toBe(1);
    const notice = fullHtml.indexOf("对比清单已满");
    expect(fullHtml.lastIndexOf('name="productId"', notice)).toBe(fullHtml.lastIndexOf(`name="productId" value="${ids.crabapple}"`, notice));
  });

  it("refuses unpublished or unknown products and never redirects off-site", async () => {
    const c = httpClient(app.url);
    for (const productId of [ids.draft, 999999]) {
      const res = await c.post("/shortlist/items", { intent: "add", productId, redirectTo: `/products/${productId}` });
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe(`/products/${productId}?shortlist=unavailable-${productId}`);
    }
    expect(await (await c.get("/shortlist")).text()).toContain("清单还是空的");
    for (const target of ["//evil.example", "https://evil.example/", "/\\evil.example"]) {
      const res = await c.post("/shortlist/items", { intent: "add", productId: ids.liquor, redirectTo: target });
      expect(res.headers.get("location")).toBe("/shortlist");
    }
  });

  it("merges into the account at sign-in, without duplicates, and shows it signed in", async () => {
    const account = await createAccount(t.db, { organizationName: "对比清单测试社" });
    // the account already holds the liquor, saved from another device
    const elsewhere = httpClient(app.url);
    await elsewhere.signIn(account.email, account.password);
    await elsewhere.post("/shortlist/items", { intent: "add", productId: ids.liquor });

    const visitor = httpClient(app.url);
    await visitor.post("/shortlist/items", { intent: "add", productId: ids.liquor });
    await visitor.post("/shortlist/items", { intent: "add", productId: ids.crabapple });
    const anonymousToken = tokenOf(visitor.jar.cookies.get("hd_shortlist")!);
    const signIn = await visitor.signIn(account.email, account.password);
    expect(signIn.status).toBe(302);
    expect(signIn.headers.getSetCookie().some((h) => /^hd_shortlist=;.*Max-Age=0/i.test(h))).toBe(true);
    expect(visitor.jar.cookies.has("hd_shortlist")).toBe(false);

    const own = await t.db.selectFrom("shortlists").select("id").where("user_id", "=", account.id).executeTakeFirstOrThrow();
    const items = await t.db.selectFrom("shortlist_items").select("product_id").where("shortlist_id", "=", own.id).orderBy("product_id").execute();
    expect(items.map((i) => i.product_id)).toEqual([ids.liquor, ids.crabapple].sort((a, b) => a - b));
    expect(await t.db.selectFrom("shortlists").select("id").where("token_hash", "=", sha256(anonymousToken)).executeTakeFirst()).toBeUndefined();

    const page = await (await visitor.get("/shortlist")).text();
    expect(page).toContain("清单已保存在您的账号中");
    expect(page).toContain("示例互助青稞酒 42度 500毫升");
    expect(page).toContain("示例乐都沙果 鲜果");
    // the other device sees the merged list too
    expect(await (await elsewhere.get("/shortlist")).text()).toContain("示例乐都沙果 鲜果");
  });

  it("is purged 30 days after its last change, and hidden from then on", async () => {
    const old = httpClient(app.url);
    await old.post("/shortlist/items", { intent: "add", productId: ids.garlic });
    const recent = httpClient(app.url);
    await recent.post("/shortlist/items", { intent: "add", productId: ids.garlic });
    const hashOf = (c: ReturnType<typeof httpClient>) => sha256(tokenOf(c.jar.cookies.get("hd_shortlist")!));
    await t.db
      .updateTable("shortlists")
      .set({ updated_at: sql`now() - interval '31 days'` })
      .where("token_hash", "=", hashOf(old))
      .execute();
    await t.db
      .updateTable("shortlists")
      .set({ updated_at: sql`now() - interval '29 days'` })
      .where("token_hash", "=", hashOf(recent))
      .execute();
    // an account's list is never purged, however old
    const account = await createAccount(t.db);
    const own = await t.db
      .insertInto("shortlists")
      .values({ user_id: account.id, updated_at: sql`now() - interval '400 days'` })
      .returning("id")
      .executeTakeFirstOrThrow();

    expect(await (await old.get("/shortlist")).text()).toContain("清单还是空的");
    expect(await (await recent.get("/shortlist")).text()).toContain("示例乐都紫皮大蒜");

    expect(await purgeExpiredShortlists(t.db)).toBeGreaterThanOrEqual(1);
    expect(await t.db.selectFrom("shortlists").select("id").where("token_hash", "=", hashOf(old)).executeTakeFirst()).toBeUndefined();
    expect(await t.db.selectFrom("shortlists").select("id").where("token_hash", "=", hashOf(recent)).executeTakeFirst()).toBeDefined();
    expect(await t.db.selectFrom("shortlists").select("id").where("id", "=", own.id).executeTakeFirst()).toBeDefined();
    const orphans = await sql<{
      n: number;
    }>`select count(*)::int as n from shortlist_items i where not exists (select 1 from shortlists s where s.id = i.shortlist_id)`.execute(t.db);
    expect(orphans.rows[0]!.n).toBe(0);

    // adding again starts a fresh list under a fresh token
    await old.post("/shortlist/items", { intent: "add", productId: ids.pepper });
    const html = await (await old.get("/shortlist")).text();
    expect(html).toContain("示例循化大红袍花椒");
    expect(html).not.toContain("示例乐都紫皮大蒜");
  });
});

describe("comparison", () => {
  const columnHeaders = (html: string) => [...html.matchAll(/<th scope="col"[^>]*>(.*?)<\/th>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ""));
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  /** The cells of one row of the comparison, as text (content spans carry their own lang, so tags are dropped). */
  const row = (html: string, label: string) =>
    [...(html.match(new RegExp(`<th scope="row">${escape(label)}</th>(.*?)</tr>`))?.[1] ?? "").matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => text(m[1]!));

  it("puts up to four products side by side in an accessible table, GI and brand only where the badge rule holds", async () => {
    const res = await httpClient(app.url).get(`/shortlist/compare?ids=${ids.liquor},${ids.cherry}&ids=${ids.yak}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<caption id="compare-caption">3 件产品的并排对比/);
    expect(html).toContain('role="region" aria-labelledby="compare-caption" tabindex="0"');
    expect(columnHeaders(html)).toEqual(["示例互助青稞酒 42度 500毫升", "示例乐都大樱桃", "示例白牦牛肉 冷冻分割"]);
    expect(row(html, "地理标志及有效期")).toEqual([
      "互助青稞酒 — 经公告核准使用 (示例公告 2020 第 1 号), 有效期 2020-01-01 至 2030-12-31",
      "无", // pending authorisation: no claim
      "无", // expired authorisation: no claim
    ]);
    expect(row(html, "区域公用品牌及有效期")[0]).toBe("黄河彩篮 — 示例许可 HHCL-001, 有效期 2023-01-01 至 2028-12-31");
    // the producer's own words keep their language inside the English interface
    const en = await (await httpClient(app.url).get(`/shortlist/compare?lang=en&ids=${ids.liquor}`)).text();
    expect(en).toContain('<span lang="zh-CN">80–120 元/瓶</span>');
    expect(row(en, "Provinces served")).toEqual(["Qinghai, Gansu, Beijing, Shanghai"]);
    for (const label of ["产地(区县 · 乡镇)", "认证", "供应月份", "起订量", "包装规格", "储存方式", "参考价格", "年供应量", "销售区域"]) {
      expect(html, label).toContain(`<th scope="row">${label}</th>`);
    }
    expect(row(html, "认证")[0]).toBe("绿色食品 (LB-33-2101630001, 有效期至 2027-06-30)");
  });

  it("refuses a fifth product with a message naming it, in the visitor's language", async () => {
    const five = [ids.liquor, ids.crabapple, ids.cherry, ids.yak, ids.garlic];
    const html = await (await httpClient(app.url).get(`/shortlist/compare?${five.map((id) => `ids=${id}`).join("&")}`)).text();
    expect(columnHeaders(html)).toHaveLength(4);
    expect(text(html)).toContain("最多同时对比 4 件产品。以下产品未加入对比:示例乐都紫皮大蒜。");
    const en = await (await httpClient(app.url).get(`/shortlist/compare?lang=en&${five.map((id) => `ids=${id}`).join("&")}`)).text();
    expect(text(en)).toContain("At most 4 products can be compared at once. Not compared: Sample Ledu purple-skin garlic.");
  });

  it("takes the first four of the shortlist without ids, and ignores junk ids", async () => {
    const c = httpClient(app.url);
    for (const id of [ids.pepper, ids.garlic]) await c.post("/shortlist/items", { intent: "add", productId: id });
    expect(columnHeaders(await (await c.get("/shortlist/compare")).text())).toEqual(["示例循化大红袍花椒", "示例乐都紫皮大蒜"]);
    const junk = await c.get("/shortlist/compare?ids=abc&ids=-1&ids=99999999999999999999&ids=1e3");
    expect(junk.status).toBe(200);
    expect(await junk.text()).toContain("没有可对比的产品");
  });
});

describe("export", () => {
  it("exports the shortlist as UTF-8 CSV with BOM, safe from spreadsheet formulas", async () => {
    const c = httpClient(app.url);
    for (const id of [ids.liquor, ids.formula]) await c.post("/shortlist/items", { intent: "add", productId: id });
    const res = await c.get("/shortlist.csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="shortlist-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text).toContain("\r\n");
    const rows = parse(text.slice(1), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    const [liquor, formula] = rows as [Record<string, string>, Record<string, string>];
    expect(Object.keys(liquor).slice(0, 4)).toEqual(["产品名称", "英文名称", "生产者", "产地(区县 · 乡镇)"]);
    expect(liquor["产品名称"]).toBe("示例互助青稞酒 42度 500毫升");
    expect(liquor["地理标志及有效期"]).toContain("互助青稞酒");
    expect(liquor["链接"]).toBe(`${app.url}/products/${ids.liquor}`);
    // every cell that would start with = + - @ gets a leading apostrophe; quotes and commas survive RFC 4180 quoting
    expect(formula["产品名称"]).toBe(`'=HYPERLINK("http://evil.example","点我")`);
    expect(formula["英文名称"]).toBe("'@SUM(A1:A9)");
    expect(formula["参考价格"]).toBe("'+86 元/公斤");
    expect(formula["包装规格"]).toBe("'-5公斤/箱、10公斤,礼盒");
    expect(formula["起订量"]).toBe('3 箱"特价"');
    for (const row of rows) for (const cell of Object.values(row)) expect(cell, cell).not.toMatch(/^[=+\-@]/);
  });

  it("names the columns in English for English readers", async () => {
    const c = httpClient(app.url);
    await c.post("/shortlist/items", { intent: "add", productId: ids.crabapple });
    const text = (await (await c.get("/shortlist.csv?lang=en")).text()).replace(/^\uFEFF/, "");
    expect(text.split("\r\n")[0]).toMatch(/^Product name \(Chinese\),Product name \(English\),Producer,/);
    expect(text).toContain("Sample Ledu crabapple, fresh");
  });

  it("prints the shortlist with the producers' public contacts only", async () => {
    const c = httpClient(app.url);
    await c.post("/shortlist/items", { intent: "add", productId: ids.liquor });
    const html = await (await c.get("/shortlist/print")).text();
    expect(html).toContain('class="print-sheet"');
    expect(html).toContain("sales@distillery.example.com");
    expect(html).not.toContain("13800000000");
  });
});
