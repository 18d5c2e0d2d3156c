import cluster, { type Worker } from "node:cluster";
import fs from "node:fs";
import path from "node:path";
import type { Config } from "../../app/platform/config.server";
import { announce, logger } from "../../app/platform/log.server";
import { openServices, type Services } from "../embedded/services";
import { readOrCreateSecret } from "../embedded/process-utils";
import { prepareDatabase } from "./boot";

// `npm start` with WEB_CONCURRENCY > 1 (issue 20 item 2): this primary process opens the database and search servers
// (embedded or configured), prepares the database once, and forks that many server processes sharing PORT through
// node:cluster. The processes share nothing in memory: sessions, throttles that must hold across servers, the outbox
// and every cache that must agree live in PostgreSQL (docs/decisions/038-several-server-processes.md). The primary
// serves no request; it restarts a process that dies and, on SIGTERM, stops them one by one as each drains.

/** A process that dies is replaced; this many deaths within a minute means something is wrong with every start. */
const MAX_RESTARTS_PER_MINUTE = 5;
/** docs/interfaces.md promises everything is gone within 10 s of SIGTERM. */
const STOP_DEADLINE_MS = 9500;

export async function runPrimary(validated: Readonly<Config>, processes: number) {
  const log = logger();
  let stopping = false;
  let services: Services | undefined;
  const restarts: number[] = [];

  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(code || 1), STOP_DEADLINE_MS).unref();
    log.info({ event: "server.stopping", code, processes: Object.keys(cluster.workers ?? {}).length }, "stopping");
    const exits = Object.values(cluster.workers ?? {}).map(
      (w) =>
        new Promise<void>((resolve) => {
          if (!w || w.isDead()) return resolve();
          w.once("exit", () => resolve());
          w.process.kill("SIGTERM");
        }),
    );
    await Promise.all(exits);
    await services?.close().catch(() => undefined);
    log.info({ event: "server.stopped", code }, "stopped");
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  try {
    services = await openServices(validated, { log, restartMeiliOnExit: true });
    fs.rmSync(path.join(validated.dataDir, "pdf-cache"), { recursive: true, force: true });
    await prepareDatabase(services.databaseUrl, { production: validated.NODE_ENV === "production", log });
  } catch (e) {
    log.fatal({ event: "server.failed", err: e }, (e as Error).message);
    return stop(1);
  }
  // What the processes must share: the servers this primary opened, and one session secret (a cookie signed by one
  // process is read by another).
  const env = {
    DATABASE_URL: services.databaseUrl,
    MEILI_URL: services.meiliUrl,
    MEILI_MASTER_KEY: services.meiliKey,
    SESSION_SECRET: validated.SESSION_SECRET ?? readOrCreateSecret(path.join(validated.dataDir, "session.secret")),
  };

  const listening = new Set<number>();
  let announced = false;
  cluster.on("listening", (worker: Worker, address) => {
    listening.add(worker.id);
    if (announced || listening.size < processes) return;
    announced = true;
    const host = address.address && address.address !== "::" ? address.address : validated.HOST;
    log.info({ event: "server.processes", processes, pids: Object.values(cluster.workers ?? {}).map((w) => w?.process.pid) }, `${processes} server processes`);
    // the line the test harness and .ci/smoke-start.sh wait for: every process is listening
    announce(log, { event: "server.ready", url: `http://${host}:${address.port}` }, `catalogue ready at http://${host}:${address.port}`);
  });
  cluster.on("exit", (worker, code, signal) => {
    listening.delete(worker.id);
    if (stopping) return;
    const now = Date.now();
    restarts.push(now);
    while (restarts.length && restarts[0]! < now - 60_000) restarts.shift();
    log.error({ event: "server.process.died", pid: worker.process.pid, code, signal }, `server process ${worker.process.pid} died; starting another`);
    if (restarts.length > MAX_RESTARTS_PER_MINUTE) {
      log.fatal({ event: "server.process.gave_up", restarts: restarts.length }, "server processes keep dying: stopping");
      return void stop(1);
    }
    cluster.fork(env);
  });
  for (let i = 0; i < processes; i++) cluster.fork(env);
}
