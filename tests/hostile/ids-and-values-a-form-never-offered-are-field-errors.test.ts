import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withCheckCharacter } from "../../app/domain/credit-code";
import { createAccount, signInOverHttp } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

// Issue 15: `county_id=99999` on the organisation form was a 500, and on a published organisation a revision the
// reviewer then could not approve (500 at approval); `0x10` was read as 16; names took bidirectional overrides.

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let app: TestApp;
let producerCookie: string;
let reviewerCookie: string;
let organizationId: number;
let countyId: number;

const post = (path: string, cookie: string, fields: Record<string, string>) =>
  fetch(`${app.url}${path}`, { method: "POST", redirect: "manual", headers: { cookie, origin: app.url }, body: new URLSearchParams(fields) });

const organization = (overrides: Record<string, string>) => ({
  name_zh: "边界测试合作社",
  credit_code: withCheckCharacter("93630223MA7Q00099"),
  org_type: "cooperative",
  county_id: String(countyId),
  ...overrides,
});

beforeAll(async () => {
  t = await createTestDatabase();
  search = await createTestSearch();
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix });
  countyId = (await t.db.selectFrom("places").select("id").where("kind", "=", "county").orderBy("id").executeTakeFirstOrThrow()).id;
  const producer = await createAccount(t.db, { organizationName: "边界测试合作社" });
  organizationId = producer.organizationId!;
  await t.db.updateTable("organizations").set({ county_id: countyId }).where("id", "=", organizationId).execute();
  producerCookie = (await signInOverHttp(app.url, producer.email, producer.password)).cookie;
  const reviewer = await createAccount(t.db, { role: "reviewer" });
  reviewerCookie = (await signInOverHttp(app.url, reviewer.email, reviewer.password)).cookie;
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await search?.drop();
  await t?.drop();
});

describe("a producer posting an id the county list never offered gets a field error, and nothing is written", () => {
  it.each(["99999", "2147483648", "9007199254740991"])("county_id=%s on a draft organisation", async (county) => {
    const before = await t.db.selectFrom("organizations").selectAll().where("id", "=", organizationId).executeTakeFirstOrThrow();
    const res = await post("/producer/organization", producerCookie, organization({ county_id: county }));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("请从列表中选择");
    expect(await t.db.selectFrom("organizations").selectAll().where("id", "=", organizationId).executeTakeFirstOrThrow()).toEqual(before);
  });

  it("on a published organisation no revision reaches the review queue", async () => {
    await t.db.updateTable("organizations").set({ status: "published" }).where("id", "=", organizationId).execute();
    const res = await post("/producer/organization", producerCookie, organization({ county_id: "99999" }));
    expect(res.status).toBe(400);
    const revisions = await t.db
      .selectFrom("record_revisions")
      .select("id")
      .where("entity_type", "=", "organization")
      .where("entity_id", "=", organizationId)
      .execute();
    expect(revisions).toEqual([]);
  });

  it("a revision written before the check (or whose county went away) is refused at approval with a message, not a 500", async () => {
    const ok = await post("/producer/organization", producerCookie, organization({ name_zh: "边界测试合作社(改名)" }));
    expect(ok.status).toBeLessThan(400);
    const revision = await t.db
      .selectFrom("record_revisions")
      .select("id")
      .where("entity_type", "=", "organization")
      .where("entity_id", "=", organizationId)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    await t.db
      .updateTable("record_revisions")
      .set({ data: sql`data || '{"county_id": 99999}'::jsonb`, status: "submitted", submitted_at: new Date() })
      .where("id", "=", revision.id)
      .execute();
    const page = await fetch(`${app.url}/staff/review/revision/${revision.id}`, { headers: { cookie: reviewerCookie } });
    const version = /name="version" value="([^"]*)"/.exec(await page.text())?.[1] ?? "";
    const res = await post(`/staff/review/revision/${revision.id}`, reviewerCookie, { decision: "approve", comment: "", version });
    expect(res.status, app.output().slice(-3000)).toBe(409);
    expect(await res.text()).toContain("县区已不存在");
    const live = await t.db.selectFrom("organizations").select(["name_zh", "county_id"]).where("id", "=", organizationId).executeTakeFirstOrThrow();
    expect(live).toEqual({ name_zh: "边界测试合作社", county_id: countyId });
  });
});

describe("field values that read as something else are refused with a field error", () => {
  it.each([
    ["0x10", "county_id"],
    ["1e1", "county_id"],
    ["Infinity", "county_id"],
  ])("%s in a number field", async (value) => {
    const res = await post("/producer/organization", producerCookie, organization({ county_id: value }));
    expect(res.status).toBe(400);
  });

  it("full-width digits typed with a Chinese input method are read as the number", async () => {
    const fullWidth = String(countyId).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const res = await post("/producer/organization", producerCookie, organization({ county_id: fullWidth, address: "全角数字测试地址" }));
    expect(res.status).toBeLessThan(400);
  });

  it.each(["abc\u202egpj.exe", "名称\u2066隔离\u2069", "\u202a左到右"])("a name with a bidirectional control: %j", async (name) => {
    const res = await post("/producer/organization", producerCookie, organization({ name_zh: name }));
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/控制字符|control character/);
  });
});
