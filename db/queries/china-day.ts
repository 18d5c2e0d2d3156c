import { sql, type RawBuilder } from "kysely";
import { CHINA_TIME_ZONE } from "../../app/platform/china-time";

// The catalogue's calendar is China's (Asia/Shanghai, UTC+8 all year): registers, certificates and authorisations
// name days there, and users read "today" there. PostgreSQL's current_date and timestamptz::date use the session's
// TimeZone instead, which is whatever the server (or a managed database) is set to — often UTC, where China's day
// starts at 16:00 the day before. Every day boundary in db/ goes through these helpers; the zone is named once, in
// app/platform/china-time.ts, which computes the same day in JavaScript.

/** The day in China (a `date`) of a timestamptz expression. */
export function chinaDay(ts: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`(${ts} at time zone ${sql.lit(CHINA_TIME_ZONE)})::date`;
}

/** Today in China: at the transaction's now(), or at `at` so figures can be computed for a given moment. */
export function chinaToday(at?: Date): RawBuilder<string> {
  return chinaDay(at ? sql`cast(${at.toISOString()} as timestamptz)` : sql`now()`);
}

/** chinaToday() for the many queries that only ever mean "now". */
export const CHINA_TODAY = chinaToday();

/** The moment China's day `day` (a `date` expression) begins, for half-open ranges [start of from, start of to + 1). */
export function chinaDayStartSql(day: RawBuilder<unknown>): RawBuilder<Date> {
  return sql<Date>`(${day})::timestamp at time zone ${sql.lit(CHINA_TIME_ZONE)}`;
}

/** The year in China (YYYY) at the transaction's now(): case numbers restart with China's new year. */
export const CHINA_YEAR = sql<string>`to_char(now() at time zone ${sql.lit(CHINA_TIME_ZONE)}, 'YYYY')`;
