import { toCsv } from "../catalogue-io/tabular";
import type { FairSummaryRow } from "../../db/queries/event-leads";

// The fair summary (展位数据报告: per exhibitor, booth views, leads and deals of one event) as CSV: the same writer as every other export (UTF-8 with BOM for Excel on Chinese
// Windows, CRLF, RFC 4180 quoting, cells starting with = + - @ prefixed with ' so they never run as formulas). Column
// names are stable English codes; names are given in Chinese and English columns. The last row holds the totals.
// After the fixed columns come the booth-page views per day, one column `views_YYYY-MM-DD` per day of the event and per
// other day with a scan (QR sheets go up before the fair and stay on brochures after it), so the fixed columns keep
// their positions whatever the event's length.

export const FAIR_SUMMARY_COLUMNS = [
  "exhibitor_id",
  "hall",
  "booth",
  "organization_id",
  "name_zh",
  "name_en",
  "booth_views",
  "leads",
  "intents",
  "intent_amount_cny",
  "signed",
  "signed_amount_cny",
] as const;

export function fairSummaryTotals(rows: readonly FairSummaryRow[]) {
  const sum = (k: "views" | "leads" | "intents" | "intent_amount_cny" | "signed" | "signed_amount_cny") =>
    Math.round(rows.reduce((a, r) => a + r[k], 0) * 100) / 100;
  return {
    views: sum("views"),
    leads: sum("leads"),
    intents: sum("intents"),
    intent_amount_cny: sum("intent_amount_cny"),
    signed: sum("signed"),
    signed_amount_cny: sum("signed_amount_cny"),
  };
}

/** Longest event span listed day by day; a longer one (a data-entry slip) lists only the days with scans. */
const MAX_LISTED_DAYS = 31;

/** The days the summary lists: every day of the event, plus any other day with a scan, in date order. */
export function fairSummaryDays(event: { starts_on: string; ends_on: string }, rows: readonly FairSummaryRow[]): string[] {
  const days = new Set<string>();
  const start = Date.parse(`${event.starts_on}T00:00:00Z`);
  const end = Date.parse(`${event.ends_on}T00:00:00Z`);
  if (Number.isFinite(start) && Number.isFinite(end) && end >= start && (end - start) / 86_400_000 < MAX_LISTED_DAYS) {
    for (let t = start; t <= end; t += 86_400_000) days.add(new Date(t).toISOString().slice(0, 10));
  }
  for (const r of rows) for (const day of Object.keys(r.views_by_day)) days.add(day);
  return [...days].sort();
}

/** Per listed day, the views of all exhibitors together. */
export function dailyTotals(days: readonly string[], rows: readonly FairSummaryRow[]): Record<string, number> {
  return Object.fromEntries(days.map((d) => [d, rows.reduce((a, r) => a + (r.views_by_day[d] ?? 0), 0)]));
}

export function fairSummaryCsv(rows: readonly FairSummaryRow[], days: readonly string[] = []): string {
  const totals = fairSummaryTotals(rows);
  const dayColumn = (d: string) => `views_${d}`;
  const perDay = (counts: Record<string, number>) => Object.fromEntries(days.map((d) => [dayColumn(d), counts[d] ?? 0]));
  return toCsv(
    [...FAIR_SUMMARY_COLUMNS, ...days.map(dayColumn)],
    [
      ...rows.map(({ views_by_day: byDay, ...r }) => ({ ...r, booth_views: r.views, ...perDay(byDay) })),
      { exhibitor_id: null, name_zh: "合计", name_en: "Total", booth_views: totals.views, ...totals, ...perDay(dailyTotals(days, rows)) },
    ],
  );
}
