import { toCsv, type CellValue } from "../catalogue-io/tabular";
import type { ReferenceFigure } from "../../db/queries/stats";
import type { StatsData } from "./figures.server";
import type { FigureName } from "./figure-names";

// /stats/<figure>.csv: each chart's data table as CSV (UTF-8 with BOM, CRLF, formula-safe cells — the same writer
// as `npm run export`). Column names are English codes; names are given in Chinese and English columns.

export { FIGURES, isFigure, type FigureName } from "./figure-names";

type Table = { columns: string[]; rows: Record<string, CellValue>[] };

const refRow = (measure: string, f: ReferenceFigure | undefined, kind: string): Record<string, CellValue> | undefined =>
  f && typeof f.value === "number"
    ? { measure, kind, value: f.value, as_of: f.as_of, scope: f.scope, confidence: f.confidence, source: f.source.join(" | ") }
    : undefined;

const catalogueRow = (measure: string, value: number, asOf: string): Record<string, CellValue> => ({
  measure,
  kind: "catalogue",
  value,
  as_of: asOf,
  scope: "海东市",
  confidence: "high",
  source: "海东品牌与地理标志目录 (published records)",
});

const REF_COLUMNS = ["measure", "kind", "value", "as_of", "scope", "confidence", "source"];

export function figureTable(name: FigureName, s: StatsData): Table {
  const r = s.reference;
  switch (name) {
    case "trademarks":
      return {
        columns: REF_COLUMNS,
        rows: [
          catalogueRow("valid registered trademarks in the catalogue", s.trademarks.valid, s.today),
          catalogueRow("trademarks in the catalogue", s.trademarks.total, s.today),
          refRow("registered trademarks (reference)", r.registeredTrademarks, "reference"),
          refRow("valid trademark registrations (target 2025)", r.trademarkTarget, "target"),
        ].filter((x): x is Record<string, CellValue> => x !== undefined),
      };
    case "gi-schemes":
      return {
        columns: ["scheme", "name_zh", "name_en", "gi_products"],
        rows: [
          ...s.gi.schemes.map((g) => ({
            scheme: g.scheme ?? "none",
            name_zh: g.name_zh ?? "未确认类别",
            name_en: g.name_en ?? "No confirmed scheme",
            gi_products: g.count,
          })),
          { scheme: "total", name_zh: "合计(不重复)", name_en: "Total (distinct GIs)", gi_products: s.gi.total },
        ],
      };
    case "well-known":
      return {
        columns: REF_COLUMNS,
        rows: [
          catalogueRow("中国驰名商标 in the catalogue", s.trademarks.well_known, s.today),
          catalogueRow("中国驰名商标 in the catalogue, valid today", s.trademarks.well_known_valid, s.today),
          catalogueRow("青海省著名商标 in the catalogue", s.trademarks.provincial_famous, s.today),
          refRow("中国驰名商标 (reference)", r.wellKnown2022, "reference"),
          refRow("中国驰名商标 (reference)", r.wellKnown2020, "reference"),
          refRow("青海省著名商标 (reference)", r.provincialFamous, "reference"),
        ].filter((x): x is Record<string, CellValue> => x !== undefined),
      };
    case "gi-users":
      return {
        columns: ["gi_id", "name_zh", "name_en", "authorised_users"],
        rows: [
          ...s.giUsers.byGi.map((g) => ({ gi_id: g.gi_id, name_zh: g.name_zh, name_en: g.name_en, authorised_users: g.users })),
          { gi_id: null, name_zh: "合计(不重复的经营主体)", name_en: "Total (distinct organisations)", authorised_users: s.giUsers.total },
        ],
      };
    case "products":
      return {
        columns: ["county_zh", "county_en", "category", "products"],
        rows: [
          ...s.products.cells.map((c) => ({
            county_zh: c.county_zh ?? "未注明",
            county_en: c.county_en ?? "Not stated",
            category: c.category ?? "未注明",
            products: c.count,
          })),
          { county_zh: "合计", county_en: "Total", category: null, products: s.products.total },
        ],
      };
    case "renewals":
      return {
        columns: ["reg_no", "name_zh", "name_en", "holder_name", "expires_on", "renewal_opens_on", "grace_ends_on", "state"],
        rows: s.renewals.trademarks.map((t) => ({ ...t })),
      };
    case "events":
      return {
        columns: ["event_id", "event_name_zh", "event_name_en", "intents", "intent_amount_cny", "signed", "signed_amount_cny"],
        rows: s.events.map((e) => ({ ...e })),
      };
  }
}

export function figureCsv(name: FigureName, s: StatsData): string {
  const table = figureTable(name, s);
  return toCsv(table.columns, table.rows);
}
