import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createReadableStreamFromReadable, createRequestHandler, writeReadableStreamToWritable, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import express from "express";
import type { ViteDevServer } from "vite";
import type { PdfRenderer } from "../events/pdf.server";
import type { S3ImageStorage } from "../images/s3-storage.server";
import { IMMUTABLE_CACHE_CONTROL, imageContentType, isImageKey } from "../images/storage.server";
import { logger } from "../platform/log.server";
import { sendPlainError } from "./error-page";
import { requestBodyGuard } from "./request-body";
import { requestLogging } from "./request-log";
import { originCheck, privateResponses, securityHeaders } from "./security";

/**
 * A request that failed because PostgreSQL was unreachable (entry.server.tsx handleError marks it) answers 503 with
 * Retry-After instead of 500: the page is fine, the database is briefly away (a restart, a failover).
 */
function unavailableAs503(_req: express.Request, res: express.Response, next: express.NextFunction) {
  const writeHead = res.writeHead;
  res.writeHead = function (this: express.Response, statusCode: number, ...rest: unknown[]) {
    if (statusCode === 500 && res.locals.databaseUnavailable) {
      statusCode = 503;
      this.statusMessage = "Service Unavailable";
      this.setHeader("Retry-After", "5");
      this.setHeader("Cache-Control", "no-store");
    }
    return (writeHead as (...a: unknown[]) => express.Response).call(this, statusCode, ...rest);
  } as typeof res.writeHead;
  next();
}

/**
 * Where the browser's files come from: the production build's client folder (`npm start`), or Vite's dev server,
 * which compiles them on request and pushes edits to the page (`npm run dev`, docs/decisions/024-dev-server.md).
 */
export type ClientFiles = { buildDir: string } | { vite: Pick<ViteDevServer, "middlewares"> };

export function createHttpApp(options: {
  /** the server build, or (dev server) a function that loads the current one for each request */
  build: ServerBuild | (() => Promise<ServerBuild>);
  client: ClientFiles;
  /** "development" only under the dev server: Remix then adds critical CSS and shows error details */
  remixMode?: "production" | "development";
  /** where /images/<key> comes from: files on disk, or the bucket (streamed through the app) */
  images: { dir: string } | { bucket: Pick<S3ImageStorage, "open"> };
  /** the origin of S3_PUBLIC_BASE_URL, when pages take their pictures from there (the CSP allows it) */
  pictureOrigin?: string;
  publicOrigin?: string;
  production: boolean;
  trustProxy: boolean;
  /** this server's own origin once it listens (scripts/start.ts); never the Host of a request */
  serverOrigin: () => string;
  pdf: PdfRenderer;
}) {
  const app = express();
  app.disable("x-powered-by");
  // Client addresses and protocol come from X-Forwarded-* only behind a proxy the operator declared (TRUST_PROXY=1).
  app.set("trust proxy", options.trustProxy ? 1 : false);
  // First, so every answer — a guard's refusal too — carries X-Request-Id and gets its access line.
  app.use(requestLogging());
  app.use(securityHeaders(options.production, options.pictureOrigin));
  app.use(originCheck(options.publicOrigin));
  // Guards above and below apply alike to both sources of the browser's files.
  if ("vite" in options.client) app.use(options.client.vite.middlewares);
  else app.use(builtClientFiles(options.client.buildDir));
  app.use("/images", "dir" in options.images ? imagesFromDisk(options.images.dir) : imagesFromBucket(options.images.bucket));
  app.use(requestBodyGuard());
  app.use(unavailableAs503);
  app.use(privateResponses());
  app.all(
    "*",
    remixHandler(options.build, options.remixMode ?? "production", (req, res) => ({
      cspNonce: String(res.locals.cspNonce ?? ""),
      clientAddress: req.ip ?? "unknown",
      databaseUnavailable: () => void (res.locals.databaseUnavailable = true),
      serverOrigin: options.serverOrigin(),
      pdf: options.pdf,
    })),
  );
  // The one final error handler: whatever fails outside Remix (a malformed path, a missing image, a refused dotfile)
  // answers a plain page in the visitor's language, whatever NODE_ENV says; the detail goes to the log only.
  app.use((error: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = Number((error as { status?: number; statusCode?: number }).status ?? (error as { statusCode?: number }).statusCode ?? 500);
    if (error instanceof URIError || status === 400) return sendPlainError(req, res, 400, "http.badRequest");
    // a refused dotfile (403 from the static server) is reported like any other missing file
    if (status === 403 || status === 404) return sendPlainError(req, res, 404, "http.notFound");
    // the request's access line (same requestId) says which path; the URL is not repeated here with its query
    (res.locals.log ?? logger()).error({ event: "http.error", err: error }, "request failed");
    sendPlainError(req, res, 500, "http.error");
  });
  return app;
}

// Image variants are named by content hash and re-encoded by us: safe to cache forever (IMMUTABLE_CACHE_CONTROL, the
// same from disk, from the bucket through the app, or from the bucket itself); nosniff is set globally.

function imagesFromDisk(dir: string) {
  // send's MIME table predates AVIF (it would say application/octet-stream, which nosniff makes unusable).
  const setHeaders = (res: express.Response, file: string) => {
    if (file.endsWith(".avif")) res.setHeader("Content-Type", "image/avif");
  };
  return express.static(dir, { immutable: true, maxAge: "1y", index: false, dotfiles: "deny", fallthrough: false, setHeaders });
}

/**
 * /images/<key> streamed from the bucket (no public base URL configured, or a page that must stay same-origin: the
 * presenter's offline copy, open data, og:image). Anything that is not an image key the server generated is a 404
 * before the bucket is asked; a key the bucket does not hold is a 404 too.
 */
function imagesFromBucket(bucket: Pick<S3ImageStorage, "open">) {
  const notFound = Object.assign(new Error("no such picture"), { status: 404 });
  return async (req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("Allow", "GET, HEAD");
      return res.status(405).end();
    }
    let key: string;
    try {
      key = decodeURIComponent(req.path.slice(1));
    } catch {
      return next(notFound);
    }
    if (!isImageKey(key)) return next(notFound);
    try {
      const object = await bucket.open(key);
      if (!object) return next(notFound);
      res.status(200);
      res.setHeader("Content-Type", imageContentType(key));
      res.setHeader("Cache-Control", IMMUTABLE_CACHE_CONTROL);
      if (object.length !== undefined) res.setHeader("Content-Length", String(object.length));
      if (object.etag) res.setHeader("ETag", object.etag);
      if (req.method === "HEAD") {
        object.body.destroy();
        return res.end();
      }
      await pipeline(object.body, res);
    } catch (error) {
      if (res.headersSent) return void res.destroy();
      next(error);
    }
  };
}

function builtClientFiles(buildDir: string): express.Router {
  const router = express.Router();
  const clientDir = path.join(buildDir, "client");
  // Fingerprinted Vite assets never change under their name.
  router.use("/assets", express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y", index: false }));
  // The few files public/ puts at the top (og image, service worker) are listed once, so page requests skip a stat().
  const topLevelFiles = new Set(
    fs
      .readdirSync(clientDir, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => `/${entry.name}`),
  );
  const topLevel = express.static(clientDir, { maxAge: "1h", index: false });
  router.use((req, res, next) => (topLevelFiles.has(req.path) ? topLevel(req, res, next) : next()));
  return router;
}

function requestHeaders(req: express.Request) {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else if (value) headers.set(key, value);
  }
  return headers;
}

/** The request's URL as the adapter builds it: req.hostname honours "trust proxy"; the port comes from the header. */
function requestUrl(req: express.Request): URL | null {
  const portOf = (header: string | undefined) => Number.parseInt(header?.split(":")[1] ?? "", 10);
  const forwarded = portOf(req.get("x-forwarded-host"));
  const direct = portOf(req.get("host"));
  const port = Number.isSafeInteger(forwarded) ? forwarded : Number.isSafeInteger(direct) ? direct : undefined;
  try {
    return new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  } catch {
    return null;
  }
}

/**
 * Remix's Express adapter, with the body the guard already read and checked (request-body.ts) instead of the raw
 * stream. Production mode unless this is the dev server: it strips error details and stacks from responses.
 */
function remixHandler(
  build: ServerBuild | (() => Promise<ServerBuild>),
  mode: "production" | "development",
  getLoadContext: (req: express.Request, res: express.Response) => AppLoadContext,
) {
  const handle = createRequestHandler(build, mode);
  return async (req: express.Request, res: express.Response, next: express.NextFunction) => {
    try {
      const controller = new AbortController();
      res.on("close", () => !res.writableFinished && controller.abort());
      const url = requestUrl(req);
      if (!url) return sendPlainError(req, res, 400, "http.badRequest");
      const init: RequestInit & { duplex?: "half" } = { method: req.method, headers: requestHeaders(req), signal: controller.signal };
      if (req.method !== "GET" && req.method !== "HEAD") {
        const body = res.locals.body as Buffer | undefined;
        init.body = body ? new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength) : createReadableStreamFromReadable(req);
        init.duplex = "half";
      }
      const response = await handle(new Request(url.href, init), getLoadContext(req, res));
      res.statusMessage = response.statusText;
      res.status(response.status);
      for (const [key, value] of response.headers.entries()) res.append(key, value);
      if (response.body) await writeReadableStreamToWritable(response.body, res);
      else res.end();
    } catch (error) {
      next(error);
    }
  };
}
