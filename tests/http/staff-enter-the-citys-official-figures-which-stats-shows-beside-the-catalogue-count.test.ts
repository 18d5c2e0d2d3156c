import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInChina } from "../../app/platform/china-time";
import { createAccount, signInOverHttp } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

// Issue 21: the catalogue holds only some of Haidong's trademarks, so market-regulation staff enter the city's own
// figure per year with its source on /staff/figures; /stats shows it beside the catalogue's count and takes the share
// of the 2025 target from it, never from the catalogue. Every change is audited; nobody else may make one.

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let app: TestApp;
let reviewer: { id: number; cookie: string };
let producer: string;
const thisYear = Number(todayInChina().slice(0, 4));

beforeAll(async () => {
  t = await createTestDatabase();
  search = await createTestSearch();
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix });
  const r = await createAccount(t.db, { role: "reviewer" });
  reviewer = { id: r.id, cookie: (await signInOverHttp(app.url, r.email, r.password)).cookie };
  const p = await createAccount(t.db, { organizationName: "官方数字测试合作社" });
  producer = (await signInOverHttp(app.url, p.email, p.password)).cookie;
});

afterAll(async () => {
  await app?.stop();
  await search?.drop();
  await t?.drop();
});

const get = (path: string, cookie = "") => fetch(`${app.url}${path}`, { headers: { cookie }, redirect: "manual" });
const post = (path: string, cookie: string, body: Record<string, string>) =>
  fetch(`${app.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie, origin: app.url, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(body),
  });
/** The page's text, tags removed and entities that matter here decoded, for asserting what a reader sees. */
const text = async (res: Response) =>
  (await res.text())
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

const figure = {
  intent: "save",
  metric: "valid_trademarks",
  year: "2025",
  value: "9,876",
  source_text: "海东市市场监督管理局 2025 年知识产权工作总结",
  source_url: "https://www.haidong.gov.cn/example/2026-01-15.html",
};
const rows = () => t.db.selectFrom("official_figures").selectAll().execute();
const audit = (action: string) =>
  t.db.selectFrom("audit_log").select(["actor_id", "entity_id", "before", "after"]).where("action", "=", action).orderBy("id").execute();

describe("/staff/figures", () => {
  it("is refused to visitors and producers, and a producer's post changes nothing", async () => {
    const anonymous = await get("/staff/figures");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/login/);
    expect((await get("/staff/figures", producer)).status).toBe(403);
    expect((await post("/staff/figures", producer, figure)).status).toBe(403);
    expect(await rows()).toEqual([]);
  });

  it("refuses a cross-site post", async () => {
    const res = await fetch(`${app.url}/staff/figures`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie: reviewer.cookie, origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(figure),
    });
    expect(res.status).toBe(403);
    expect(await rows()).toEqual([]);
  });

  it("answers bad input with 400, naming each wrong field by its label in the reader's language, and saves nothing", async () => {
    const bad = { ...figure, year: String(thisYear + 1), value: "-3", source_text: " ", source_url: "http://example.cn/x" };
    const zh = await post("/staff/figures", reviewer.cookie, bad);
    expect(zh.status).toBe(400);
    const zhText = await text(zh);
    expect(zhText).toContain(`年份: 应为 2000 到 ${thisYear} 之间的年份`);
    expect(zhText).toContain("数字: 应为不小于 0 的整数");
    expect(zhText).toContain("来源: 必填");
    expect(zhText).toContain("来源网址(可不填): 网址应以 https:// 开头");
    const en = await post("/staff/figures?lang=en", reviewer.cookie, bad);
    expect(en.status).toBe(400);
    const enText = await text(en);
    expect(enText).toContain(`Year: must be a whole year from 2000 to ${thisYear}`);
    expect(enText).toContain("Figure: must be a whole number, 0 or more");
    expect(enText).toContain("Web address of the source (optional): must start with https://");
    expect(await rows()).toEqual([]);
  });

  it("adds a year's figure, replaces it when entered again, and deletes it, each with its audit entry; /stats follows", async () => {
    const saved = await post("/staff/figures", reviewer.cookie, figure);
    expect(saved.status).toBe(200);
    expect(await text(saved)).toContain("已保存:商标有效注册量 2025 年");
    const [row] = await rows();
    expect(row).toMatchObject({ metric: "valid_trademarks", year: 2025, value: 9876, source_url: figure.source_url, entered_by: reviewer.id });
    expect(await audit("official_figure_set")).toEqual([
      { actor_id: reviewer.id, entity_id: row!.id, before: null, after: expect.objectContaining({ value: 9876, year: 2025 }) },
    ]);

    // /stats: the official figure and its source beside the catalogue's count, and the target's share from it
    let stats = await text(await get("/stats"));
    expect(stats).toMatch(/商标有效注册量 2025 9,876 0 海东市市场监督管理局 2025 年知识产权工作总结/);
    expect(stats).toContain("全市官方数字:2025 年商标有效注册量 9,876 件,为 2025 年目标的 82.3%");
    expect(stats).not.toContain("尚未录入全市商标有效注册量的官方数字");
    const csv = await (await get("/stats/official.csv")).text();
    expect(csv).toContain(`valid_trademarks,商标有效注册量,Valid trademark registrations,2025,9876,0,${figure.source_text},${figure.source_url},`);

    // the same measure and year again: one figure, replaced, the audit entry holding both
    const again = await post("/staff/figures", reviewer.cookie, { ...figure, value: "10200", source_url: "" });
    expect(again.status).toBe(200);
    expect(await rows()).toEqual([expect.objectContaining({ id: row!.id, value: 10200, source_url: null })]);
    expect((await audit("official_figure_set"))[1]).toEqual({
      actor_id: reviewer.id,
      entity_id: row!.id,
      before: expect.objectContaining({ value: 9876 }),
      after: expect.objectContaining({ value: 10200 }),
    });
    const list = await text(await get("/staff/figures", reviewer.cookie));
    expect(list).toContain("10,200");

    const deleted = await post("/staff/figures", reviewer.cookie, { intent: "delete", id: String(row!.id) });
    expect(deleted.status).toBe(200);
    expect(await text(deleted)).toContain("已删除:商标有效注册量 2025 年");
    expect(await rows()).toEqual([]);
    expect(await audit("official_figure_delete")).toEqual([
      { actor_id: reviewer.id, entity_id: row!.id, before: expect.objectContaining({ value: 10200 }), after: null },
    ]);
    expect((await post("/staff/figures", reviewer.cookie, { intent: "delete", id: String(row!.id) })).status).toBe(404);
    stats = await text(await get("/stats"));
    expect(stats).toContain("尚未录入全市商标有效注册量的官方数字");
  });
});
