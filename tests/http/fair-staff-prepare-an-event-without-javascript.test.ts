import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { httpClient, type Fields } from "../support/buyers";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { seedSampleFair } from "../support/events";

let t: TestDatabase;
let app: TestApp;
let fair: Awaited<ReturnType<typeof seedSampleFair>>;

beforeAll(async () => {
  t = await createTestDatabase();
  fair = await seedSampleFair(t.db);
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: `ev${process.pid}_`, env: { DATA_DIR: fair.dataDir } });
});
afterAll(async () => {
  await app?.stop();
  fair?.cleanup();
  await t?.drop();
});

describe("events over HTTP", () => {
  it("lists the published sample fair with its exhibitors, catalogue and addendum", async () => {
    const web = httpClient(app.url);
    const list = await web.get("/events");
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toContain("海东市特色农产品产销对接会(示例)");
    const page = await (await web.get(`/events/${fair.eventId}`)).text();
    expect(page).toContain("示例循化大红袍花椒");
    expect(page).toContain("当季新椒,可提供样品。");
    expect(page).toMatch(/第 1 版,截止于/);
    expect(page).toContain("补充目录(截止后加入)");
    expect(page).toContain("A01");
    // the printable catalogue is for everyone; the presenter and the kiosk are staff's tools for the venue screens
    expect(page).toContain(`href="/events/${fair.eventId}/print"`);
    expect(page).not.toContain(`href="/events/${fair.eventId}/present"`);
    expect(page).not.toContain(`href="/events/${fair.eventId}/kiosk"`);
    expect((await web.get("/events/new")).status).toBe(302);
  });

  it("lets fair staff create a draft, add an exhibitor, a section and entries, reorder them and freeze a version — forms only", async () => {
    const staff = await createAccount(t.db, { role: "fair_staff" });
    const web = httpClient(app.url);
    expect((await web.signIn(staff.email, staff.password)).status).toBe(302);
    const created = await web.post("/events/new", {
      name_zh: "乐都樱桃推介会",
      name_en: "Ledu Cherry Showcase",
      starts_on: "2027-06-01",
      ends_on: "2027-06-02",
      venue_zh: "乐都区文化广场",
      organiser_zh: "乐都区农业农村局",
      status: "draft",
    });
    expect(created.status).toBe(302);
    const manage = created.headers.get("location")!;
    const eventId = Number(manage.match(/\/events\/(\d+)\/manage/)![1]);
    // drafts stay hidden from the public
    expect((await fetch(`${app.url}/events/${eventId}`, { redirect: "manual" })).status).toBe(404);

    const cherry = await fair.product("示例乐都大樱桃");
    const garlic = await fair.product("示例乐都紫皮大蒜");
    expect((await web.post(manage, { intent: "add-exhibitor", organization_id: cherry.organization_id, hall: "C", booth: "C08" })).status).toBe(302);
    expect((await web.post(manage, { intent: "add-section", title_zh: "乐都", title_en: "Ledu" })).status).toBe(302);
    const section = await t.db.selectFrom("event_sections").select("id").where("event_id", "=", eventId).executeTakeFirstOrThrow();
    await web.post(manage, { intent: "add-entry", section_id: section.id, product_id: cherry.id, note_zh: "鲜果" });
    await web.post(manage, { intent: "add-entry", section_id: section.id, product_id: garlic.id });
    // not an exhibitor's product: refused
    const yak = await fair.product("示例白牦牛肉 冷冻分割");
    const refused = await web.post(manage, { intent: "add-entry", section_id: section.id, product_id: yak.id });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("只能添加参展单位已公开的产品");

    const garlicEntry = await t.db
      .selectFrom("event_entries")
      .select("id")
      .where("product_id", "=", garlic.id)
      .where("section_id", "=", section.id)
      .executeTakeFirstOrThrow();
    expect((await web.post(manage, { intent: "move-up", id: garlicEntry.id })).status).toBe(302);
    await web.post(manage, {
      intent: "save-event",
      name_zh: "乐都樱桃推介会",
      starts_on: "2027-06-01",
      ends_on: "2027-06-02",
      venue_zh: "乐都区文化广场",
      organiser_zh: "乐都区农业农村局",
      status: "published",
    });
    expect((await web.post(manage, { intent: "freeze", cutoff_at: "2027-05-20T18:00" })).status).toBe(302);

    const page = await (await fetch(`${app.url}/events/${eventId}`)).text();
    expect(page.indexOf("示例乐都紫皮大蒜")).toBeGreaterThan(0);
    expect(page.indexOf("示例乐都紫皮大蒜")).toBeLessThan(page.indexOf("示例乐都大樱桃"));
    // the cut-off was typed as China's wall-clock time and reads back as the same time (stored as 10:00 UTC)
    expect(page).toContain("第 1 版,截止于 2027-05-20 18:00(北京时间)");
    const frozen = await t.db.selectFrom("event_catalogue_versions").select("cutoff_at").where("event_id", "=", eventId).executeTakeFirstOrThrow();
    expect(frozen.cutoff_at.toISOString()).toBe("2027-05-20T10:00:00.000Z");
    expect(page).toContain("C08");
  });

  it("answers hand-made manage requests with 400, never a 500, and writes nothing", async () => {
    const staff = await createAccount(t.db, { role: "fair_staff" });
    const web = httpClient(app.url);
    await web.signIn(staff.email, staff.password);
    const manage = `/events/${fair.eventId}/manage`;
    const count = async () =>
      JSON.stringify(
        await Promise.all(
          (["events", "event_exhibitors", "event_sections", "event_entries"] as const).map(
            async (table) =>
              (
                await t.db
                  .selectFrom(table)
                  .select((eb) => eb.fn.countAll<number>().as("n"))
                  .executeTakeFirstOrThrow()
              ).n,
          ),
        ),
      );
    const before = await count();
    const banned = (
      await t.db
        .insertInto("organizations")
        .values({ name_zh: "失信测试单位", status: "published", credit_status: "serious" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    const draft = (await t.db.insertInto("organizations").values({ name_zh: "草稿测试单位", status: "draft" }).returning("id").executeTakeFirstOrThrow()).id;
    const attempts: Fields[] = [
      { intent: "remove-exhibitor", id: "abc" },
      { intent: "remove-entry" },
      { intent: "move-up", id: "99999999999999999999999" },
      { intent: "delete-section", id: "-1" },
      { intent: "save-note", id: "1.5", note_zh: "x" },
      { intent: "add-exhibitor", organization_id: 987654321, booth: "Z1" },
      { intent: "add-exhibitor", organization_id: banned, booth: "Z2" },
      { intent: "add-exhibitor", organization_id: draft, booth: "Z3" },
      { intent: "add-exhibitor", organization_id: "99999999999999999999", booth: "Z4" },
      { intent: "add-exhibitor", organization_id: banned, booth: "A\u0007B" },
      { intent: "add-section", title_zh: "分区\u0000" },
      { intent: "add-entry", section_id: "9223372036854775808", product_id: 1 },
      { intent: "save-event", name_zh: "改名", starts_on: "2027-02-30", ends_on: "2027-03-01", venue_zh: "会场", organiser_zh: "主办", status: "published" },
      { intent: "save-event", name_zh: "改名", starts_on: "2027-13-01", ends_on: "2027-13-02", venue_zh: "会场", organiser_zh: "主办", status: "published" },
      { intent: "freeze", cutoff_at: "2027-02-30T18:00" },
      { intent: "freeze", cutoff_at: "2027-05-20T18:00Z" },
      { intent: "unknown" },
    ];
    for (const fields of attempts) {
      const res = await web.post(manage, fields);
      expect({ fields, status: res.status }).toEqual({ fields, status: 400 });
    }
    const created = await web.post("/events/new", {
      name_zh: "坏日期",
      starts_on: "2027-02-29",
      ends_on: "2027-03-01",
      venue_zh: "会场",
      organiser_zh: "主办",
      status: "draft",
    });
    expect(created.status).toBe(400);
    // the notice names the wrong field by its label, in the visitor's language
    expect(await created.text()).toContain("请检查填写的内容:开始日期。");
    const section = await web.post(manage, { intent: "add-section", title_zh: "", title_en: "x".repeat(201) });
    expect(section.status).toBe(400);
    expect(await section.text()).toContain("请检查填写的内容:分区标题(中文)、分区标题(英文)。");
    expect(await count()).toBe(before); // organisations are not counted: the two above are this test's own fixtures
  });

  it("refuses management to visitors and producers", async () => {
    const producer = await createAccount(t.db, { role: "producer", organizationName: "某合作社" });
    const web = httpClient(app.url);
    await web.signIn(producer.email, producer.password);
    expect((await web.get(`/events/${fair.eventId}/manage`)).status).toBe(403);
    expect((await web.post(`/events/${fair.eventId}/manage`, { intent: "freeze" })).status).toBe(403);
  });
});
