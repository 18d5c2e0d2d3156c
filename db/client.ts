import { CompiledQuery, Kysely, type DatabaseConnection, type Driver, type Transaction } from "kysely";
import { PostgresJSDialect } from "kysely-postgres-js";
import postgres from "postgres";
import type { Database } from "./schema";

export type Db = Kysely<Database>;
/** One open transaction, for code outside db/ that hands a transaction on to db/queries without knowing Kysely. */
export type Trx = Transaction<Database>;
/** Either: what every db/queries function takes first. */
export type Executor = Db | Trx;

export interface DbOptions {
  /** Pool size; the app keeps it small so several app servers fit under max_connections. */
  max?: number;
  /** Seconds to wait for a connection before failing, low so an outage fails fast (postgres.js defaults to 30). */
  connectTimeout?: number;
  /**
   * The bound on every statement (the app server's DB_QUERY_TIMEOUT_MS): the server cancels a statement after it
   * (statement_timeout, also idle_in_transaction_session_timeout), and the client gives up QUERY_DEADLINE_GRACE_MS
   * later, which is what ends a wait on a server that stopped answering altogether (SIGSTOP, a dead network): it never
   * sends its own cancel. Unset (command-line scripts: migrations, imports, backups may run long): no bound.
   */
  queryTimeoutMs?: number;
}

/** A live but busy server's own cancel (57014, the connection kept) should come before our hard cut (pool renewed). */
export const QUERY_DEADLINE_GRACE_MS = 1000;

const LOST_CONNECTION_CODES = new Set([
  // postgres.js, and our own deadline (a server that stopped answering)
  "QUERY_DEADLINE",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  // the socket
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  // the server: shutting down, crashed, starting up, too many clients
  "57P01",
  "57P02",
  "57P03",
  "53300",
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

interface Reservation {
  /** the pool it came from, retired when a query on it misses its deadline */
  pool: postgres.Sql;
  /** a query missed its deadline: the connection may still be waiting for a reply, so nothing more goes on it */
  dead?: Error;
}

/**
 * Passes every call on a reserved connection through, reporting how each query settled: failed because the connection
 * was lost, or succeeded. (`then` is the only hook: a postgres.js query is a lazy promise, and kysely awaits it.)
 * With a deadline, a query not settled by then is rejected (QUERY_DEADLINE) and its connection is given up.
 */
function watched<T extends object>(target: T, reservation: Reservation, deadlineMs: number | undefined, hooks: Hooks): T {
  return new Proxy(target, {
    get(obj, prop) {
      const value: unknown = Reflect.get(obj, prop, obj);
      if (typeof value !== "function") return value;
      if (prop === "then") {
        return (ok?: (v: unknown) => unknown, fail?: (e: unknown) => unknown) => {
          const settled = reservation.dead
            ? Promise.reject(reservation.dead)
            : withDeadline(value.call(obj) as Promise<unknown>, reservation, deadlineMs, hooks);
          return settled.then(
            (v: unknown) => {
              hooks.report(false);
              return ok ? ok(v) : v;
            },
            (e: unknown) => {
              if (isDatabaseUnavailable(e)) hooks.report(true);
              if (fail) return fail(e);
              throw e;
            },
          );
        };
      }
      if (prop === "unsafe") return (...args: unknown[]) => watched((value as (...a: unknown[]) => object).apply(obj, args), reservation, deadlineMs, hooks);
      // a connection given up stays reserved: its retired pool terminates it, and no other request may queue behind it
      if (prop === "release" && reservation.dead) return () => undefined;
      return (value as (...a: unknown[]) => unknown).bind(obj);
    },
  });
}

interface Hooks {
  report(connectionLost: boolean): void;
  /** a query on this reservation missed its deadline */
  stuck(reservation: Reservation): void;
}

function withDeadline<T>(query: Promise<T>, reservation: Reservation, deadlineMs: number | undefined, hooks: Hooks): Promise<T> {
  if (deadlineMs === undefined) return query;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reservation.dead = Object.assign(new Error(`the database did not answer within ${deadlineMs} ms`), { code: "QUERY_DEADLINE" });
      hooks.stuck(reservation);
      reject(reservation.dead);
    }, deadlineMs);
  });
  // the query's own late failure (its connection terminated) is of no interest once the deadline has answered
  query.catch(() => undefined);
  return Promise.race([query, deadline]).finally(() => clearTimeout(timer));
}

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

/** Without a query bound, waiting longer than this for a pooled connection counts as "database unavailable" (a 503). */
const RESERVE_TIMEOUT_MS = 15_000;

export function createDb(url: string, options: DbOptions = {}): Db {
  const bound = options.queryTimeoutMs;
  const deadlineMs = bound === undefined ? undefined : bound + QUERY_DEADLINE_GRACE_MS;
  // a request waits for a connection no longer than for a query: both end in the same 503
  const reserveTimeoutMs = deadlineMs ?? RESERVE_TIMEOUT_MS;
  const open = () =>
    postgres(url, {
      max: options.max ?? 10,
      connect_timeout: options.connectTimeout ?? 3,
      idle_timeout: 60,
      onnotice: () => undefined,
      // startup parameters: set with the connection, no extra round trip
      connection: bound === undefined ? {} : { statement_timeout: bound, idle_in_transaction_session_timeout: bound },
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
  // such connections); an old pool is ended after 5 s, which rejects whatever still hangs on it. A query that missed
  // its deadline retires its own pool at once: the pool must not hand that connection to anyone else.
  let pool = open();
  let renewedAt = 0;
  let lost = false;
  const renew = () => {
    renewedAt = Date.now();
    const old = pool;
    pool = open();
    void old.end({ timeout: 5 }).catch(() => undefined);
  };
  const hooks: Hooks = {
    report: (connectionLost) => {
      if (connectionLost) {
        lost = true;
        if (Date.now() - renewedAt >= 1000) renew();
      } else if (lost) {
        lost = false;
        renew();
      }
    },
    stuck: (reservation) => {
      lost = true;
      if (reservation.pool === pool) renew();
    },
  };
  const reserve = async () => {
    const from = pool;
    const pending = from.reserve();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(Object.assign(new Error(`no database connection within ${reserveTimeoutMs} ms`), { code: "CONNECT_TIMEOUT" })),
        reserveTimeoutMs,
      );
    });
    try {
      return watched(await Promise.race([pending, timeout]), { pool: from }, deadlineMs, hooks);
    } catch (e) {
      // a connection that arrives after we gave up goes straight back
      pending.then(
        (c) => c.release(),
        () => undefined,
      );
      if (isDatabaseUnavailable(e)) hooks.report(true);
      throw e;
    } finally {
      clearTimeout(timer);
    }
  };
  const handle = Object.assign(
    () => {
      throw new Error("use the Kysely instance");
    },
    {
      reserve,
      end: (o?: { timeout?: number }) => pool.end(o),
    },
  );
  return new Kysely<Database>({ dialect: new PostgresJSDialectWithPlainRollback({ postgres: handle as unknown as postgres.Sql }) });
}
