import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_GUIDANCE, GUIDANCE_TOPICS } from "../../app/guidance/default-texts";
import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import { listAudit } from "./audit";
import { guidanceContact, guidanceHistory, guidanceTopic, guidanceTopics, restoreGuidanceDefault, saveGuidanceContact, saveGuidanceText } from "./guidance";

// Guidance texts against real PostgreSQL: the default from code until staff save their own, the saved text from then
// on, the default again after a restore; every save and restore in the audit log.

let t: TestDatabase;
let staffId: number;

beforeAll(async () => {
  t = await createTestDatabase();
  staffId = (
    await t.db
      .insertInto("users")
      .values({ email: "guidance@test.example", display_name: "指导站编辑", password_hash: "x", role: "reviewer" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  await t?.drop();
});

const save = (topic: (typeof GUIDANCE_TOPICS)[number], text: Parameters<typeof saveGuidanceText>[3]) =>
  t.db.transaction().execute((trx) => saveGuidanceText(trx, staffId, topic, text));

describe("guidance texts", () => {
  it("a producer choosing Nice classes reads which class covers 青稞酒 before staff have written anything", async () => {
    const all = await guidanceTopics(t.db);
    expect(all.map((g) => g.topic)).toEqual([...GUIDANCE_TOPICS]);
    expect(all.every((g) => !g.custom)).toBe(true);
    const nice = await guidanceTopic(t.db, "nice-classes");
    expect(nice.body_zh).toContain("第33类 酒(啤酒除外):青稞酒");
    expect(nice.body_en).toContain("Class 33");
  });

  it("staff's saved text wins over the default, and the save is audited with what changed", async () => {
    await save("renewal", { title_zh: "续展提醒", body_zh: "期满前十二个月内续展。", title_en: null, body_en: null });
    const renewal = await guidanceTopic(t.db, "renewal");
    expect(renewal).toMatchObject({ custom: true, title_zh: "续展提醒", body_zh: "期满前十二个月内续展。", title_en: "", body_en: "" });
    expect(renewal.updated_by_name).toBe("指导站编辑");
    // the other topics keep their defaults
    expect((await guidanceTopic(t.db, "nice-classes")).custom).toBe(false);
    const history = await guidanceHistory(t.db, "renewal");
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: "change", entity_type: "guidance_text", actor_id: staffId, note: "renewal" });
    expect(history[0]!.after).toMatchObject({ title_zh: "续展提醒", body_zh: "期满前十二个月内续展。", title_en: null, body_en: null });
    expect(history[0]!.before).toMatchObject({ title_zh: DEFAULT_GUIDANCE.renewal.title_zh });

    // saving the same words again changes nothing worth a line in the log
    await save("renewal", { title_zh: "续展提醒", body_zh: "期满前十二个月内续展。", title_en: null, body_en: null });
    expect(await guidanceHistory(t.db, "renewal")).toHaveLength(1);
  });

  it("restoring the default shows the built-in text again, keeps the audit trail under the same record, and is refused when nothing was saved", async () => {
    await save("regional-brand", { title_zh: "品牌", body_zh: "问指导站。", title_en: "Brand", body_en: "Ask the station." });
    const restored = await t.db.transaction().execute((trx) => restoreGuidanceDefault(trx, staffId, "regional-brand"));
    expect(restored).toBe(true);
    const brand = await guidanceTopic(t.db, "regional-brand");
    expect(brand).toMatchObject({ custom: false, ...DEFAULT_GUIDANCE["regional-brand"] });
    const history = await guidanceHistory(t.db, "regional-brand");
    expect(history.map((h) => h.action)).toEqual(["guidance_restore", "change"]);
    expect(history[0]!.before).toMatchObject({ title_zh: "品牌", body_en: "Ask the station." });
    expect(await t.db.transaction().execute((trx) => restoreGuidanceDefault(trx, staffId, "regional-brand"))).toBe(false);
    expect(await guidanceHistory(t.db, "regional-brand")).toHaveLength(2);
  });

  it("the station's contact is empty until staff fill it in, then saved and audited field by field", async () => {
    expect(Object.values(await guidanceContact(t.db)).every((v) => v === null)).toBe(true);
    const contact = {
      name_zh: "海东市商标品牌指导站",
      name_en: null,
      phone: "0972-0000000",
      address_zh: null,
      address_en: null,
      hours_zh: "工作日",
      hours_en: null,
    };
    await t.db.transaction().execute((trx) => saveGuidanceContact(trx, staffId, contact));
    expect(await guidanceContact(t.db)).toEqual(contact);
    await t.db.transaction().execute((trx) => saveGuidanceContact(trx, staffId, { ...contact, phone: "0972-1111111" }));
    const log = await listAudit(t.db, { entityType: "guidance_contact" });
    expect(log.rows.map((r) => r.field)).toEqual(["phone", null]);
    expect(log.rows[0]).toMatchObject({ before: { phone: "0972-0000000" }, after: { phone: "0972-1111111" } });
  });

  it("a saved Chinese text must have both title and body (the table refuses half a text)", async () => {
    await expect(t.db.insertInto("guidance_texts").values({ topic: "renewal-x", title_zh: "只有标题" }).execute()).rejects.toThrow(/check/);
  });
});
