import { completeConfig, config, ConfigError, type Config } from "../../app/platform/config.server";
import { messageLog } from "../../app/platform/log.server";
import { createSearchContext, type SearchContext } from "../../app/search/client.server";
import { createDb, type Db } from "../../db/client";
import { openServices, type Services } from "../embedded/services";

export interface CliContext {
  config: Config;
  services: Services;
  db: Db;
  search: SearchContext;
}

/**
 * A command-line tool's progress line, for the person running it. The server process logs through
 * app/platform/log.server.ts instead (structured, with levels).
 */
export function log(message: string) {
  console.log(`[haidong] ${message}`);
}

/** config(), or the operator's list of problems and exit 1: scripts validate before they touch anything. */
export function configOrExit(): Readonly<Config> {
  try {
    return config();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
}

/**
 * Runs a command-line task against the configured servers: the environment's, the running app's embedded ones, or
 * embedded ones started just for this task (and stopped after it).
 */
export async function runCli(task: (ctx: CliContext) => Promise<number | void>) {
  let config = configOrExit();
  let services: Services | undefined;
  let db: Db | undefined;
  let code = 0;
  try {
    services = await openServices(config, { log: messageLog(log) });
    // app code the task calls (image storage, search documents) reads the servers this task actually uses
    config = completeConfig({ DATABASE_URL: services.databaseUrl, MEILI_URL: services.meiliUrl, MEILI_MASTER_KEY: services.meiliKey });
    db = createDb(services.databaseUrl, { max: 4 });
    const search = createSearchContext({ url: services.meiliUrl, key: services.meiliKey, prefix: config.MEILI_INDEX_PREFIX, timeoutMs: 10_000 });
    code = (await task({ config, services, db, search })) ?? 0;
  } catch (e) {
    console.error(`[haidong] ${(e as Error).message}`);
    code = 1;
  } finally {
    await db?.destroy();
    await services?.close();
  }
  process.exit(code);
}
