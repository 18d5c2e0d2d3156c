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

export function createDb(url: string, options: DbOptions = {}): Db {
  const sql = postgres(url, {
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
  return new Kysely<Database>({ dialect: new PostgresJSDialect({ postgres: sql }) });
}
