import { describe, expect, it } from "vitest";
import {
  announce,
  createLogger,
  currentRequestId,
  logSettings,
  messageLog,
  prettyLine,
  REDACTED,
  requestLogger,
  withRequestScope,
  type LogFormat,
  type LogLevel,
} from "./log.server";

// docs/decisions/036-structured-logs.md: what an operator reading the server's logs can rely on.

function collecting(level: LogLevel = "info", format: LogFormat = "json") {
  const lines: string[] = [];
  const log = createLogger({ level, format, destination: { write: (line) => void lines.push(line) } });
  return { log, lines, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe("an operator feeding the production logs to a collector", () => {
  it("gets one JSON object per line with the level's name, an ISO time, the process, the event and the message", () => {
    const { log, lines, records } = collecting();
    log.info({ event: "outbox.drained", count: 3 }, "search sync: 3 event(s) indexed");
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith("}\n")).toBe(true);
    const [record] = records();
    expect(record).toMatchObject({
      level: "info",
      name: "haidong",
      pid: process.pid,
      event: "outbox.drained",
      count: 3,
      msg: "search sync: 3 event(s) indexed",
    });
    expect(String(record!.time)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it("never sees a password, cookie, session, token, secret, e-mail or phone number, however deep a caller put it", () => {
    const { log, lines } = collecting();
    log.warn(
      {
        event: "test",
        password: "hunter2-pw",
        email: "someone@example.cn",
        req: { headers: { cookie: "hd_session=abc123secret", authorization: "Bearer tok-987", "set-cookie": "hd_session=def456" } },
        user: { phone: "13800000000", token: "reset-tok-555", sessionId: "sess-42", secret: "s3cr3t" },
      },
      "something happened",
    );
    const line = lines.join("");
    for (const secret of ["hunter2-pw", "someone@example.cn", "abc123secret", "tok-987", "def456", "13800000000", "reset-tok-555", "sess-42", "s3cr3t"]) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain(REDACTED);
    expect(line).toContain("something happened");
  });

  it("writes errors with their type, message and stack under err", () => {
    const { log, records } = collecting();
    log.error({ event: "http.error", err: new TypeError("boom") }, "request failed");
    expect(records()[0]!.err).toMatchObject({ type: "TypeError", message: "boom", stack: expect.stringContaining("TypeError: boom") });
  });

  it("chooses the least severe level written with LOG_LEVEL", () => {
    const { log, records } = collecting("warn");
    log.debug({ event: "a" }, "debug");
    log.info({ event: "b" }, "info");
    log.warn({ event: "c" }, "warn");
    log.error({ event: "d" }, "error");
    expect(records().map((r) => r.event)).toEqual(["c", "d"]);
  });

  it("still sees the ready line when LOG_LEVEL=warn hides other info lines", () => {
    const { log, records } = collecting("warn");
    announce(log, { event: "server.ready" }, "catalogue ready at http://127.0.0.1:3000");
    log.info({ event: "hidden" }, "hidden");
    expect(records().map((r) => r.msg)).toEqual(["catalogue ready at http://127.0.0.1:3000"]);
  });
});

describe("a developer watching `npm run dev`", () => {
  it("reads one line per record: time, level, [haidong], the message, then the fields", () => {
    const { log, lines } = collecting("info", "pretty");
    log.info({ event: "server.ready", url: "http://127.0.0.1:3000" }, "catalogue ready at http://127.0.0.1:3000");
    expect(lines[0]).toMatch(
      /^\d\d:\d\d:\d\d\.\d{3} INFO {2}\[haidong\] catalogue ready at http:\/\/127\.0\.0\.1:3000 {2}event=server\.ready url=http:\/\/127\.0\.0\.1:3000\n$/,
    );
    // the test harness finds the address in this line as it does in a JSON one
    expect(lines[0]!.match(/catalogue ready at (http:\/\/[\d.:]+)/)?.[1]).toBe("http://127.0.0.1:3000");
  });

  it("quotes values with spaces, shows objects as JSON and an error's stack indented below", () => {
    const line = prettyLine(
      JSON.stringify({
        level: "error",
        time: "2025-01-02T03:04:05.678Z",
        name: "haidong",
        msg: "failed",
        reason: "two words",
        names: ["a"],
        err: { type: "Error", message: "x", stack: "Error: x\n    at f" },
      }),
    );
    expect(line).toBe('03:04:05.678 ERROR [haidong] failed  reason="two words" names=["a"]\n    Error: x\n        at f\n');
  });

  it("keeps a line that is not JSON as it is", () => {
    expect(prettyLine("plain\n")).toBe("plain\n");
  });
});

describe("LOG_LEVEL and LOG_FORMAT", () => {
  it("default to info, JSON in production and readable lines otherwise; LOG_FORMAT overrides", () => {
    expect(logSettings({ NODE_ENV: "production", LOG_LEVEL: "info", LOG_FORMAT: undefined })).toEqual({ level: "info", format: "json" });
    expect(logSettings({ NODE_ENV: "development", LOG_LEVEL: "debug", LOG_FORMAT: undefined })).toEqual({ level: "debug", format: "pretty" });
    expect(logSettings({ NODE_ENV: "test", LOG_LEVEL: "warn", LOG_FORMAT: "json" })).toEqual({ level: "warn", format: "json" });
    expect(logSettings({ NODE_ENV: "production", LOG_LEVEL: "info", LOG_FORMAT: "pretty" }).format).toBe("pretty");
  });
});

describe("code running inside a request", () => {
  it("logs through the request's logger, so its lines carry the request id, and through the process's outside one", async () => {
    const { log, records } = collecting();
    const child = log.child({ requestId: "req-1" });
    await withRequestScope(child, "req-1", async () => {
      await new Promise((r) => setTimeout(r, 1));
      expect(currentRequestId()).toBe("req-1");
      requestLogger().warn({ event: "search.degraded" }, "degraded");
    });
    expect(records()).toEqual([expect.objectContaining({ requestId: "req-1", event: "search.degraded" })]);
    expect(currentRequestId()).toBeUndefined();
  });
});

describe("a command-line tool", () => {
  it("prints only the message of an event, and no debug events", () => {
    const printed: string[] = [];
    const log = messageLog((m) => printed.push(m));
    log.info({ event: "embedded.postgres.starting" }, "starting embedded PostgreSQL 15");
    log.debug({ event: "migrations.current" }, "database schema is up to date");
    expect(printed).toEqual(["starting embedded PostgreSQL 15"]);
  });
});
