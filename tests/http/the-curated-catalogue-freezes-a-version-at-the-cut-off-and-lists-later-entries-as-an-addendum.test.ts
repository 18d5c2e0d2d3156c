import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addEntry, moveEntry } from "../../db/queries/event-entries";
import { createEvent } from "../../db/queries/events";
import { createSection } from "../../db/queries/event-sections";
import { currentCatalogue, freezeVersion, publishedCatalogue, resolvedCatalogue } from "../../db/queries/event-catalogue-versions";
import { upsertExhibitor } from "../../db/queries/event-exhibitors";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { seedSampleFair } from "../support/events";

let t: TestDatabase;
let fair: Awaited<ReturnType<typeof seedSampleFair>>;

beforeAll(async () => {
  t = await createTestDatabase();
  fair = await seedSampleFair(t.db);
});
afterAll(async () => {
  fair?.cleanup();
  await t?.drop();
});

async function emptyEvent() {
  return createEvent(t.db, {
    name_zh: "测试对接会",
    name_en: null,
    starts_on: "2027-01-10",
    ends_on: "2027-01-11",
    venue_zh: "测试馆",
    venue_en: null,
    organiser_zh: "测试主办方",
    organiser_en: null,
    status: "published",
  });
}

describe("curated catalogue", () => {
  it("keeps hand-picked entries in the order set with up/down and only accepts exhibitors' products", async () => {
    const eventId = await emptyEvent();
    const wine = await fair.product("示例互助青稞酒 42度 500毫升");
    const pepper = await fair.product("示例循化大红袍花椒");
    const yak = await fair.product("示例白牦牛肉 冷冻分割");
    await upsertExhibitor(t.db, eventId, wine.organization_id, "A", "A01");
    await upsertExhibitor(t.db, eventId, pepper.organization_id, "A", "A02");
    const section = await createSection(t.db, eventId, "推介", null, null);
    expect(await addEntry(t.db, eventId, section, wine.id, "品鉴", null)).toBe(true);
    expect(await addEntry(t.db, eventId, section, pepper.id, null, null)).toBe(true);
    // the yak producer does not exhibit
    expect(await addEntry(t.db, eventId, section, yak.id, null, null)).toBe(false);
    let [s] = await currentCatalogue(t.db, eventId);
    expect(s!.rows.map((r) => r.product_id)).toEqual([wine.id, pepper.id]);
    await moveEntry(t.db, eventId, s!.rows[1]!.entry_id!, "up");
    [s] = await currentCatalogue(t.db, eventId);
    expect(s!.rows.map((r) => r.product_id)).toEqual([pepper.id, wine.id]);
    expect(s!.rows[1]!.note_zh).toBe("品鉴");
    // moving the first one further up changes nothing
    await moveEntry(t.db, eventId, s!.rows[0]!.entry_id!, "up");
    [s] = await currentCatalogue(t.db, eventId);
    expect(s!.rows.map((r) => r.product_id)).toEqual([pepper.id, wine.id]);
  });

  it("resolves a saved search live among the exhibitors' published products", async () => {
    const eventId = await emptyEvent();
    const pepper = await fair.product("示例循化大红袍花椒");
    await upsertExhibitor(t.db, eventId, pepper.organization_id, null, "B1");
    const section = await createSection(t.db, eventId, "调味品", "Seasonings", { category: "调味品" });
    const before = (await currentCatalogue(t.db, eventId))[0]!.rows;
    expect(before.length).toBeGreaterThanOrEqual(2);
    expect(before.every((r) => r.source === "search")).toBe(true);
    expect(before.map((r) => r.product_id)).toContain(pepper.id);
    // withdrawn from publication: it leaves the live section
    await t.db.updateTable("products").set({ status: "draft" }).where("id", "=", pepper.id).execute();
    const after = (await currentCatalogue(t.db, eventId))[0]!.rows;
    expect(after.map((r) => r.product_id)).not.toContain(pepper.id);
    await t.db.updateTable("products").set({ status: "published" }).where("id", "=", pepper.id).execute();
    expect(section).toBeGreaterThan(0);
  });

  it("freezes a version at the cut-off and lists entries added afterwards as an addendum", async () => {
    const eventId = await emptyEvent();
    const wine = await fair.product("示例互助青稞酒 42度 500毫升");
    const cherry = await fair.product("示例乐都大樱桃");
    const garlic = await fair.product("示例乐都紫皮大蒜");
    await upsertExhibitor(t.db, eventId, wine.organization_id, "A", "A01");
    await upsertExhibitor(t.db, eventId, cherry.organization_id, "A", "A02");
    const section = await createSection(t.db, eventId, "推介", "Highlights", null);
    await addEntry(t.db, eventId, section, wine.id, "第一版", null);

    // before any freeze the live catalogue is shown, without addendum
    let published = await publishedCatalogue(t.db, eventId);
    expect(published.version).toBeNull();
    expect(published.addendum).toEqual([]);

    const v1 = await freezeVersion(t.db, eventId, new Date("2027-01-01T00:00:00Z"));
    expect(v1.version).toBe(1);
    await addEntry(t.db, eventId, section, cherry.id, "截止后加入", null);
    // a note changed after the cut-off does not alter the frozen version
    await addEntry(t.db, eventId, section, wine.id, "改过的说明", null);

    published = await publishedCatalogue(t.db, eventId);
    expect(published.version?.version).toBe(1);
    expect(published.sections[0]!.rows.map((r) => [r.product_id, r.note_zh])).toEqual([[wine.id, "第一版"]]);
    expect(published.addendum.flatMap((s) => s.rows.map((r) => r.product_id))).toEqual([cherry.id]);

    // the resolved view carries booths and reads products through the public read model
    const resolved = await resolvedCatalogue(t.db, eventId);
    expect(resolved.sections[0]!.entries[0]!.booth).toBe("A01");
    expect(resolved.addendum[0]!.entries[0]!.product.name_zh).toBe("示例乐都大樱桃");

    // freezing again takes the addendum into version 2
    await freezeVersion(t.db, eventId, new Date());
    await addEntry(t.db, eventId, section, garlic.id, null, null);
    published = await publishedCatalogue(t.db, eventId);
    expect(published.version?.version).toBe(2);
    expect(published.sections[0]!.rows.map((r) => r.product_id)).toEqual([wine.id, cherry.id]);
    expect(published.addendum.flatMap((s) => s.rows.map((r) => r.product_id))).toEqual([garlic.id]);
  });

  it("seeds a sample fair with exhibitors, a frozen version and an addendum", async () => {
    const resolved = await resolvedCatalogue(t.db, fair.eventId);
    expect(resolved.version?.version).toBe(1);
    expect(resolved.sections.length).toBeGreaterThan(1);
    expect(resolved.addendum.flatMap((s) => s.entries.map((e) => e.product.name_zh))).toEqual(["示例乐都大樱桃"]);
  });
});
