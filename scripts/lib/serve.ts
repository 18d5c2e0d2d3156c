import cluster from "node:cluster";
import fs from "node:fs";
import net from "node:net";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { PdfRenderer } from "../../app/events/pdf.server";
import { completeConfig, type Config } from "../../app/platform/config.server";
import { announce, logger, scopedLog } from "../../app/platform/log.server";
import { listeningOrigin } from "../../app/platform/public-origin.server";
import { createHttpApp } from "../../app/server/http";
import { startSyncWorker, type SyncWorker } from "../../app/search/sync.server";
import { startMailWorker, type MailWorker } from "../../app/notifications/mail-worker.server";
import { imageStorage, pictureBaseUrl } from "../../app/images/storage.server";
import { S3ImageStorage } from "../../app/images/s3-storage.server";
import { evidenceStorage } from "../../app/evidence/storage.server";
import { db, search } from "../../app/services.server";
import { openServices, type Services } from "../embedded/services";
import { readOrCreateSecret } from "../embedded/process-utils";
import { prepareDatabase } from "./boot";
import { runPrimary } from "./cluster";

// The start-up `npm start` (scripts/start.ts) and `npm run dev` (scripts/dev.ts) share: embedded services, migrations
// and seeding, the search sync worker, the HTTP app with every guard, and the shutdown that stops it all. They differ
// only in where the app comes from, which each passes in as an AppSource.

/** What createHttpApp needs that differs between the production build and Vite's dev server. */
export type AppSource = Pick<Parameters<typeof createHttpApp>[0], "build" | "client" | "remixMode"> & {
  /** stops what the source started (the Vite dev server); called on shutdown */
  close?: () => Promise<void>;
};

function isDriverWriteAfterClose(e: unknown) {
  return e instanceof TypeError && /reading 'write'/.test(e.message) && /postgres[\\/]src[\\/]connection\.js/.test(e.stack ?? "");
}

/**
 * Starts the catalogue and serves it on HOST:PORT until SIGINT/SIGTERM. `loadApp` is called once the database is
 * ready, with the HTTP server before it listens (Vite runs its hot-reload socket on the same server and port).
 */
export async function serveCatalogue(validated: Readonly<Config>, loadApp: (server: Server) => Promise<AppSource>, options: { processes?: number } = {}) {
  const production = validated.NODE_ENV === "production";
  const log = logger();
  if ((options.processes ?? 1) > 1 && cluster.isPrimary) return runPrimary(validated, options.processes!);
  // Filled in as start-up proceeds; shutdown stops whatever has started so far.
  const running: { services?: Services; server?: Server; source?: AppSource; worker?: SyncWorker; mail?: MailWorker; pdf?: PdfRenderer } = {};
  let shuttingDown = false;

  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    // Hard deadline: docs/interfaces.md promises everything is gone within 10 s.
    setTimeout(() => process.exit(code || 1), 9000).unref();
    log.info({ event: "server.stopping", code }, "stopping");
    const { server, worker, services } = running;
    await new Promise<void>((resolve) => {
      if (!server) return resolve();
      // Stop accepting, but not through http.Server#close: since Node 19 that also closes every connection without a
      // request in progress, and a connection accepted a moment ago whose request is still on its way counts as one.
      // Behind nginx that request then fails (502) and a form is not resent. net.Server#close only stops accepting.
      net.Server.prototype.close.call(server, () => resolve());
      // idle keep-alive connections go after a moment, once any just-accepted request has arrived and started
      setTimeout(() => server.closeIdleConnections(), 1000).unref();
      // requests in flight get 5 s to finish (a picture upload on a busy server during a rolling restart), within the
      // 9 s deadline above; then the rest are cut
      setTimeout(() => server.closeAllConnections(), 5000).unref();
    });
    await running.source?.close?.().catch(() => undefined);
    await running.pdf?.close().catch(() => undefined);
    await worker?.stop().catch(() => undefined);
    await running.mail?.stop().catch(() => undefined);
    await db()
      .destroy()
      .catch(() => undefined);
    await services?.close().catch(() => undefined);
    log.info({ event: "server.stopped", code }, "stopped");
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  process.on("uncaughtException", (e) => {
    // postgres.js 3.4.9 throws this from a timer when the server drops a connection with a write still queued
    // (porsager/postgres#1154): the query itself was already rejected and the pool is renewed (db/client.ts), so it
    // is no reason to take every other request down with the process.
    if (isDriverWriteAfterClose(e)) return void log.warn({ event: "process.uncaught", err: e, ignored: true }, "postgres.js wrote to a closed connection");
    log.fatal({ event: "process.uncaught", err: e }, `uncaught exception: ${e.message}`);
    void shutdown(1);
  });
  process.on("unhandledRejection", (e) => {
    log.fatal({ event: "process.unhandled_rejection", err: e }, `unhandled rejection: ${(e as Error)?.message ?? String(e)}`);
    void shutdown(1);
  });

  // In a cluster the primary opened the servers and hands their URLs down: a worker starts nothing embedded.
  const services = (running.services = await openServices(validated, { log, restartMeiliOnExit: true }));
  // Cached catalogue PDFs (app/events/catalogue-pdf.server.ts) were laid out by the previous build: start afresh.
  if (cluster.isPrimary) fs.rmSync(path.join(validated.dataDir, "pdf-cache"), { recursive: true, force: true });
  // What start-up learned goes into the one config every reader — this script and the server build alike — shares,
  // before anything reads it. Outside production a generated secret (kept in $DATA_DIR, 0600) signs session cookies;
  // production must set one.
  const booted = completeConfig({
    DATABASE_URL: services.databaseUrl,
    MEILI_URL: services.meiliUrl,
    MEILI_MASTER_KEY: services.meiliKey,
    SESSION_SECRET: validated.SESSION_SECRET ?? readOrCreateSecret(path.join(validated.dataDir, "session.secret")),
  });

  // a cluster's primary (scripts/lib/cluster.ts) has migrated and seeded before it started this process
  await prepareDatabase(services.databaseUrl, { production: production || cluster.isWorker, log });
  const storage = imageStorage();
  const pictureBase = pictureBaseUrl();
  running.worker = startSyncWorker(db(), search(), { log, storage, evidence: evidenceStorage() });
  // the mail queue's sender, beside it in every process (rows are claimed, so several processes never send one twice);
  // without SMTP_URL mail is kept for /staff/outbox and nothing is sent (app/notifications/mail-worker.server.ts)
  if (booted.SMTP_URL) running.mail = startMailWorker(db(), { smtpUrl: booted.SMTP_URL, from: booted.MAIL_FROM, log });

  const server = (running.server = createServer());
  const source = (running.source = await loadApp(server));
  // One Chromium for every PDF this process prints, launched on the first one (app/events/pdf.server.ts); its lines
  // carry the id of the request that asked for the PDF.
  const pdf = (running.pdf = new PdfRenderer({ concurrency: 2, queue: 8, log: scopedLog }));
  // Known once listening (PORT=0 picks one); requests only arrive after that.
  let serverOrigin = "";
  const app = createHttpApp({
    build: source.build,
    client: source.client,
    remixMode: source.remixMode,
    images: storage instanceof S3ImageStorage ? { bucket: storage } : { dir: path.join(booted.dataDir, "images") },
    pictureOrigin: pictureBase.startsWith("/") ? undefined : new URL(pictureBase).origin,
    publicOrigin: booted.PUBLIC_ORIGIN,
    production,
    trustProxy: booted.TRUST_PROXY === "1",
    serverOrigin: () => serverOrigin,
    pdf,
  });
  server.on("request", app);
  server.listen(booted.PORT, booted.HOST, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : booted.PORT;
    serverOrigin = listeningOrigin(typeof address === "object" && address ? address : { address: booted.HOST, port });
    // in a cluster the primary announces the catalogue once every process listens
    if (cluster.isWorker) return void log.debug({ event: "server.worker.listening", port }, `process ${process.pid} listening`);
    // the line the test harness, scripts/catalogue-pdf.ts and .ci/smoke-start.sh wait for, whatever LOG_LEVEL says
    announce(log, { event: "server.ready", url: `http://${booted.HOST}:${port}` }, `catalogue ready at http://${booted.HOST}:${port}`);
  });
}
