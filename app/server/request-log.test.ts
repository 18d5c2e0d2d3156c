import type { AddressInfo } from "node:net";
import express from "express";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger, requestLogger } from "../platform/log.server";
import { loggedPath, loggedQueryKeys, requestIdFrom, requestLogging } from "./request-log";

// docs/decisions/036-structured-logs.md: the request id and the access line, on a small express app in this process
// (tests/http/every-request-has-an-id-and-an-access-line-without-personal-data.test.ts runs the real server).

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("a request id", () => {
  it("is the client's or proxy's X-Request-Id when that is a plain token of at most 64 characters", () => {
    expect(requestIdFrom("abc-123")).toBe("abc-123");
    expect(requestIdFrom("0af7651916cd43dd8448eb211c80319c")).toBe("0af7651916cd43dd8448eb211c80319c");
    expect(requestIdFrom(["first:1", "second"])).toBe("first:1");
  });

  it("is never anything but a plain token of at most 64 characters, whatever the header holds", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: "binary" }), (header) => {
        expect(requestIdFrom(header)).toMatch(/^[A-Za-z0-9._:-]{1,64}$/);
      }),
    );
  });

  it("is a new UUID when the header is missing, too long, or could break a log line or a header", () => {
    for (const hostile of [undefined, "", "x".repeat(65), "a b", 'a"}{"level":"fatal', "a\nb", "<script>", "-leading-dash", "手机号"]) {
      expect(requestIdFrom(hostile)).toMatch(UUID);
    }
  });
});

describe("the path an access line shows", () => {
  it("has no query string or fragment", () => {
    expect(loggedPath("/search?q=%E6%89%8B%E6%9C%BA13800000000&email=a@b.c")).toBe("/search");
    expect(loggedPath("/products/12#gallery")).toBe("/products/12");
  });

  it("hides bearer tokens, e-mail addresses and phone numbers in path segments, keeping slugs and ids", () => {
    const token = "Zq3xT0kP9sW1vY4bN7mQ2rL5uA8cE6dH0gJ3fK1iO2p";
    expect(loggedPath(`/reset-password/${token}`)).toBe("/reset-password/:redacted");
    expect(loggedPath(`/events/7/kiosk/handoff/${token}`)).toBe("/events/7/kiosk/handoff/:redacted");
    expect(loggedPath("/people/a@b.c")).toBe("/people/:redacted");
    expect(loggedPath("/people/a%40b.c")).toBe("/people/:redacted");
    expect(loggedPath("/call/13800000000")).toBe("/call/:redacted");
    expect(loggedPath("/guide/trademark-registration-basics")).toBe("/guide/trademark-registration-basics");
    expect(loggedPath("/assets/entry.client-DkX9_a1B.js")).toBe("/assets/entry.client-DkX9_a1B.js");
  });

  it("never holds a query, an @ or a run of 7 digits, whatever the URL", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: "binary" }), (url) => {
        const logged = loggedPath(`/${url}`);
        expect(logged).not.toMatch(/[?#@]|%40|\d{7}/);
      }),
    );
  });

  it("is at most 200 characters", () => {
    expect(loggedPath(`/${"a/".repeat(300)}`).length).toBeLessThanOrEqual(201);
  });
});

describe("the query an access line shows", () => {
  it("is the distinct keys only; a key that is not a plain name is shown as ?", () => {
    expect(loggedQueryKeys("/search?q=13800000000&email=a@b.c&q=again")).toEqual(["q", "email"]);
    expect(loggedQueryKeys("/search?a@b.c=1&13800000000")).toEqual(["?"]);
    expect(loggedQueryKeys("/search")).toBeUndefined();
    expect(loggedQueryKeys("/search?")).toBeUndefined();
  });
});

describe("an operator following one request through the logs", () => {
  const lines: string[] = [];
  const log = createLogger({ level: "debug", format: "json", destination: { write: (line) => void lines.push(line) } });
  let server: ReturnType<ReturnType<typeof express>["listen"]>;
  let base = "";
  const records = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

  beforeAll(async () => {
    const app = express();
    app.use(requestLogging(() => log));
    app.get("/search", async (_req, res) => {
      await new Promise((r) => setTimeout(r, 5));
      requestLogger().warn({ event: "search.degraded" }, "search degraded to PostgreSQL");
      res.type("text/plain").send("搜索结果");
    });
    app.get("/assets/app.js", (_req, res) => res.type("text/javascript").send("x"));
    app.get("/boom", () => {
      throw new Error("boom");
    });
    await new Promise<void>((resolve) => (server = app.listen(0, "127.0.0.1", resolve)));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("finds the id in X-Request-Id, on the access line and on every line logged while handling it", async () => {
    lines.length = 0;
    const res = await fetch(`${base}/search?q=${encodeURIComponent("手机号13800000000")}&email=a@b.c`, {
      headers: { "x-request-id": "trace-42", cookie: "hd_session=s3ss10n-value", authorization: "Basic dXNlcjpwYXNz" },
    });
    expect(res.headers.get("x-request-id")).toBe("trace-42");
    await res.text();
    await new Promise((r) => setTimeout(r, 20));
    const [degraded, access] = records();
    expect(degraded).toMatchObject({ requestId: "trace-42", event: "search.degraded" });
    expect(access).toMatchObject({
      requestId: "trace-42",
      event: "http.request",
      level: "info",
      method: "GET",
      path: "/search",
      query: ["q", "email"],
      status: 200,
    });
    expect(access!.bytes).toBe(Buffer.byteLength("搜索结果"));
    expect(access!.ms).toBeGreaterThan(0);
    const text = lines.join("");
    for (const personal of ["13800000000", "a@b.c", "s3ss10n", "dXNlcjpwYXNz", "hd_session", "127.0.0.1"]) expect(text).not.toContain(personal);
  });

  it("gets a new id for each request that brings none", async () => {
    const [a, b] = await Promise.all([fetch(`${base}/search`), fetch(`${base}/search`)]);
    expect(a.headers.get("x-request-id")).toMatch(UUID);
    expect(b.headers.get("x-request-id")).toMatch(UUID);
    expect(a.headers.get("x-request-id")).not.toBe(b.headers.get("x-request-id"));
  });

  it("sees fingerprinted files at debug and failures at error", async () => {
    lines.length = 0;
    await (await fetch(`${base}/assets/app.js`)).text();
    await (await fetch(`${base}/boom`)).text();
    await new Promise((r) => setTimeout(r, 20));
    const access = records().filter((r) => r.event === "http.request");
    expect(access.map((r) => [r.path, r.level, r.status])).toEqual([
      ["/assets/app.js", "debug", 200],
      ["/boom", "error", 500],
    ]);
  });
});
