import { toCsv } from "../catalogue-io/tabular";
import type { EventReportRow } from "../../db/queries/event-leads";

// The event report (展位数据报告) as CSV: the same writer as every other export (UTF-8 with BOM for Excel on Chinese
// Windows, CRLF, RFC 4180 quoting, cells starting with = + - @ prefixed with ' so they never run as formulas). Column
// names are stable English codes; names are given in Chinese and English columns. The last row holds the totals.

export const REPORT_COLUMNS = [
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

export function reportTotals(rows: readonly EventReportRow[]) {
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

export function reportCsv(rows: readonly EventReportRow[]): string {
  const totals = reportTotals(rows);
  return toCsv(REPORT_COLUMNS, [
    ...rows.map((r) => ({ ...r, booth_views: r.views })),
    { exhibitor_id: null, name_zh: "合计", name_en: "Total", booth_views: totals.views, ...totals },
  ]);
}
