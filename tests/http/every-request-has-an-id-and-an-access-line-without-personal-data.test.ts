import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, signInOverHttp } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { pollUntil } from "../support/poll";
import { createTestSearch } from "../support/search";

// Issue 20 item 4 (docs/decisions/036-structured-logs.md): the real server, logging JSON lines as in production. An
// operator follows a request by its X-Request-Id, and the access log holds no cookie, e-mail address or phone number.

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let app: TestApp;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

type LogRecord = Record<string, unknown> & { level: string; msg: string; event?: string; requestId?: string };

function records(): LogRecord[] {
  return app
    .output()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as LogRecord);
}

/** The access line of the request with this id, once the server has written it. */
async function accessLine(requestId: string): Promise<LogRecord> {
  let found: LogRecord | undefined;
  await pollUntil(
    async () => !!(found = records().find((r) => r.event === "http.request" && r.requestId === requestId)),
    10_000,
    `the access line of ${requestId}`,
  );
  return found!;
}

beforeAll(async () => {
  t = await createTestDatabase();
  search = await createTestSearch();
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix, env: { LOG_FORMAT: "json" } });
});
afterAll(async () => {
  await app?.stop();
  await search?.drop();
  await t?.drop();
});

describe("an operator reading the production logs", () => {
  it("finds one JSON object per line, the start-up among them as events", async () => {
    const lines = app
      .output()
      .split("\n")
      .filter((line) => line.trim());
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
    expect(records().find((r) => r.event === "server.ready")).toMatchObject({
      level: "info",
      name: "haidong",
      msg: expect.stringMatching(/^catalogue ready at http:\/\//),
    });
    // the template database's outbox is indexed by the worker, which reports the stretch as one event
    await pollUntil(async () => records().some((r) => r.event === "outbox.drained" && Number(r.count) > 0), 20_000, "an outbox.drained event");
  });

  it("gets a new request id in X-Request-Id when the client sends none, and finds it on the access line", async () => {
    const res = await fetch(`${app.url}/`);
    const id = res.headers.get("x-request-id") ?? "";
    expect(id).toMatch(UUID);
    expect(await accessLine(id)).toMatchObject({ method: "GET", path: "/", status: 200 });
  });

  it("keeps a proxy's well-formed X-Request-Id, so its lines and ours can be joined", async () => {
    const res = await fetch(`${app.url}/`, { headers: { "x-request-id": "edge-7f3a:42" } });
    expect(res.headers.get("x-request-id")).toBe("edge-7f3a:42");
    expect(await accessLine("edge-7f3a:42")).toMatchObject({ method: "GET", path: "/", status: 200 });
  });

  it("replaces a hostile X-Request-Id (too long, or made to forge a JSON field) with its own", async () => {
    for (const hostile of ["x".repeat(500), '","level":"fatal","msg":"forged', "<script>alert(1)</script>"]) {
      // a 404 (healthz and files are logged at debug, below the default level)
      const res = await fetch(`${app.url}/no-such-page`, { headers: { "x-request-id": hostile } });
      const id = res.headers.get("x-request-id") ?? "";
      expect(id).toMatch(UUID);
      await accessLine(id);
    }
    expect(app.output()).not.toContain("forged");
    expect(app.output()).not.toContain("<script>");
  });
});

describe("a visitor whose search and session pass through the access log", () => {
  it("leaves no phone number, e-mail address or session cookie in it, only the path and the query's keys", async () => {
    const account = await createAccount(t.db, { role: "producer", organizationName: "日志测试合作社" });
    const signIn = await signInOverHttp(app.url, account.email, account.password, { "x-request-id": "story-sign-in" });
    expect(signIn.res.status).toBe(302);
    const session = signIn.cookie.split("=")[1] ?? "";
    expect(session.length).toBeGreaterThan(10);

    const phone = "13800000000";
    const res = await fetch(`${app.url}/search?q=${encodeURIComponent(`手机号${phone}`)}&email=a@b.c`, {
      headers: { cookie: signIn.cookie, "x-request-id": "story-search-1" },
    });
    // search refuses the parameter it does not know (400): the answer is logged all the same
    expect(res.headers.get("x-request-id")).toBe("story-search-1");
    await res.text();

    const line = await accessLine("story-search-1");
    expect(line).toMatchObject({ level: "info", method: "GET", path: "/search", query: ["q", "email"], status: res.status });
    expect(line.bytes).toBeGreaterThan(0);
    expect(line.ms).toBeGreaterThan(0);
    expect(await accessLine("story-sign-in")).toMatchObject({ method: "POST", path: "/login", status: 302 });

    // nowhere in the whole log, not only on the access line
    const everything = app.output();
    for (const personal of [phone, "a@b.c", "a%40b.c", account.email, session, "hd_session=", account.password]) expect(everything).not.toContain(personal);
  });

  it("hides the token of a password-reset link in the logged path", async () => {
    const token = "Zq3xT0kP9sW1vY4bN7mQ2rL5uA8cE6dH0gJ3fK1iO2p";
    const res = await fetch(`${app.url}/reset-password/${token}`, { headers: { "x-request-id": "story-reset" } });
    await res.text();
    expect((await accessLine("story-reset")).path).toBe("/reset-password/:redacted");
    expect(app.output()).not.toContain(token);
  });
});
