import { createHash } from "node:crypto";
import type { z } from "zod";
import { isDatabaseUnavailable, isQueryCanceled } from "../../db/client";
import { requestLogger } from "../platform/log.server";
import { PUBLIC_API, TokenBucket } from "../platform/throttle.server";

// HTTP behaviour shared by every /api/v1 resource route and the bulk dumps: CORS for GET, validated JSON bodies,
// weak ETags over the body, Last-Modified, conditional GET (304) and per-client throttling (429 + Retry-After).

export const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Last-Modified, Retry-After, Content-Disposition, X-Request-Id",
} as const;

export const CACHE_CONTROL = "public, max-age=60";

/** One bucket per app server (see README "Open data API" → throttling); the limits are PUBLIC_API. */
export const apiThrottle = new TokenBucket(PUBLIC_API);

export function errorResponse(status: number, error: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ error }), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...CORS_HEADERS, ...headers },
  });
}

/**
 * An API answer that stays JSON when the database is away (unreachable, stopped answering, or gave up on the query):
 * 503 {"error"} with Retry-After, as pages answer 503 (server/http.ts), instead of Remix's plain-text error.
 */
export async function jsonEvenWhenDatabaseUnavailable(answer: () => Promise<Response>): Promise<Response> {
  try {
    return await answer();
  } catch (e) {
    if (!isDatabaseUnavailable(e) && !isQueryCanceled(e)) throw e;
    return errorResponse(503, "the database is briefly unavailable: retry after 5 s", { "Retry-After": "5" });
  }
}

/** The answer to a CORS preflight: GET (and HEAD) only, with the conditional-request headers. */
export function preflightResponse(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      "Access-Control-Allow-Methods": "GET, HEAD",
      "Access-Control-Allow-Headers": "If-None-Match, If-Modified-Since, Accept",
      "Access-Control-Max-Age": "86400",
    },
  });
}

/**
 * Guards for every open-data request: OPTIONS → preflight; anything but GET/HEAD → 405; a client over its budget →
 * 429 with Retry-After. Returns undefined when the request may proceed.
 */
export function guard(request: Request, clientAddress: string): Response | undefined {
  if (request.method === "OPTIONS") return preflightResponse();
  if (request.method !== "GET" && request.method !== "HEAD") {
    return errorResponse(405, `method ${request.method} not allowed: the open-data API is read-only (GET)`, { Allow: "GET, HEAD, OPTIONS" });
  }
  const wait = apiThrottle.take(clientAddress);
  if (wait > 0) {
    const seconds = Math.max(1, Math.ceil(wait));
    return errorResponse(429, `too many requests from this client: retry after ${seconds} s`, { "Retry-After": String(seconds) });
  }
  return undefined;
}

export function weakEtag(body: string): string {
  return `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

/** Weak comparison (RFC 9110 §13.1.2): does If-None-Match name this entity tag? */
export function etagMatches(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch.trim() === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((t) => opaque(t) === opaque(etag));
}

/** If-None-Match wins over If-Modified-Since (which then is ignored), as RFC 9110 §13.2.2 orders them. */
export function notModified(request: Request, etag: string, lastModified: Date | null): boolean {
  const inm = request.headers.get("If-None-Match");
  if (inm !== null) return etagMatches(inm, etag);
  const ims = request.headers.get("If-Modified-Since");
  if (ims === null || lastModified === null) return false;
  const since = Date.parse(ims);
  if (Number.isNaN(since)) return false;
  // HTTP dates have whole seconds
  return Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}

export interface BodyOptions {
  contentType: string;
  lastModified: Date | null;
  cacheControl?: string;
  headers?: Record<string, string>;
}

/** A cacheable GET answer: ETag over the exact bytes, Last-Modified, and 304 when the client's copy is current. */
export function cacheableResponse(request: Request, body: string, options: BodyOptions): Response {
  const etag = weakEtag(body);
  const headers: Record<string, string> = {
    ...CORS_HEADERS,
    "Cache-Control": options.cacheControl ?? CACHE_CONTROL,
    ETag: etag,
    ...options.headers,
  };
  if (options.lastModified) headers["Last-Modified"] = options.lastModified.toUTCString();
  if (notModified(request, etag, options.lastModified)) return new Response(null, { status: 304, headers });
  return new Response(request.method === "HEAD" ? null : body, { status: 200, headers: { ...headers, "Content-Type": options.contentType } });
}

/**
 * A JSON answer validated against its schema first: a body that does not match what the OpenAPI document promises
 * is a server error, never sent. The parsed value is what goes out, so fields the schema does not name are dropped.
 */
export function validatedJson<T extends z.ZodType>(request: Request, schema: T, body: unknown, lastModified: Date | null): Response {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    // paths and messages only: zod 4 leaves the offending values out of its issues
    const issues = parsed.error.issues.slice(0, 5).map((i) => ({ path: i.path.join("."), message: i.message }));
    requestLogger().error({ event: "api.schema_mismatch", issues }, "[api] response does not match its schema");
    return errorResponse(500, "internal error: the response did not match its published schema");
  }
  return cacheableResponse(request, JSON.stringify(parsed.data), { contentType: "application/json; charset=utf-8", lastModified });
}
