import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { httpClient } from "../support/buyers";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { seedSampleFair } from "../support/events";

// Fair staff shape a catalogue over plain form posts (no JavaScript): a section's saved search is shown and can be
// changed, sections move up and down (the printed catalogue follows), and a draft made by mistake can be deleted —
// a published event cannot, its QR codes are already out.

let t: TestDatabase;
let app: TestApp;
let fair: Awaited<ReturnType<typeof seedSampleFair>>;
let web: ReturnType<typeof httpClient>;

beforeAll(async () => {
  t = await createTestDatabase();
  fair = await seedSampleFair(t.db);
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: `sec${process.pid}_`, env: { DATA_DIR: fair.dataDir } });
  const staff = await createAccount(t.db, { role: "fair_staff" });
  web = httpClient(app.url);
  expect((await web.signIn(staff.email, staff.password)).status).toBe(302);
});
afterAll(async () => {
  await app?.stop();
  fair?.cleanup();
  await t?.drop();
});

async function newDraft(name: string) {
  const created = await web.post("/events/new", {
    name_zh: name,
    starts_on: "2027-06-01",
    ends_on: "2027-06-02",
    venue_zh: "乐都区文化广场",
    organiser_zh: "乐都区农业农村局",
    status: "draft",
  });
  expect(created.status).toBe(302);
  const manage = created.headers.get("location")!;
  return { manage, eventId: Number(manage.match(/\/events\/(\d+)\/manage/)![1]) };
}

const sectionTitles = async (eventId: number) =>
  (await t.db.selectFrom("event_sections").select("title_zh").where("event_id", "=", eventId).orderBy("position").orderBy("id").execute()).map(
    (s) => s.title_zh,
  );

describe("fair staff shape the catalogue's sections", () => {
  it("see a section's saved search, change it and its title, and move sections up and down", async () => {
    const { manage, eventId } = await newDraft("樱桃季推介会");
    const cherry = await fair.product("示例乐都大樱桃");
    expect((await web.post(manage, { intent: "add-exhibitor", organization_id: cherry.organization_id, hall: "C", booth: "C08" })).status).toBe(302);
    for (const title of ["樱桃", "大蒜", "花椒"]) expect((await web.post(manage, { intent: "add-section", title_zh: title, q: title })).status).toBe(302);
    const ids = (await t.db.selectFrom("event_sections").select("id").where("event_id", "=", eventId).orderBy("position").execute()).map((s) => s.id);

    // the saved search is shown in words, and the edit form holds it
    let page = await (await web.get(manage)).text();
    expect(page).toContain("自动加入展商中符合以下条件的产品:关键词“樱桃”");
    expect(page).toContain(`id="sec-${ids[0]}-q"`);

    // edit: a new title and a category instead of words
    const ledu = await t.db.selectFrom("places").select("id").where("name_zh", "=", "乐都区").executeTakeFirstOrThrow();
    const saved = await web.post(manage, {
      intent: "save-section",
      id: ids[0]!,
      title_zh: "乐都鲜果",
      title_en: "Ledu fruit",
      q: "",
      county_id: ledu.id,
      category: "水果",
    });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe(`/events/${eventId}/manage#section-${ids[0]}`);
    const row = await t.db.selectFrom("event_sections").select(["title_zh", "title_en", "saved_query"]).where("id", "=", ids[0]!).executeTakeFirstOrThrow();
    expect(row).toEqual({ title_zh: "乐都鲜果", title_en: "Ledu fruit", saved_query: { county_id: ledu.id, category: "水果" } });
    page = await (await web.get(manage)).text();
    expect(page).toContain("自动加入展商中符合以下条件的产品:乐都区 · 水果");
    // the cherry (乐都, 水果) now comes from the saved search
    expect(page).toMatch(/乐都鲜果[\s\S]*示例乐都大樱桃/);

    // a title left empty is a field error, and nothing changes
    const bad = await web.post(manage, { intent: "save-section", id: ids[0]!, title_zh: "", q: "x" });
    expect(bad.status).toBe(400);
    expect(await sectionTitles(eventId)).toEqual(["乐都鲜果", "大蒜", "花椒"]);
    // an unknown county is refused by name
    expect((await web.post(manage, { intent: "save-section", id: ids[0]!, title_zh: "乐都鲜果", county_id: 999999 })).status).toBe(400);

    // reorder: the last moves up twice, the first moves down once; moving past either end changes nothing
    await web.post(manage, { intent: "move-section-up", id: ids[2]! });
    await web.post(manage, { intent: "move-section-up", id: ids[2]! });
    expect(await sectionTitles(eventId)).toEqual(["花椒", "乐都鲜果", "大蒜"]);
    await web.post(manage, { intent: "move-section-up", id: ids[2]! });
    await web.post(manage, { intent: "move-section-down", id: ids[1]! });
    expect(await sectionTitles(eventId)).toEqual(["花椒", "乐都鲜果", "大蒜"]);
    await web.post(manage, { intent: "move-section-down", id: ids[0]! });
    expect(await sectionTitles(eventId)).toEqual(["花椒", "大蒜", "乐都鲜果"]);

    // delete asks first: the page shows the question with the section's name before the real button
    page = await (await web.get(manage)).text();
    expect(page).toContain('删除分区“<span lang="zh-CN">大蒜</span>”?');
    expect((await web.post(manage, { intent: "delete-section", id: ids[1]! })).status).toBe(302);
    expect(await sectionTitles(eventId)).toEqual(["花椒", "乐都鲜果"]);
  });

  it("delete a draft event after confirming, but never a published one", async () => {
    const { manage, eventId } = await newDraft("误建的草稿");
    const page = await (await web.get(manage)).text();
    expect(page).toContain('删除草稿“<span lang="zh-CN">误建的草稿</span>”?此操作无法撤销。');
    const deleted = await web.post(manage, { intent: "delete-event" });
    expect(deleted.status).toBe(302);
    expect(deleted.headers.get("location")).toBe("/events?deleted=1");
    expect(await (await web.get("/events?deleted=1")).text()).toContain("草稿已删除。");
    expect(await t.db.selectFrom("events").select("id").where("id", "=", eventId).executeTakeFirst()).toBeUndefined();

    // the published sample fair: no delete button, and a forged post is refused with a reason
    const published = `/events/${fair.eventId}/manage`;
    expect(await (await web.get(published)).text()).not.toContain('value="delete-event"');
    const refused = await web.post(published, { intent: "delete-event" });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("只有草稿可以删除");
    expect(await t.db.selectFrom("events").select("id").where("id", "=", fair.eventId).executeTakeFirst()).toBeDefined();
  });

  it("refuses all of it to a producer", async () => {
    const producer = await createAccount(t.db, { organizationName: "路过的合作社" });
    const other = httpClient(app.url);
    await other.signIn(producer.email, producer.password);
    const res = await other.post(`/events/${fair.eventId}/manage`, { intent: "delete-event" });
    expect([302, 403]).toContain(res.status);
    expect(await t.db.selectFrom("events").select("id").where("id", "=", fair.eventId).executeTakeFirst()).toBeDefined();
  });
});
