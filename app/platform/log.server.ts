import { AsyncLocalStorage } from "node:async_hooks";
import { pino, type Logger } from "pino";
import { config, type Config } from "./config.server";

// The server's one logger (docs/decisions/036-structured-logs.md). Every line is a pino record: JSON in production
// (or LOG_FORMAT=json) for the log collector, one readable line otherwise. Operational messages are events —
// `log.info({ event: "outbox.drained", count }, "…")` — so an operator can filter on `event` rather than on wording.
// Within a request, requestLogger() is a child carrying that request's id (app/server/request-log.ts).

export type { Logger };
export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
export type LogFormat = "json" | "pretty";

/**
 * What code that reports operational events needs of a logger: the process's pino logger in the server, or
 * messageLog() in a command-line tool, whose output is read by a person.
 */
export interface EventLog {
  debug(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/** An EventLog that prints only the message (through `print`), for command-line tools; debug events are dropped. */
export function messageLog(print: (message: string) => void): EventLog {
  const say = (_fields: Record<string, unknown>, message: string) => print(message);
  return { debug: () => undefined, info: say, warn: say, error: say };
}

/** Reports nothing: the default where a caller passes no log (tests). */
export const quietLog: EventLog = messageLog(() => undefined);

/** Where formatted lines go: stdout, or a test's collector. */
export interface LogDestination {
  write(line: string): void;
}

/**
 * Fields that never reach a log line, whatever a caller passes: credentials, session ids and personal data. The access
 * log does not collect them in the first place (it is built from an allow-list); this is the net under every other call.
 */
export const REDACTED_KEYS = ["password", "cookie", "authorization", "set-cookie", "sessionId", "session", "token", "secret", "email", "phone"];
export const REDACTED = "[redacted]";
// at the top level and two levels down (`{ req: { headers: { cookie } } }`); keys that are not identifiers in brackets
const REDACT_PATHS = REDACTED_KEYS.flatMap((key) => {
  const k = /^\w+$/.test(key) ? `.${key}` : `["${key}"]`;
  return [k.replace(/^\./, ""), `*${k}`, `*.*${k}`];
});

export function createLogger(options: { level: LogLevel; format: LogFormat; destination?: LogDestination; color?: boolean }): Logger {
  const pretty = options.format === "pretty";
  const out = options.destination ?? (pretty ? stdoutLines() : pino.destination({ dest: 1, sync: true }));
  return pino(
    {
      name: "haidong",
      level: options.level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      // level names, not pino's numbers: `"level":"warn"` reads and greps as it says
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      serializers: { err: pino.stdSerializers.err },
    },
    pretty ? { write: (line: string) => out.write(prettyLine(line, options.color ?? false)) } : out,
  );
}

function stdoutLines(): LogDestination {
  return { write: (line) => void process.stdout.write(line) };
}

const LEVEL_COLORS: Record<string, string> = { fatal: "35", error: "31", warn: "33", info: "32", debug: "36", trace: "90" };
const OWN_KEYS = new Set(["level", "time", "pid", "hostname", "name", "msg", "err"]);

function fieldValue(value: unknown): string {
  if (typeof value === "string") return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value);
}

/**
 * One JSON record as a readable line: `12:00:03.512 INFO  [haidong] catalogue ready at http://… event=server.ready`,
 * then an error's stack, indented. Our own formatter rather than pino-pretty: a dozen lines instead of a dozen
 * packages, synchronous (nothing lost when shutdown calls process.exit), and `[haidong]` stays on every line.
 */
export function prettyLine(json: string, color = false): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const level = String(record.level ?? "info");
  const time = typeof record.time === "string" ? record.time.slice(11, 23) : "";
  const label = level.toUpperCase().padEnd(5);
  const fields = Object.entries(record)
    .filter(([key, value]) => !OWN_KEYS.has(key) && value !== undefined)
    .map(([key, value]) => `${key}=${fieldValue(value)}`);
  const err = record.err as { type?: string; message?: string; stack?: string } | undefined;
  const stack = err ? `\n    ${(err.stack ?? `${err.type ?? "Error"}: ${err.message ?? ""}`).split("\n").join("\n    ")}` : "";
  const shown = color && LEVEL_COLORS[level] ? `\x1b[${LEVEL_COLORS[level]}m${label}\x1b[0m` : label;
  return `${time} ${shown} [${String(record.name ?? "haidong")}] ${String(record.msg ?? "")}${fields.length ? `  ${fields.join(" ")}` : ""}${stack}\n`;
}

interface RequestScope {
  log: Logger;
  requestId: string;
}

// On globalThis, like config(): scripts/start.ts runs from source while the server build bundles its own copy of this
// module, and both must write through the one logger and see the one request scope.
const g = globalThis as typeof globalThis & { __haidongLogger?: Logger; __haidongRequestScope?: AsyncLocalStorage<RequestScope> };
const scope = (g.__haidongRequestScope ??= new AsyncLocalStorage<RequestScope>());

/** LOG_LEVEL, and LOG_FORMAT or else JSON in production and readable lines everywhere else. */
export function logSettings(c: Pick<Config, "LOG_LEVEL" | "LOG_FORMAT" | "NODE_ENV">): { level: LogLevel; format: LogFormat } {
  return { level: c.LOG_LEVEL, format: c.LOG_FORMAT ?? (c.NODE_ENV === "production" ? "json" : "pretty") };
}

/** The process's logger, configured from LOG_LEVEL and LOG_FORMAT, created on first use. */
export function logger(): Logger {
  // the level in colour only on a terminal: piped into a file or a collector, lines stay plain text
  return (g.__haidongLogger ??= createLogger({ ...logSettings(config()), color: !!process.stdout.isTTY }));
}

/** Runs `fn` (the rest of a request's handling) with `log` as the logger requestLogger() returns. */
export function withRequestScope<T>(log: Logger, requestId: string, fn: () => T): T {
  return scope.run({ log, requestId }, fn);
}

/** The current request's logger (every line carries its requestId), or the process's outside a request. */
export function requestLogger(): Logger {
  return scope.getStore()?.log ?? logger();
}

/** An EventLog that writes through requestLogger(): with the request id when an event happens while handling one. */
export const scopedLog: EventLog = {
  debug: (fields, message) => requestLogger().debug(fields, message),
  info: (fields, message) => requestLogger().info(fields, message),
  warn: (fields, message) => requestLogger().warn(fields, message),
  error: (fields, message) => requestLogger().error(fields, message),
};

/** The current request's id, if called while handling one. */
export function currentRequestId(): string | undefined {
  return scope.getStore()?.requestId;
}

/**
 * The few lines an operator (and the test harness, and .ci/smoke-start.sh) waits for — "catalogue ready at …" — are
 * written at info even when LOG_LEVEL is quieter; they say the server is up, not how it is doing.
 */
export function announce(log: Logger, fields: Record<string, unknown>, message: string) {
  (log.isLevelEnabled("info") ? log : log.child({}, { level: "info" })).info(fields, message);
}

/** Forgets the process logger, so a test can read a changed LOG_LEVEL. Tests only. */
export function resetLoggerForTests() {
  delete g.__haidongLogger;
}
