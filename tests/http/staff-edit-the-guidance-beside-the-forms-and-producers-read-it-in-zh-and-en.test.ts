import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_GUIDANCE } from "../../app/guidance/default-texts";
import { listAudit } from "../../db/queries/audit";
import { createAccount, signInOverHttp } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

// The guidance beside the forms (issue 21) through the running app: the public /guide pages in zh and en, the asides
// on the producer's trademark and claim forms, and staff editing at /staff/guidance (only staff, field errors in the
// staff member's language, every save audited).

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let app: TestApp;
let reviewer: { id: number; cookie: string };
let producer: string;

beforeAll(async () => {
  t = await createTestDatabase();
  search = await createTestSearch();
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix });
  const r = await createAccount(t.db, { role: "reviewer" });
  reviewer = { id: r.id, cookie: (await signInOverHttp(app.url, r.email, r.password)).cookie };
  const p = await createAccount(t.db, { organizationName: "指导测试合作社" });
  producer = (await signInOverHttp(app.url, p.email, p.password)).cookie;
});
afterAll(async () => {
  await app?.stop();
  await search?.drop();
  await t?.drop();
});

const get = (p: string, cookie = "") => fetch(`${app.url}${p}`, { headers: { cookie }, redirect: "manual" });
const post = (p: string, cookie: string, body: Record<string, string>) =>
  fetch(`${app.url}${p}`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie, origin: app.url, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(body),
  });
/** The page's text without tags, so a phrase split by a lang="zh-CN" span still reads as one. */
const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&quot;/g, '"');
/** The form field that holds `name`, with its label, hint and error. */
const fieldOf = (html: string, name: string) =>
  html
    .split('<div class="field">')
    .find((chunk) => chunk.includes(`name="${name}"`))
    ?.split("</div>")[0] ?? "";

describe("the public guidance pages", () => {
  it("a producer choosing Nice classes reads which class covers 青稞酒, in Chinese and in English", async () => {
    const zh = await get("/guide/nice-classes");
    expect(zh.status).toBe(200);
    const zhHtml = await zh.text();
    // what a search engine shows under the link: the topic's summary, which names the class
    expect(zhHtml).toMatch(/<meta name="description" content="[^"]*青稞酒在第33类/);
    const zhText = text(zhHtml);
    expect(zhText).toContain("第33类 酒(啤酒除外):青稞酒");
    expect(zhText).toContain("以《类似商品和服务区分表》为准");
    expect(zhText).toContain("指导站的联系方式尚未公布");

    const en = text(await (await get("/guide/nice-classes?lang=en")).text());
    expect(en).toContain("Class 33, alcoholic beverages except beer: highland barley liquor (青稞酒)");
    expect(en).toContain("contact details have not been published yet");
  });

  it("lists every topic on /guide, links plain https URLs only, and answers 404 for an unknown topic", async () => {
    const index = await (await get("/guide")).text();
    for (const topic of Object.keys(DEFAULT_GUIDANCE)) expect(index).toContain(`href="/guide/${topic}"`);
    const registration = await (await get("/guide/trademark-registration")).text();
    expect(registration).toContain('href="https://sbj.cnipa.gov.cn"');
    expect((await get("/guide/no-such-topic")).status).toBe(404);
  });
});

describe("guidance beside the producer's forms", () => {
  it("the trademark form shows the Nice class and renewal guidance next to its fields, the claim form the GI mark and regional brand", async () => {
    const trademark = text(await (await get("/producer/trademarks/new", producer)).text());
    expect(trademark).toContain(DEFAULT_GUIDANCE["nice-classes"].title_zh);
    expect(trademark).toContain(DEFAULT_GUIDANCE.renewal.title_zh);
    expect(trademark).toContain(`阅读全文:${DEFAULT_GUIDANCE.renewal.title_zh}`);
    const claims = text(await (await get("/producer/claims", producer)).text());
    expect(claims).toContain(DEFAULT_GUIDANCE["gi-special-mark"].title_zh);
    expect(claims).toContain(DEFAULT_GUIDANCE["regional-brand"].title_zh);
    expect(await (await get("/producer", producer)).text()).toContain('href="/guide"');
  });
});

describe("staff edit the guidance", () => {
  it("is closed to producers (403) and to visitors (sent to sign in)", async () => {
    expect((await get("/staff/guidance", producer)).status).toBe(403);
    expect((await post("/staff/guidance/renewal", producer, { title_zh: "x", body_zh: "y" })).status).toBe(403);
    const visitor = await get("/staff/guidance/renewal");
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("location")).toContain("/login");
  });

  it("names the wrong field in the staff member's language and saves nothing", async () => {
    const zh = await post("/staff/guidance/renewal", reviewer.cookie, { intent: "save", title_zh: "", body_zh: "正文", title_en: "", body_en: "" });
    expect(zh.status).toBe(400);
    const zhField = fieldOf(await zh.text(), "title_zh");
    expect(zhField).toContain("标题(中文)");
    expect(zhField).toContain("必填");

    const en = await post("/staff/guidance/renewal?lang=en", reviewer.cookie, {
      intent: "save",
      title_zh: "续展",
      body_zh: "正文",
      title_en: "Renewal",
      body_en: "",
    });
    expect(en.status).toBe(400);
    const enField = fieldOf(await en.text(), "title_en");
    expect(enField).toContain("Title (English, optional)");
    expect(enField).toContain("fill in the English title and English text together, or neither");
    expect((await listAudit(t.db, { entityType: "guidance_text" })).total).toBe(0);
  });

  it("a saved text is what producers read, audited; restoring brings the default back", async () => {
    const saved = await post("/staff/guidance/renewal", reviewer.cookie, {
      intent: "save",
      title_zh: "商标续展要趁早",
      body_zh: "到期前一年就可以续展。\n\n- 详见 https://sbj.cnipa.gov.cn\n- <script>alert(1)</script>",
      title_en: "",
      body_en: "",
    });
    expect(saved.status).toBe(200);
    expect(text(await saved.text())).toContain("已保存");
    const page = await (await get("/guide/renewal")).text();
    expect(text(page)).toContain("商标续展要趁早");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).not.toContain("<script>alert(1)");
    // the English page shows the Chinese text, marked as such
    const en = await (await get("/guide/renewal?lang=en")).text();
    expect(en).toMatch(/<h1 lang="zh-CN">商标续展要趁早<\/h1>/);
    expect(text(en)).toContain("no English yet; shown in Chinese");

    const log = await listAudit(t.db, { entityType: "guidance_text" });
    expect(log.rows[0]).toMatchObject({ action: "change", actor_id: reviewer.id, note: "renewal" });

    expect((await post("/staff/guidance/renewal", reviewer.cookie, { intent: "restore" })).status).toBe(200);
    expect(text(await (await get("/guide/renewal")).text())).toContain(DEFAULT_GUIDANCE.renewal.title_zh);
    expect((await listAudit(t.db, { entityType: "guidance_text" })).rows[0]).toMatchObject({ action: "guidance_restore", actor_id: reviewer.id });
  });

  it("the station's contact saved by staff appears on the guide and beside the forms; a bad phone is refused", async () => {
    const bad = await post("/staff/guidance", reviewer.cookie, { name_zh: "海东市商标品牌指导站", phone: "call us" });
    expect(bad.status).toBe(400);
    expect(fieldOf(await bad.text(), "phone")).toContain("请只填写数字");
    const ok = await post("/staff/guidance", reviewer.cookie, { name_zh: "海东市商标品牌指导站", phone: "0972-1234567", hours_zh: "工作日上午" });
    expect(ok.status).toBe(200);
    const guide = text(await (await get("/guide/gi-special-mark")).text());
    expect(guide).toContain("海东市商标品牌指导站");
    expect(guide).toContain("工作日上午");
    const claims = await (await get("/producer/claims", producer)).text();
    expect(claims).toContain('href="tel:09721234567"');
    const audit = await listAudit(t.db, { entityType: "guidance_contact" });
    expect(audit.rows[0]).toMatchObject({ actor_id: reviewer.id, after: { phone: "0972-1234567" } });
  });
});
