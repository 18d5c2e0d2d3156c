import { Kysely } from "kysely";
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

/** The database could not be reached or dropped the connection (as opposed to a query that failed on its own). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  // SQLSTATE class 08: connection exceptions
  return typeof code === "string" && (LOST_CONNECTION_CODES.has(code) || code.startsWith("08"));
}

/**
 * Passes every call on a reserved connection through, noticing when a query fails because the connection was lost.
 * (`then` is the only hook: a postgres.js query is a lazy promise, and kysely awaits it.)
 */
function watched<T extends object>(target: T, onLost: () => void): T {
  return new Proxy(target, {
    get(obj, prop) {
      const value: unknown = Reflect.get(obj, prop, obj);
      if (typeof value !== "function") return value;
      if (prop === "then") {
        return (ok?: (v: unknown) => unknown, fail?: (e: unknown) => unknown) =>
          (value as Promise<unknown>["then"]).call(obj, ok, (e: unknown) => {
            if (isDatabaseUnavailable(e)) onLost();
            if (fail) return fail(e);
            throw e;
          });
      }
      if (prop === "unsafe") return (...args: unknown[]) => watched((value as (...a: unknown[]) => object).apply(obj, args), onLost);
      return (value as (...a: unknown[]) => unknown).bind(obj);
    },
  });
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
  // write timer is stale, so every later query on it waits forever (porsager/postgres#1208). So a lost connection
  // retires the whole pool: new requests get a fresh one, the old one is ended once its queries have settled.
  let pool = open();
  let renewedAt = 0;
  const renew = () => {
    if (Date.now() - renewedAt < 1000) return;
    renewedAt = Date.now();
    const old = pool;
    pool = open();
    void old.end({ timeout: 5 }).catch(() => undefined);
  };
  const handle = Object.assign(() => {
    throw new Error("use the Kysely instance");
  }, {
    reserve: async () => {
      try {
        return watched(await pool.reserve(), renew);
      } catch (e) {
        if (isDatabaseUnavailable(e)) renew();
        throw e;
      }
    },
    end: (o?: { timeout?: number }) => pool.end(o),
  });
  return new Kysely<Database>({ dialect: new PostgresJSDialect({ postgres: handle as unknown as postgres.Sql }) });
}
