import fs from "node:fs";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import type { PdfRenderer } from "../events/pdf.server";
import { originCheck, securityHeaders } from "./security";

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

export function createHttpApp(options: {
  build: ServerBuild;
  buildDir: string;
  imagesDir: string;
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
  app.use(securityHeaders(options.production));
  app.use(originCheck(options.publicOrigin));
  const clientDir = path.join(options.buildDir, "client");
  // Fingerprinted Vite assets never change under their name.
  app.use("/assets", express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y", index: false }));
  // The few files public/ puts at the top (og image, service worker) are listed once, so page requests skip a stat().
  const topLevelFiles = new Set(
    fs.readdirSync(clientDir, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => `/${entry.name}`),
  );
  const topLevel = express.static(clientDir, { maxAge: "1h", index: false });
  app.use((req, res, next) => (topLevelFiles.has(req.path) ? topLevel(req, res, next) : next()));
  // Image variants are named by content hash and re-encoded by us: safe to cache forever; nosniff is set globally.
  // send's MIME table predates AVIF (it would say application/octet-stream, which nosniff makes unusable).
  const setHeaders = (res: express.Response, file: string) => {
    if (file.endsWith(".avif")) res.setHeader("Content-Type", "image/avif");
  };
  app.use("/images", express.static(options.imagesDir, { immutable: true, maxAge: "1y", index: false, dotfiles: "deny", fallthrough: false, setHeaders }));
  app.use(unavailableAs503);
  app.all(
    "*",
    createRequestHandler({
      build: options.build,
      // Always production mode: it strips error details and stacks from responses.
      mode: "production",
      getLoadContext: (req, res) => ({
        cspNonce: String(res.locals.cspNonce ?? ""),
        clientAddress: req.ip ?? "unknown",
        databaseUnavailable: () => void (res.locals.databaseUnavailable = true),
        serverOrigin: options.serverOrigin(),
        pdf: options.pdf,
      }),
    }),
  );
  return app;
}
