import { spawnSync } from "node:child_process";
import fs from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { PdfRenderer } from "../app/events/pdf.server";
import { listeningOrigin } from "../app/platform/public-origin.server";
import { createHttpApp } from "../app/server/http";
import { startSyncWorker, type SyncWorker } from "../app/search/sync.server";
import { db, search } from "../app/services.server";
import { createDb } from "../db/client";
import { openServices, type Services } from "./embedded/services";
import { readOrCreateSecret } from "./embedded/process-utils";
import { prepareCatalogue } from "./lib/boot";
import { configOrExit, log } from "./lib/cli";
import { completeConfig, config } from "../app/platform/config.server";

const root = path.resolve(import.meta.dirname, "..");
const buildDir = path.join(root, "build");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** `npm start` builds when there is no build or the sources are newer than it. */
function ensureBuilt() {
  // Test runs build once up front (npm test) and start many servers; none of them may rebuild underneath the others.
  if (config().HAIDONG_SKIP_BUILD === "1") return;
  const serverEntry = path.join(buildDir, "server", "index.js");
  const built = fs.existsSync(serverEntry) ? fs.statSync(serverEntry).mtimeMs : 0;
  const sources = Math.max(newestMtime(path.join(root, "app")), newestMtime(path.join(root, "db")), fs.statSync(path.join(root, "vite.config.ts")).mtimeMs);
  if (built > sources) return;
  log("building the app (first start or changed sources)");
  const result = spawnSync(process.execPath, [path.join(root, "node_modules", "@remix-run", "dev", "dist", "cli.js"), "vite:build", "--logLevel", "warn"], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("build failed");
}

function isDriverWriteAfterClose(e: unknown) {
  return e instanceof TypeError && /reading 'write'/.test(e.message) && /postgres[\\/]src[\\/]connection\.js/.test(e.stack ?? "");
}

async function main() {
  const validated = configOrExit();
  const production = validated.NODE_ENV === "production";
  ensureBuilt();

  // Filled in as start-up proceeds; shutdown stops whatever has started so far.
  const running: { services?: Services; server?: Server; worker?: SyncWorker; pdf?: PdfRenderer } = {};
  let shuttingDown = false;

  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    // Hard deadline: CONTRACTS promise everything is gone within 10 s.
    setTimeout(() => process.exit(code || 1), 9000).unref();
    log("stopping");
    const { server, worker, services } = running;
    await new Promise<void>((resolve) => {
      if (!server) return resolve();
      server.close(() => resolve());
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), 2000).unref();
    });
    await running.pdf?.close().catch(() => undefined);
    await worker?.stop().catch(() => undefined);
    await db()
      .destroy()
      .catch(() => undefined);
    await services?.close().catch(() => undefined);
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  process.on("uncaughtException", (e) => {
    console.error(e);
    // postgres.js 3.4.9 throws this from a timer when the server drops a connection with a write still queued
    // (porsager/postgres#1154): the query itself was already rejected and the pool is renewed (db/client.ts), so it
    // is no reason to take every other request down with the process.
    if (isDriverWriteAfterClose(e)) return;
    void shutdown(1);
  });
  process.on("unhandledRejection", (e) => {
    console.error(e);
    void shutdown(1);
  });

  const services = (running.services = await openServices(validated, { log, restartMeiliOnExit: true }));
  // Cached catalogue PDFs (app/events/catalogue-pdf.server.ts) were laid out by the previous build: start afresh.
  fs.rmSync(path.join(validated.dataDir, "pdf-cache"), { recursive: true, force: true });
  // What start-up learned goes into the one config every reader — this script and the server build alike — shares,
  // before anything reads it. Outside production a generated secret (kept in $DATA_DIR, 0600) signs session cookies;
  // production must set one.
  const booted = completeConfig({
    DATABASE_URL: services.databaseUrl,
    MEILI_URL: services.meiliUrl,
    MEILI_MASTER_KEY: services.meiliKey,
    SESSION_SECRET: validated.SESSION_SECRET ?? readOrCreateSecret(path.join(validated.dataDir, "session.secret")),
  });

  // Migrations and the first seeding may run longer than a request's query bound (DB_QUERY_TIMEOUT_MS): their own pool.
  const boot = createDb(services.databaseUrl, { max: 2 });
  try {
    await prepareCatalogue(boot, { log, seed: true, sample: !production });
  } finally {
    await boot.destroy();
  }
  running.worker = startSyncWorker(db(), search(), { log });

  const build = (await import(pathToFileURL(path.join(buildDir, "server", "index.js")).href)) as ServerBuild;
  // One Chromium for every PDF this process prints, launched on the first one (app/events/pdf.server.ts).
  const pdf = (running.pdf = new PdfRenderer({ concurrency: 2, queue: 8, log }));
  // Known once listening (PORT=0 picks one); requests only arrive after that.
  let serverOrigin = "";
  const app = createHttpApp({
    build,
    buildDir,
    imagesDir: path.join(booted.dataDir, "images"),
    publicOrigin: booted.PUBLIC_ORIGIN,
    production,
    trustProxy: booted.TRUST_PROXY === "1",
    serverOrigin: () => serverOrigin,
    pdf,
  });
  const server = (running.server = app.listen(booted.PORT, booted.HOST, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : booted.PORT;
    serverOrigin = listeningOrigin(typeof address === "object" && address ? address : { address: booted.HOST, port });
    log(`catalogue ready at http://${booted.HOST}:${port}`);
  }));
}

main().catch((e) => {
  console.error(`[haidong] ${(e as Error).message}`);
  process.exit(1);
});
