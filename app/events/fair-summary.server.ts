import { toCsv } from "../catalogue-io/tabular";
import { translator, type Lang } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import type { FairSummaryRow } from "../../db/queries/event-leads";

// The fair summary (展位数据报告: per exhibitor, booth views, leads and deals of one event) and its totals by county, and
// the summary as CSV: the same writer as every other export (UTF-8 with BOM for Excel on Chinese Windows, CRLF, RFC
// 4180 quoting, cells starting with = + - @ prefixed with ' so they never run as formulas). Headers are Chinese
// (展位号, 经营主体(中文) …) by default and the stable English codes below with ?lang=en; names are given in Chinese
// and English columns. The last row holds the totals. After the fixed columns come the booth-page views per day, one
// column per day of the event and per other day with a scan (QR sheets go up before the fair and stay on brochures
// after it), so the fixed columns keep their positions whatever the event's length.

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

const round2 = (n: number) => Math.round(n * 100) / 100;

export function fairSummaryTotals(rows: readonly FairSummaryRow[]) {
  const sum = (k: "views" | "leads" | "intents" | "intent_amount_cny" | "signed" | "signed_amount_cny") => round2(rows.reduce((a, r) => a + r[k], 0));
  return {
    exhibitors: rows.length,
    views: sum("views"),
    leads: sum("leads"),
    intents: sum("intents"),
    intent_amount_cny: sum("intent_amount_cny"),
    signed: sum("signed"),
    signed_amount_cny: sum("signed_amount_cny"),
  };
}

export type FairTotals = ReturnType<typeof fairSummaryTotals>;

export interface FairCountyTotals extends FairTotals {
  /** null: exhibitors whose organisation has no county recorded */
  county_id: number | null;
  county_zh: string | null;
  county_en: string | null;
}

/**
 * Totals by county: each exhibitor counts in its organisation's county (exhibitors, scans, leads, intents and signed
 * deals with their amounts), so the counties add up to the summary's totals. Counties in the places' order, then the
 * exhibitors without a county.
 */
export function fairSummaryByCounty(rows: readonly FairSummaryRow[]): FairCountyTotals[] {
  const groups = new Map<number | null, FairSummaryRow[]>();
  for (const r of rows) groups.set(r.county_id, [...(groups.get(r.county_id) ?? []), r]);
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a - b))
    .map(([county_id, members]) => ({ county_id, county_zh: members[0]!.county_zh, county_en: members[0]!.county_en, ...fairSummaryTotals(members) }));
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

/** The CSV's language: Chinese unless the link asks for English (?lang=en), whatever the reader's interface. */
export function csvLang(request: Request): Lang {
  return new URL(request.url).searchParams.get("lang") === "en" ? "en" : "zh-CN";
}

export function fairSummaryCsv(rows: readonly FairSummaryRow[], days: readonly string[] = [], lang: Lang = "zh-CN"): string {
  const t = translator(lang);
  const totals = fairSummaryTotals(rows);
  const header = (c: (typeof FAIR_SUMMARY_COLUMNS)[number]) => t(`fairReport.col.${c}` as MessageKey);
  const dayColumn = (day: string) => t("fairReport.col.viewsOn", { day });
  const perDay = (counts: Record<string, number>) => Object.fromEntries(days.map((d) => [dayColumn(d), counts[d] ?? 0]));
  const record = (r: Partial<Record<(typeof FAIR_SUMMARY_COLUMNS)[number], string | number | null>>, counts: Record<string, number>) => ({
    ...Object.fromEntries(FAIR_SUMMARY_COLUMNS.map((c) => [header(c), r[c] ?? null])),
    ...perDay(counts),
  });
  return toCsv(
    [...FAIR_SUMMARY_COLUMNS.map(header), ...days.map(dayColumn)],
    [
      ...rows.map((r) => record({ ...r, booth_views: r.views }, r.views_by_day)),
      record({ exhibitor_id: null, name_zh: "合计", name_en: "Total", booth_views: totals.views, ...totals }, dailyTotals(days, rows)),
    ],
  );
}
