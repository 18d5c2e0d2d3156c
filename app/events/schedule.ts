import { chinaDateTime, parseChinaDateTime } from "../platform/china-time";
import { msg } from "../domain/message";
import type { EventScheduleItem } from "../../db/schema";

// An event's schedule (日程, issue 19): staff type it on the manage screen as plain text, one item a line, so the form
// works without JavaScript and a whole day can be pasted from the organiser's programme:
//
//   2027-05-16 09:30 开幕式 | Opening ceremony @ 主会场
//   日期       时间(北京时间,可省) 中文名称 | 英文名称(可省) @ 地点(可省)
//
// Every line is checked and every wrong line named (第 3 行 …); nothing is saved unless all are right. Times are China's
// wall clock, checked and shown through app/platform/china-time.ts. No server-only imports: the page formats with it.

export type ScheduleItem = EventScheduleItem;

/** The manage screen's schedule form (its `intent`), whose answer shows beside its textarea. */
export const SCHEDULE_FORM = "save-schedule";
export const SCHEDULE_MAX_ITEMS = 60;
const TITLE_MAX = 100;
const PLACE_MAX = 60;
const LINE = /^(\S+)(?:\s+(\d{1,2}[:：]\d{2}))?\s+(.+)$/;
// what was meant as a time but is none ("9:3", "09.30"), or a time with no title after it
const TIME_LIKE = /^\d{1,2}[:：.]\d*(\s|$)/;
// control characters other than the line breaks the lines are split on
const CONTROL = /\p{Cc}/u;

export type ScheduleParse = { ok: true; items: ScheduleItem[] } | { ok: false; errors: string[] };

/**
 * The schedule typed in the textarea, sorted by day and time (all-day items first), or one message (app/domain/message.ts)
 * per wrong line naming its number. `days` are the event's first and last day: an item outside them is refused.
 */
export function parseSchedule(text: string, days: { from: string; to: string }): ScheduleParse {
  const items: ScheduleItem[] = [];
  const errors: string[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const n = i + 1;
    const wrong = (problem: string) => errors.push(msg(`eventPage.schedule.${problem}`, { line: n }));
    if (CONTROL.test(line.replace(/\t/g, " "))) return wrong("badText");
    const m = LINE.exec(line.replace(/\t/g, " "));
    const [, date, time, rest] = (m ?? [line, line.split(" ")[0]]) as unknown as [string, string, string | undefined, string | undefined];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !parseChinaDateTime(`${date}T00:00`)) return wrong("badDate");
    if (!rest) return wrong("noTitle");
    if (!time && TIME_LIKE.test(rest)) return wrong(/^\d{1,2}[:：]\d{2}$/.test(rest) ? "noTitle" : "badTime");
    const hhmm = time?.replace("：", ":").padStart(5, "0");
    if (hhmm && !parseChinaDateTime(`${date}T${hhmm}`)) return wrong("badTime");
    if (date < days.from || date > days.to) return wrong("outsideEvent");
    const [titles, place, ...moreAts] = rest.split("@").map((s) => s.trim());
    if (moreAts.length) return wrong("twoPlaces");
    const [title_zh, title_en, ...moreBars] = (titles ?? "").split("|").map((s) => s.trim());
    if (moreBars.length) return wrong("twoTitles");
    if (!title_zh) return wrong("noTitle");
    if ([...title_zh].length > TITLE_MAX || [...(title_en ?? "")].length > TITLE_MAX) return wrong("titleTooLong");
    if (place !== undefined && !place) return wrong("emptyPlace");
    if (place && [...place].length > PLACE_MAX) return wrong("placeTooLong");
    items.push({
      date,
      ...(hhmm ? { time: hhmm } : {}),
      title_zh,
      ...(title_en ? { title_en } : {}),
      ...(place ? { place_zh: place } : {}),
    });
  });
  if (errors.length) return { ok: false, errors };
  if (items.length > SCHEDULE_MAX_ITEMS) return { ok: false, errors: [msg("eventPage.schedule.tooMany", { max: SCHEDULE_MAX_ITEMS })] };
  return { ok: true, items: sortSchedule(items) };
}

const sortKey = (x: ScheduleItem) => `${x.date} ${x.time ?? ""}`;

/** By day and time; an item without a time (all day) first in its day; equal times keep the order typed. */
export function sortSchedule(items: readonly ScheduleItem[]): ScheduleItem[] {
  return [...items].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
}

/** The schedule as staff type it: what the textarea shows, so saving it unchanged changes nothing. */
export function formatSchedule(items: readonly ScheduleItem[]): string {
  return items
    .map((x) => [x.date, x.time, x.title_zh + (x.title_en ? ` | ${x.title_en}` : "") + (x.place_zh ? ` @ ${x.place_zh}` : "")].filter(Boolean).join(" "))
    .join("\n");
}

/** The schedule by day, each day's items in order, for the public page. */
export function scheduleByDay(items: readonly ScheduleItem[]): { date: string; items: ScheduleItem[] }[] {
  const days = new Map<string, ScheduleItem[]>();
  for (const x of sortSchedule(items)) days.set(x.date, [...(days.get(x.date) ?? []), x]);
  return [...days].map(([date, list]) => ({ date, items: list }));
}

/** "09:30", read back through China's clock (the time was checked there when saved). */
export function scheduleTime(item: ScheduleItem): string | null {
  if (!item.time) return null;
  const moment = parseChinaDateTime(`${item.date}T${item.time}`);
  return moment ? chinaDateTime(moment).slice(11) : null;
}

/** The `<time datetime>` of an item: the moment with China's offset. */
export function scheduleDateTimeAttr(item: ScheduleItem): string {
  return item.time ? `${item.date}T${item.time}+08:00` : item.date;
}

/** The day of the week of a calendar date, 0 = Sunday (calendar arithmetic, no time zone involved). */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}
