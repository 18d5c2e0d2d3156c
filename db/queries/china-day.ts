import { sql, type RawBuilder } from "kysely";

// The catalogue's calendar is China's (Asia/Shanghai, UTC+8 all year): registers, certificates and authorisations
// name days there, and users read "today" there. PostgreSQL's current_date and timestamptz::date use the session's
// TimeZone instead, which is whatever the server (or a managed database) is set to — often UTC, where China's day
// starts at 16:00 the day before. Every day boundary in db/ goes through these two helpers.

/** The day in China (a `date`) of a timestamptz expression. */
export function chinaDay(ts: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`(${ts} at time zone 'Asia/Shanghai')::date`;
}

/** Today in China: at the transaction's now(), or at `at` so figures can be computed for a given moment. */
export function chinaToday(at?: Date): RawBuilder<string> {
  return chinaDay(at ? sql`cast(${at.toISOString()} as timestamptz)` : sql`now()`);
}

/** chinaToday() for the many queries that only ever mean "now". */
export const CHINA_TODAY = chinaToday();
