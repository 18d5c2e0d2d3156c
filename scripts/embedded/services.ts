import fs from "node:fs";
import path from "node:path";
import type { Config } from "../../app/platform/config.server";
import { quietLog, type EventLog } from "../../app/platform/log.server";
import { startEmbeddedMeili, type EmbeddedMeili } from "./meilisearch";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./postgres";
import { commandLineOf, isAlive, readOrCreateSecret, stopProcess } from "./process-utils";

/**
 * Where the database and search server come from: the URLs in the environment (production), or the embedded default
 * under $DATA_DIR. A running app records its embedded servers in $DATA_DIR/run/services.json (mode 0600) so that the
 * command-line scripts reach the same servers; when no app runs, a script starts them for its own duration.
 */
export interface Services {
  databaseUrl: string;
  meiliUrl: string;
  meiliKey: string | undefined;
  /** True when this process started a server (and must stop it). */
  embedded: { postgres: boolean; meili: boolean };
  close(): Promise<void>;
}

interface StateFile {
  ownerPid: number;
  postgres?: { url: string; pid: number };
  meili?: { url: string; pid: number };
}

const DATABASE_NAME = "haidong";

function stateFile(config: Config) {
  return path.join(config.dataDir, "run", "services.json");
}

function readState(config: Config): StateFile | undefined {
  try {
    return JSON.parse(fs.readFileSync(stateFile(config), "utf8")) as StateFile;
  } catch {
    return undefined;
  }
}

function writeState(config: Config, state: StateFile) {
  const file = stateFile(config);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file + ".tmp", JSON.stringify(state), { mode: 0o600 });
  fs.renameSync(file + ".tmp", file);
}

export async function openServices(config: Config, options: { log?: EventLog; restartMeiliOnExit?: boolean } = {}): Promise<Services> {
  const log = options.log ?? quietLog;
  const state = readState(config);
  const ownerRunning = !!state && state.ownerPid !== process.pid && isAlive(state.ownerPid);
  let pg: EmbeddedPostgres | undefined;
  let meili: EmbeddedMeili | undefined;
  let databaseUrl = config.DATABASE_URL;
  let meiliUrl = config.MEILI_URL;
  let meiliKey = config.MEILI_MASTER_KEY;
  const meiliKeyFile = path.join(config.dataDir, "meili.key");

  let closing = false;
  const stopAll = async () => {
    closing = true;
    await meili?.stop();
    await pg?.stop();
  };
  const killAll = () => {
    meili?.kill();
    pg?.kill();
  };
  process.on("exit", killAll);

  try {
    if (!databaseUrl) {
      if (ownerRunning && state?.postgres && isAlive(state.postgres.pid)) {
        databaseUrl = state.postgres.url;
      } else {
        log.info({ event: "embedded.postgres.starting" }, "starting embedded PostgreSQL 15");
        pg = await startEmbeddedPostgres({
          dir: path.join(config.dataDir, "postgres"),
          passwordFile: path.join(config.dataDir, "postgres.password"),
          database: DATABASE_NAME,
          notice: (line) => log.info({ event: "embedded.postgres.relocated" }, line),
        });
        databaseUrl = pg.url;
        log.debug({ event: "embedded.postgres.started", pid: pg.pid }, "embedded PostgreSQL is up");
      }
    }
    if (!meiliUrl) {
      if (ownerRunning && state?.meili && isAlive(state.meili.pid)) {
        meiliUrl = state.meili.url;
        meiliKey = readOrCreateSecret(meiliKeyFile);
      } else {
        const stale = state?.meili?.pid;
        if (stale && isAlive(stale) && commandLineOf(stale).includes("meilisearch")) await stopProcess(stale, "SIGTERM", 5000);
        log.info({ event: "embedded.meili.starting" }, "starting embedded Meilisearch");
        const meiliOptions = {
          dir: path.join(config.dataDir, "meili"),
          keyFile: meiliKeyFile,
          binDir: path.join(config.dataDir, "bin"),
          binOverride: config.MEILI_BIN,
        };
        meili = await startEmbeddedMeili(meiliOptions);
        meiliUrl = meili.url;
        meiliKey = meili.key;
        log.debug({ event: "embedded.meili.started", pid: meili.pid }, "embedded Meilisearch is up");
        if (options.restartMeiliOnExit)
          superviseMeili(
            meili,
            meiliOptions,
            log,
            (m) => (meili = m),
            () => closing,
          );
      }
    }
  } catch (e) {
    await stopAll();
    throw e;
  }

  const record = () => {
    if (!pg && !meili) return;
    writeState(config, {
      ownerPid: process.pid,
      postgres: pg ? { url: pg.url, pid: pg.pid } : state?.postgres,
      meili: meili ? { url: meili.url, pid: meili.pid } : state?.meili,
    });
  };
  record();
  recordState = record;

  return {
    databaseUrl: databaseUrl!,
    meiliUrl: meiliUrl!,
    meiliKey,
    embedded: { postgres: !!pg, meili: !!meili },
    close: async () => {
      process.off("exit", killAll);
      await stopAll();
      if (pg || meili) {
        const current = readState(config);
        if (current?.ownerPid === process.pid) fs.rmSync(stateFile(config), { force: true });
      }
    },
  };
}

let recordState: () => void = () => undefined;

/** Restarts a crashed embedded Meilisearch on the same port, so clients built with its URL keep working. */
function superviseMeili(
  current: EmbeddedMeili,
  options: Parameters<typeof startEmbeddedMeili>[0],
  log: EventLog,
  replace: (m: EmbeddedMeili) => void,
  closing: () => boolean,
) {
  const port = Number(new URL(current.url).port);
  current.onUnexpectedExit(async (code) => {
    if (closing()) return;
    log.warn({ event: "supervisor.meili.exited", code }, `embedded Meilisearch exited (code ${code}); restarting`);
    for (let attempt = 1; attempt <= 5 && !closing(); attempt++) {
      try {
        const next = await startEmbeddedMeili({ ...options, port });
        if (closing()) return next.kill();
        replace(next);
        recordState();
        log.info({ event: "supervisor.meili.restarted", attempt, pid: next.pid }, `embedded Meilisearch restarted (attempt ${attempt})`);
        superviseMeili(next, options, log, replace, closing);
        return;
      } catch (e) {
        log.warn({ event: "supervisor.meili.restart_failed", attempt, err: e }, `restart attempt ${attempt} failed: ${(e as Error).message}`);
        await new Promise((r) => setTimeout(r, attempt * 1000));
      }
    }
    if (!closing()) log.error({ event: "supervisor.meili.gave_up" }, "embedded Meilisearch did not restart after 5 attempts; search answers from PostgreSQL");
  });
}
