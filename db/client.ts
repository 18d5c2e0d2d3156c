import { CompiledQuery, Kysely, type DatabaseConnection, type Driver } from "kysely";
import { PostgresJSDialect } from "kysely-postgres-js";
import postgres from "postgres";
import type { Database } from "./schema";

export type Db = Kysely<Database>;

export interface DbOptions {
  /** Pool size; the app keeps it small so several app servers fit under max_connections. */
  max?: number;
  /** Seconds to wait for a connection before failing, low so an outage fails fast (postgres.js defaults to 30). */
  connectTimeout?: number;
}

const LOST_CONNECTION_CODES = new Set([
  // postgres.js
  "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT",
  // the socket
  "ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH",
  // the server: shutting down, crashed, starting up, too many clients
  "57P01", "57P02", "57P03", "53300",
]);

/** The database gave up on a query after its statement_timeout (or an operator cancelled it): worth a retry, not a 500. */
export function isQueryCanceled(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "57014";
}

/** The database could not be reached or dropped the connection (as opposed to a query that failed on its own). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  // SQLSTATE class 08: connection exceptions
  return typeof code === "string" && (LOST_CONNECTION_CODES.has(code) || code.startsWith("08"));
}

/**
 * Passes every call on a reserved connection through, reporting how each query settled: failed because the connection
 * was lost, or succeeded. (`then` is the only hook: a postgres.js query is a lazy promise, and kysely awaits it.)
 */
function watched<T extends object>(target: T, report: (lost: boolean) => void): T {
  return new Proxy(target, {
    get(obj, prop) {
      const value: unknown = Reflect.get(obj, prop, obj);
      if (typeof value !== "function") return value;
      if (prop === "then") {
        return (ok?: (v: unknown) => unknown, fail?: (e: unknown) => unknown) =>
          (value as Promise<unknown>["then"]).call(
            obj,
            (v: unknown) => {
              report(false);
              return ok ? ok(v) : v;
            },
            (e: unknown) => {
              if (isDatabaseUnavailable(e)) report(true);
              if (fail) return fail(e);
              throw e;
            },
          );
      }
      if (prop === "unsafe") return (...args: unknown[]) => watched((value as (...a: unknown[]) => object).apply(obj, args), report);
      return (value as (...a: unknown[]) => unknown).bind(obj);
    },
  });
}

/** Waiting longer than this for a pooled connection counts as "database unavailable" (a 503), not a hung request. */
const RESERVE_TIMEOUT_MS = 15_000;

/**
 * kysely 0.28's PostgresDriver, when ROLLBACK fails, marks the connection for discard through a method the
 * kysely-postgres-js 3.0 connection lacks; the resulting TypeError replaced the connection error, so a save cut off by a
 * database restart answered 500 instead of 503. postgres.js drops a dead connection by itself, so the rollback's own
 * error is passed on unchanged.
 */
class PostgresJSDialectWithPlainRollback extends PostgresJSDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.rollbackTransaction = async (connection: DatabaseConnection) => {
      await connection.executeQuery(CompiledQuery.raw("rollback"));
    };
    return driver;
  }
}

export function createDb(url: string, options: DbOptions = {}): Db {
  const open = () =>
    postgres(url, {
      max: options.max ?? 10,
      connect_timeout: options.connectTimeout ?? 3,
      idle_timeout: 60,
      onnotice: () => undefined,
      // int8 (bigserial ids, count(*)) parsed as JS numbers: our values stay far below 2^53, and strings leak into JSON.
      // date columns stay 'YYYY-MM-DD' strings: a JS Date would shift them by the server's time zone.
      types: {
        int8: { to: 20, from: [20], serialize: (v: number) => String(v), parse: (v: string) => Number(v) },
        date: { to: 1082, from: [1082], serialize: (v: string) => v, parse: (v: string) => v },
      },
    });
  // After the server drops connections (a restart, a failover), postgres.js 3.4.9 can leave a connection object whose
  // write timer is stale, so every later query on it waits forever (porsager/postgres#1208). So the pool is retired
  // when a connection is lost, and once more at the first success after that (pools opened during the outage may hold
  // such connections); an old pool is ended after 5 s, which rejects whatever still hangs on it.
  let pool = open();
  let renewedAt = 0;
  let lost = false;
  const renew = () => {
    renewedAt = Date.now();
    const old = pool;
    pool = open();
    void old.end({ timeout: 5 }).catch(() => undefined);
  };
  const report = (connectionLost: boolean) => {
    if (connectionLost) {
      lost = true;
      if (Date.now() - renewedAt >= 1000) renew();
    } else if (lost) {
      lost = false;
      renew();
    }
  };
  const reserve = async () => {
    const pending = pool.reserve();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error("no database connection within 15 s"), { code: "CONNECT_TIMEOUT" })), RESERVE_TIMEOUT_MS);
    });
    try {
      return watched(await Promise.race([pending, timeout]), report);
    } catch (e) {
      // a connection that arrives after we gave up goes straight back
      pending.then((c) => c.release(), () => undefined);
      if (isDatabaseUnavailable(e)) report(true);
      throw e;
    } finally {
      clearTimeout(timer);
    }
  };
  const handle = Object.assign(() => {
    throw new Error("use the Kysely instance");
  }, {
    reserve,
    end: (o?: { timeout?: number }) => pool.end(o),
  });
  return new Kysely<Database>({ dialect: new PostgresJSDialectWithPlainRollback({ postgres: handle as unknown as postgres.Sql }) });
}
