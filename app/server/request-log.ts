import { randomUUID } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { logger as processLogger, withRequestScope, type Logger } from "../platform/log.server";

// Every request gets an id — the client's or a proxy's X-Request-Id when it is a plain token, otherwise a new UUID —
// sent back in X-Request-Id and carried by every line logged while handling it, and one access line when it ends
// (docs/decisions/036-structured-logs.md). The access line is built from an allow-list: method, path, the query's
// keys (never its values: a search box receives names, phone numbers and e-mail addresses), status, duration and size.
// Headers, cookies and the client's address are not collected at all.

/** A correlation id a client or proxy may choose: letters, digits and `._:-`, at most 64 characters. */
const REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

export function requestIdFrom(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

// Path segments that are secrets or personal data: bearer tokens in links (reset-password, inquiries, report status,
// kiosk hand-off: 43 characters of base64url), an e-mail address, or a phone-number-like run of digits a visitor
// typed into the address bar. Lower-case slugs (guide topics) have no digit, capital or underscore and are kept.
const SECRET_SEGMENT = /^(?=.*[0-9A-Z_])[A-Za-z0-9_-]{20,}$|@|%40|\d{7,}/;
const MAX_PATH = 200;

/** The path as logged: no query string, secret-looking segments replaced with `:redacted`, at most 200 characters. */
export function loggedPath(originalUrl: string): string {
  const end = originalUrl.search(/[?#]/);
  const path = end >= 0 ? originalUrl.slice(0, end) : originalUrl;
  const safe = path
    .split("/")
    .map((segment) => (SECRET_SEGMENT.test(segment) ? ":redacted" : segment))
    .join("/");
  return safe.length > MAX_PATH ? `${safe.slice(0, MAX_PATH)}…` : safe;
}

const QUERY_KEY = /^[A-Za-z_][A-Za-z0-9_.[\]-]{0,31}$/;

/** The query's distinct keys (never values); a key that is not a plain name is shown as `?`. */
export function loggedQueryKeys(originalUrl: string): string[] | undefined {
  const start = originalUrl.indexOf("?");
  if (start < 0) return undefined;
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(originalUrl.slice(start + 1).split("#")[0]);
  } catch {
    return ["?"];
  }
  const keys = [...new Set([...params.keys()].map((key) => (QUERY_KEY.test(key) ? key : "?")))];
  return keys.length > 0 ? keys.slice(0, 20) : undefined;
}

// Fingerprinted files, health probes and, under `npm run dev`, the modules Vite serves (hundreds a page): routine when
// they succeed, so they are logged at debug, not info.
const ROUTINE = /^\/(assets|images|app|node_modules|@vite|@fs|@id|@react-refresh)\/|^\/(healthz|favicon\.ico|robots\.txt|__manifest)$/;

function byteLength(chunk: unknown, encoding?: unknown): number {
  if (typeof chunk === "string") return Buffer.byteLength(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
  if (chunk instanceof Uint8Array) return chunk.byteLength;
  return 0;
}

/** Counts the body bytes that go out (a streamed page has no Content-Length to read). */
function countBytes(res: Response): () => number {
  let bytes = 0;
  const write = res.write;
  const end = res.end;
  res.write = function (this: Response, chunk: unknown, ...rest: unknown[]) {
    bytes += byteLength(chunk, rest[0]);
    return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof res.write;
  res.end = function (this: Response, chunk?: unknown, ...rest: unknown[]) {
    if (typeof chunk !== "function") bytes += byteLength(chunk, rest[0]);
    return (end as (...a: unknown[]) => Response).call(this, chunk, ...rest);
  } as typeof res.end;
  return () => bytes;
}

declare module "express-serve-static-core" {
  interface Locals {
    /** this request's logger: every line carries its requestId */
    log?: Logger;
  }
}

/** The first middleware: request id in and out, the request's logger in scope, one access line at the end. */
export function requestLogging(root: () => Logger = processLogger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdFrom(req.headers["x-request-id"]);
    res.setHeader("X-Request-Id", requestId);
    const log = root().child({ requestId });
    res.locals.log = log;
    const bytes = countBytes(res);
    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      const path = loggedPath(req.originalUrl);
      const status = res.statusCode;
      const aborted = !res.writableFinished;
      const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
      const level = status >= 500 ? "error" : status < 400 && ROUTINE.test(path) ? "debug" : "info";
      const fields = { event: "http.request", method: req.method, path, query: loggedQueryKeys(req.originalUrl), status, ms, bytes: bytes() };
      log[level](aborted ? { ...fields, aborted } : fields, `${req.method} ${path} ${status}${aborted ? " (aborted)" : ""} ${ms} ms`);
    };
    res.once("finish", done);
    res.once("close", done);
    withRequestScope(log, requestId, next);
  };
}
