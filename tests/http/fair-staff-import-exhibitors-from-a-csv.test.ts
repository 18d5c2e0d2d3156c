import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withCheckCharacter } from "../../app/domain/credit-code";
import { createAccount } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { httpClient } from "../support/buyers";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { seedSampleFair } from "../support/events";

// Fair staff upload the exhibitor list as a spreadsheet on the manage screen, see what it would do, and confirm —
// without JavaScript: the upload and the confirm are plain multipart posts.

let t: TestDatabase;
let app: TestApp;
let fair: Awaited<ReturnType<typeof seedSampleFair>>;
let web: ReturnType<typeof httpClient>;
let manage: string;

const CODE_KNOWN = withCheckCharacter("93630202MA7L8Q2K0");
const CODE_NEW = withCheckCharacter("91630223MA7L8Q2K1");

beforeAll(async () => {
  t = await createTestDatabase();
  fair = await seedSampleFair(t.db);
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: `exim${process.pid}_`, env: { DATA_DIR: fair.dataDir } });
  const staff = await createAccount(t.db, { role: "fair_staff" });
  web = httpClient(app.url);
  expect((await web.signIn(staff.email, staff.password)).status).toBe(302);
  manage = `/events/${fair.eventId}/manage`;
});
afterAll(async () => {
  await app?.stop();
  fair?.cleanup();
  await t?.drop();
});

async function post(client: ReturnType<typeof httpClient>, fields: Record<string, string | string[]>, file?: { name: string; text: string }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) form.append(k, item);
  if (file) form.append("file", new Blob([file.text], { type: "text/csv" }), file.name);
  const res = await fetch(`${app.url}${manage}`, { method: "POST", redirect: "manual", headers: { origin: app.url, cookie: client.jar.header() }, body: form });
  return { status: res.status, html: await res.text() };
}

const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
function hidden(html: string, name: string) {
  return [...html.matchAll(new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`, "g"))].map((m) => unescape(m[1]!));
}
const text = (html: string) => unescape(html.replace(/<[^>]+>/g, ""));

async function exhibitors() {
  return t.db
    .selectFrom("event_exhibitors as x")
    .innerJoin("organizations as o", "o.id", "x.organization_id")
    .select(["x.organization_id", "x.hall", "x.booth", "x.withdrawn_at", "o.name_zh", "o.status"])
    .where("x.event_id", "=", fair.eventId)
    .orderBy("x.booth")
    .execute();
}

describe("fair staff import exhibitors from a CSV", () => {
  let known: { id: number };
  let withdrawn: { organization_id: number; name_zh: string };

  beforeAll(async () => {
    known = await t.db
      .insertInto("organizations")
      .values({ name_zh: "导入测试樱桃合作社", credit_code: CODE_KNOWN, status: "published", org_type: "cooperative" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const [, second] = await exhibitors();
    withdrawn = second!;
    await t.db.updateTable("event_exhibitors").set({ withdrawn_at: new Date() }).where("organization_id", "=", withdrawn.organization_id).execute();
  });

  it("previews every problem by row and column and writes nothing while any row is wrong", async () => {
    const before = await exhibitors();
    const file = `展馆,展位,统一社会信用代码,单位名称\nC,C01,${CODE_KNOWN},\nA,A02,,${withdrawn.name_zh}\nC,C02,${CODE_NEW},新来的家庭农场\nC,,,没有展位的单位\n`;
    const res = await post(web, { intent: "import-exhibitors" }, { name: "exhibitors.csv", text: file });
    expect(res.status).toBe(400);
    const page = text(res.html);
    expect(page).toContain("exhibitors.csv 第 5 行,展位 列:");
    expect(page).toContain("参展单位表格: 文件中有 1 处问题,没有导入任何内容");
    // the field's code never reaches the user, only its label
    expect(page).not.toContain("file:");
    expect(hidden(res.html, "rows")).toEqual([]);
    expect(await exhibitors()).toEqual(before);
  });

  it("adds, restores and creates a draft organisation for review, all on one confirm", async () => {
    const file = `展馆,展位,统一社会信用代码,单位名称\nC,C01,${CODE_KNOWN},\nA,A02,,${withdrawn.name_zh}\nC,C02,${CODE_NEW},新来的家庭农场\n`;
    const preview = await post(web, { intent: "import-exhibitors" }, { name: "exhibitors.csv", text: file });
    expect(preview.status).toBe(200);
    const page = text(preview.html);
    expect(page).toContain("新增 1 家,恢复 1 家,调整展位 0 家,新建待审核单位 1 家,未变 0 家");
    expect(page).toContain("新来的家庭农场");
    // the preview wrote nothing
    expect((await exhibitors()).some((x) => x.booth === "C01")).toBe(false);

    const confirm = {
      intent: "import-exhibitors-confirm",
      file_name: "exhibitors.csv",
      digest: hidden(preview.html, "digest")[0]!,
      rows: hidden(preview.html, "rows"),
    };
    // an edited hidden field plans differently from what was previewed: nothing is written, a new preview is shown
    const tampered = await post(web, { ...confirm, digest: "x" });
    expect(tampered.status).toBe(409);
    expect(text(tampered.html)).toContain("预览之后参展单位或目录有了变化");
    expect((await exhibitors()).some((x) => x.booth === "C01")).toBe(false);

    const done = await post(web, confirm);
    expect(done.status).toBe(200);
    expect(text(done.html)).toContain("已导入:新增 1 家,恢复 1 家,调整展位 0 家,新建待审核单位 1 家");
    const after = await exhibitors();
    expect(after.find((x) => x.booth === "C01")).toMatchObject({ organization_id: known.id, hall: "C", withdrawn_at: null });
    expect(after.find((x) => x.organization_id === withdrawn.organization_id)).toMatchObject({ booth: "A02", withdrawn_at: null });
    expect(after.find((x) => x.booth === "C02")).toMatchObject({ name_zh: "新来的家庭农场", status: "submitted" });
    const draft = await t.db.selectFrom("organizations").selectAll().where("credit_code", "=", CODE_NEW).executeTakeFirstOrThrow();
    expect(draft).toMatchObject({ name_zh: "新来的家庭农场", status: "submitted" });
    expect(draft.submitted_at).not.toBeNull();
    // the public does not see a name reviewers have not checked; fair staff see it marked as under review
    expect(await (await fetch(`${app.url}/events/${fair.eventId}`)).text()).not.toContain("新来的家庭农场");
    expect(await (await fetch(`${app.url}/events/${fair.eventId}/list`)).text()).not.toContain("新来的家庭农场");
    expect(text(await (await web.get(`/events/${fair.eventId}/manage`)).text())).toContain("新来的家庭农场 待审核,公众暂不可见");

    // the same confirm again would now change nothing: it asks for a new preview instead of repeating itself
    expect((await post(web, confirm)).status).toBe(409);
    expect(await t.db.selectFrom("organizations").select("id").where("name_zh", "=", "新来的家庭农场").execute()).toHaveLength(1);
  });

  it("refuses a booth taken twice in the file or held by another exhibitor", async () => {
    const [holder] = (await exhibitors()).filter((x) => x.withdrawn_at === null && x.booth === "A01");
    const file = `hall,booth,name\nD,D01,甲单位\nd,d 01,乙单位\nA,A01,丙单位\n`;
    const res = await post(web, { intent: "import-exhibitors" }, { name: "dup.csv", text: file });
    expect(res.status).toBe(400);
    const page = text(res.html);
    expect(page).toContain("dup.csv 第 3 行,booth 列:与第 2 行是同一个展位");
    expect(page).toContain(`dup.csv 第 4 行,booth 列:该展位号已被 ${holder!.name_zh} 使用`);
    expect(await t.db.selectFrom("organizations").select("id").where("name_zh", "in", ["甲单位", "乙单位", "丙单位"]).execute()).toEqual([]);
  });

  it("is for fair staff only: a producer can neither preview, confirm nor download the template", async () => {
    const producer = await createAccount(t.db, { role: "producer", organizationName: "别家合作社" });
    const other = httpClient(app.url);
    expect((await other.signIn(producer.email, producer.password)).status).toBe(302);
    const file = { name: "x.csv", text: "booth,name\nE01,别家合作社\n" };
    expect((await post(other, { intent: "import-exhibitors" }, file)).status).toBe(403);
    expect((await post(other, { intent: "import-exhibitors-confirm", digest: "x", rows: '[[2,"","E01","","别家合作社"]]' })).status).toBe(403);
    expect((await other.get("/events/exhibitor-import-template.csv")).status).toBe(403);
    expect((await exhibitors()).some((x) => x.booth === "E01")).toBe(false);

    const template = await web.get("/events/exhibitor-import-template.csv");
    expect(template.status).toBe(200);
    // a UTF-8 BOM first (fetch's text() drops it), so Excel on Chinese Windows opens it as UTF-8
    const bytes = Buffer.from(await template.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString("utf8")).toBe("展馆,展位,统一社会信用代码,单位名称\r\n");
    expect(await (await web.get("/events/exhibitor-import-template.csv?lang=en")).text()).toBe("hall,booth,credit_code,name\r\n");
  });
});
