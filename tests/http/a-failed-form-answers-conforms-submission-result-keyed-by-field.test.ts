import { decode } from "turbo-stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { httpClient, type Fields } from "../support/buyers";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { seedSampleFair } from "../support/events";

// Every action answers a failed form in one shape — Conform's SubmissionResult, `status: "error"` and `error` keyed by
// field — so pages read it with useForm({ lastResult }) and a client script could too. Before, events answered
// {invalid: [names]} and staff/users {ok, field, message}. Read through Remix's single-fetch data endpoint (.data),
// which is what the browser's own script receives.

let t: TestDatabase;
let app: TestApp;
let fair: Awaited<ReturnType<typeof seedSampleFair>>;

beforeAll(async () => {
  t = await createTestDatabase();
  fair = await seedSampleFair(t.db);
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: `fr${process.pid}_`, env: { DATA_DIR: fair.dataDir } });
});
afterAll(async () => {
  await app?.stop();
  fair?.cleanup();
  await t?.drop();
});

async function actionReply(web: ReturnType<typeof httpClient>, path: string, fields: Fields) {
  const res = await web.post(`${path}.data`, fields);
  const decoded = (await decode(res.body!)).value as { data?: unknown } | undefined;
  return { status: res.status, reply: decoded && typeof decoded === "object" && "data" in decoded ? decoded.data : decoded };
}

describe("failed forms over http", () => {
  it("events/new and the manage screen answer 400 with errors keyed by the wrong fields", async () => {
    const staff = await createAccount(t.db, { role: "fair_staff" });
    const web = httpClient(app.url);
    await web.signIn(staff.email, staff.password);
    const created = await actionReply(web, "/events/new", {
      name_zh: "坏日期",
      starts_on: "2027-02-29",
      ends_on: "2027-03-01",
      venue_zh: "会场",
      organiser_zh: "主办",
      status: "draft",
    });
    expect(created.status).toBe(400);
    expect(created.reply).toMatchObject({ status: "error", error: { starts_on: [expect.any(String)] } });
    expect(Object.keys((created.reply as { error: object }).error)).toEqual(["starts_on"]);

    const manage = `/events/${fair.eventId}/manage`;
    const section = await actionReply(web, manage, { intent: "add-section", title_zh: "", title_en: "x".repeat(201) });
    expect(section).toMatchObject({
      status: 400,
      reply: { status: "error", error: { title_zh: ["validation.required"], title_en: [expect.stringMatching(/^validation\.tooLong/)] } },
    });
    const exhibitor = await actionReply(web, manage, { intent: "add-exhibitor", organization_id: 987654321, booth: "Z1" });
    expect(exhibitor).toMatchObject({ status: 400, reply: { status: "error", error: { organization_id: ["validation.noSuchChoice"] } } });
  });

  it("staff/users answers a hand-made request in the same shape", async () => {
    const admin = await createAccount(t.db, { role: "admin" });
    const web = httpClient(app.url);
    await web.signIn(admin.email, admin.password);
    const bad = await actionReply(web, "/staff/users", { intent: "reset", user_id: "abc" });
    expect(bad).toMatchObject({ status: 400, reply: { status: "error", error: { user_id: [expect.any(String)] } } });
  });
});
