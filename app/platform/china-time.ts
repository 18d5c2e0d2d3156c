// The catalogue's calendar and clock are China's: registers, certificates and authorisations name days there, fair
// staff type times there, and every reader — in Xining or abroad, on a server set to UTC or not — sees the same
// day and the same wall-clock time. Every screen, query, export and test takes China's day and time from here
// (SQL-side: db/queries/china-day.ts, with the zone named below).
//
// China has kept UTC+8 all year since 1991, so the rule is plain arithmetic rather than Intl: it gives the same
// answer in the browser and on the server whatever their time-zone data, and it cannot drift from the SQL side for any
// moment the catalogue holds. No server-only imports: client components format with it too.

/** The IANA zone PostgreSQL is told to use for China's day (db/queries/china-day.ts, db/queries/audit.ts). */
export const CHINA_TIME_ZONE = "Asia/Shanghai";
/** China's offset from UTC, as written in an ISO 8601 timestamp. */
export const CHINA_UTC_OFFSET = "+08:00";

const OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

type Moment = Date | string | number;

/** The moment as it reads on a wall clock in China, as a UTC-based Date (only its getUTC* parts mean anything). */
function wallClock(moment: Moment): Date | undefined {
  const d = moment instanceof Date ? moment : new Date(moment);
  return Number.isNaN(d.getTime()) ? undefined : new Date(d.getTime() + OFFSET_MS);
}

/** Today's date in China (YYYY-MM-DD); pass `now` so results are reproducible. */
export function todayInChina(now: Moment = new Date()): string {
  return chinaDay(now);
}

/** The date in China (YYYY-MM-DD) of a moment: 2026-03-01T17:30Z is 2026-03-02. Throws on an invalid moment. */
export function chinaDay(moment: Moment): string {
  const wall = wallClock(moment);
  if (!wall) throw new RangeError(`not a moment: ${String(moment)}`);
  return wall.toISOString().slice(0, 10);
}

/** China's wall-clock time of a moment, "YYYY-MM-DD HH:mm" — how every screen, print and export shows a moment. */
export function chinaDateTime(moment: Moment): string {
  const wall = wallClock(moment);
  if (!wall) throw new RangeError(`not a moment: ${String(moment)}`);
  return wall.toISOString().slice(0, 16).replace("T", " ");
}

/**
 * A moment as an ISO 8601 timestamp in China's time, "2026-12-06T01:30:00+08:00": what machine-readable exports
 * write, so the date a reader sees in the file is China's day, like every file name and screen.
 */
export function chinaIsoDateTime(moment: Moment): string {
  const wall = wallClock(moment);
  if (!wall) throw new RangeError(`not a moment: ${String(moment)}`);
  return `${wall.toISOString().slice(0, 19)}${CHINA_UTC_OFFSET}`;
}

/** A calendar date (YYYY-MM-DD) moved by whole days; calendar arithmetic, no time zone involved. */
export function addDays(isoDate: string, days: number): string {
  const t = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(t)) throw new RangeError(`not a date: ${isoDate}`);
  return new Date(t + days * DAY_MS).toISOString().slice(0, 10);
}

/** The date in China `days` from today (negative for the past). */
export function chinaDayFromToday(days: number, now: Moment = new Date()): string {
  return addDays(todayInChina(now), days);
}

/** The moment China's day `isoDate` begins (00:00 in China, 16:00 UTC the day before). */
export function chinaDayStart(isoDate: string): Date {
  const d = parseChinaDateTime(`${isoDate}T00:00`);
  if (!d) throw new RangeError(`not a date: ${isoDate}`);
  return d;
}

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A wall-clock time typed in China — what `<input type="datetime-local">` sends ("2027-05-20T18:00"), or the
 * "2027-05-20 18:00" this module prints — as the moment it names. Undefined when it is not such a time or names no real
 * day or hour (2027-02-30, 24:00), so a form answers with a field error instead of storing a shifted moment.
 */
export function parseChinaDateTime(value: string): Date | undefined {
  const m = WALL_CLOCK.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(wall);
  // Date.UTC rolls 2027-02-30 over into March; a time that does not read back the same was never a real one
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || check.getUTCHours() !== h || check.getUTCMinutes() !== mi)
    return undefined;
  return new Date(wall - OFFSET_MS);
}
