import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueMail } from "../../db/queries/mail-queue";
import { createAccount, signInOverHttp } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { pollUntil } from "../support/poll";
import { createTestSearch } from "../support/search";
import { startTestSmtp, type TestSmtp } from "../support/smtp";

// Issue 18 items 5 and 6 over HTTP: the running server sends queued mail through SMTP_URL (its worker, beside the
// search worker), staff read and retry messages at /staff/outbox, people read notices at /notifications (the header
// counts them) and change what they receive through the link at the foot of a mail. All without JavaScript.

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let app: TestApp;
let smtp: TestSmtp;

beforeAll(async () => {
  t = await createTestDatabase();
  search = await createTestSearch();
  smtp = await startTestSmtp();
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix, env: { SMTP_URL: smtp.url, MAIL_FROM: "noreply@catalogue.test" } });
});
afterAll(async () => {
  await app?.stop();
  await smtp?.close();
  await search?.drop();
  await t?.drop();
});

const post = (path: string, fields: Record<string, string>, cookie = "") =>
  fetch(`${app.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: app.url, cookie },
    body: new URLSearchParams(fields),
  });
const get = (path: string, cookie = "") => fetch(`${app.url}${path}`, { headers: { cookie }, redirect: "manual" });

describe("forgot password by e-mail, sent by the running server", () => {
  it("e-mails a reset link that opens the reset page, and staff see the message as sent in the outbox", async () => {
    const producer = await createAccount(t.db, { organizationName: "邮件合作社" });
    const res = await post("/forgot-password", { email: producer.email });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/forgot-password?sent=1");
    // an unknown address gets the very same answer
    const unknown = await post("/forgot-password", { email: "nobody@catalogue.test" });
    expect(unknown.headers.get("location")).toBe("/forgot-password?sent=1");
    // a malformed one is refused naming the field
    const bad = await post("/forgot-password", { email: "not-an-address" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("电子邮箱格式不正确");

    await pollUntil(() => smtp.received.length > 0, 20_000, "the reset mail");
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual([producer.email]);
    expect(mail.subject).toBe("[海东品牌与地理标志目录] 重设密码");
    const link = mail.text.match(/(http:\/\/[^\s]+\/reset-password\/[A-Za-z0-9_-]{43})/)![1]!;
    const page = await fetch(link.replace(/^http:\/\/[^/]+/, app.url));
    expect(page.status).toBe(200);

    const staff = await createAccount(t.db, { role: "reviewer" });
    const { cookie } = await signInOverHttp(app.url, staff.email, staff.password);
    const outbox = await get("/staff/outbox", cookie);
    expect(outbox.status).toBe(200);
    const html = await outbox.text();
    expect(html).toContain("重设密码");
    expect(html).toContain(producer.email);
    expect(html).toContain("已发送");

    // a producer is not staff
    const { cookie: producerCookie } = await signInOverHttp(app.url, producer.email, producer.password);
    expect([302, 403]).toContain((await get("/staff/outbox", producerCookie)).status);
    expect([302, 403]).toContain((await post("/staff/outbox", { intent: "retry", id: "1" }, producerCookie)).status);
  });

  it("staff send a failed message again and it is delivered once", async () => {
    await enqueueMail(t.db, {
      idempotencyKey: "failed-one",
      to: "late@catalogue.test",
      userId: null,
      locale: "en",
      kind: "inquiry_reply",
      subject: "Late news",
      body: "text",
      send: true,
    });
    await t.db
      .updateTable("mail_queue")
      .set({ status: "failed", attempts: 6, last_error: "451 try later" })
      .where("idempotency_key", "=", "failed-one")
      .execute();
    const staff = await createAccount(t.db, { role: "admin" });
    const { cookie } = await signInOverHttp(app.url, staff.email, staff.password);
    const row = await t.db.selectFrom("mail_queue").select("id").where("idempotency_key", "=", "failed-one").executeTakeFirstOrThrow();
    const before = await (await get("/staff/outbox?status=failed", cookie)).text();
    expect(before).toContain("451 try later");
    expect((await post("/staff/outbox", { intent: "retry", id: "abc" }, cookie)).status).toBe(400);
    const retried = await post("/staff/outbox", { intent: "retry", id: String(row.id) }, cookie);
    expect(retried.status).toBe(302);
    await pollUntil(() => smtp.received.some((m) => m.subject === "Late news"), 20_000, "the retried mail");
    expect((await post("/staff/outbox", { intent: "retry", id: String(row.id) }, cookie)).status).toBe(409);
    expect(smtp.received.filter((m) => m.subject === "Late news")).toHaveLength(1);
  });
});

describe("notices in the site and e-mail preferences", () => {
  it("counts unread notices in the header and marks them read with a plain form", async () => {
    const producer = await createAccount(t.db, { organizationName: "通知合作社" });
    await t.db
      .insertInto("notifications")
      .values({ user_id: producer.id, kind: "new_inquiry", event_key: "inquiry:test", params: { buyer: "王经理" } as never, link_path: "/producer/inbox/1" })
      .execute();
    const { cookie } = await signInOverHttp(app.url, producer.email, producer.password);
    const list = await (await get("/notifications", cookie)).text();
    expect(list).toContain("通知(1)");
    expect(list).toContain("王经理发来新询价");
    const all = await post("/notifications", { intent: "all" }, cookie);
    expect(all.status).toBe(302);
    const after = await (await get("/notifications?lang=en", cookie)).text();
    expect(after).not.toContain("Notifications (1)");
    expect(after).toContain("New inquiry from 王经理");
    // switching the page language also switched the account's mail language
    expect((await t.db.selectFrom("users").select("locale").where("id", "=", producer.id).executeTakeFirstOrThrow()).locale).toBe("en");
    // signed out: the list is for account holders only
    expect((await get("/notifications")).status).toBe(302);
  });

  it("the link at the foot of a mail turns notices off for that address, and a forged link is refused", async () => {
    await pollUntil(() => smtp.received.length > 0, 20_000, "any mail");
    const link = smtp.received[0]!.text.match(/\/mail-preferences\/(\S+)/)![1]!;
    const page = await get(`/mail-preferences/${link}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("private, no-store");
    // browsers apply the last policy of the list: the token in the URL is not sent on to another site (same-origin,
    // not no-referrer, which would make the form's own POST carry Origin: null and fail the origin check)
    expect(page.headers.get("referrer-policy")).toMatch(/(^|, )same-origin$/);
    expect(await page.text()).toContain(smtp.received[0]!.to[0]!);
    const saved = await post(`/mail-preferences/${link}`, { all_off: "1" });
    expect(saved.status).toBe(302);
    const row = await t.db.selectFrom("mail_preferences").selectAll().where("address", "=", smtp.received[0]!.to[0]!.toLowerCase()).executeTakeFirstOrThrow();
    expect(row.all_off).toBe(true);
    expect((await get(`/mail-preferences/${link.slice(0, -2)}xx`)).status).toBe(404);
  });
});
