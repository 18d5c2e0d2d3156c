import { toCsv, type CellValue } from "../catalogue-io/tabular";
import type { ReferenceFigure } from "../../db/queries/stats";
import type { AssessedSource } from "../../db/seed/reference-figures";
import { isOfficialMetric, type OfficialMetric } from "../domain/official-figures";
import { en, zhCN as zh } from "../i18n/messages";
import { chinaDateTime } from "../platform/china-time";
import { catalogueCountFor, officialOf } from "./official-rows";
import type { StatsData } from "./figures.server";
import type { FigureName } from "./figure-names";

// /stats/<figure>.csv: each chart's data table as CSV (UTF-8 with BOM, CRLF, formula-safe cells — the same writer
// as `npm run export`). Column names are English codes; names are given in Chinese and English columns.

export { FIGURES, isFigure, type FigureName } from "./figure-names";

type Row = Record<string, CellValue>;
type Table = { columns: string[]; rows: Row[] };

const sourceText = (x: AssessedSource) =>
  [`${x.kind}${x.supports ? "" : " (not support)"}: ${x.publisher.zh}`, x.title ? `《${x.title}》` : "", x.date ?? "", x.supports ? (x.url ?? "") : ""]
    .filter(Boolean)
    .join(" ");

// Reference rows give both languages of the measure and the verdict on each source; sources that do not support the
// figure (mirrors, translation or AI-summary sites) are named without their address, as on the page.
const refRow = (f: ReferenceFigure | undefined, kind: "reference" | "target"): Row[] =>
  f
    ? [
        {
          measure_zh: f.label.zh,
          measure_en: f.label.en,
          kind,
          value: f.value,
          as_of: f.asOf.zh,
          scope: f.scope,
          confidence: f.confidence,
          confidence_reason: f.reason?.zh ?? null,
          source: f.sources.map(sourceText).join(" | "),
        },
      ]
    : [];

const catalogueRow = (zh: string, en: string, value: number, asOf: string): Row => ({
  measure_zh: zh,
  measure_en: en,
  kind: "catalogue",
  value,
  as_of: asOf,
  scope: "海东市",
  confidence: "high",
  confidence_reason: null,
  source: "海东品牌与地理标志目录 (published records)",
});

const officialRows = (s: StatsData, metric: OfficialMetric): Row[] =>
  officialOf(s, metric).map((f) => ({
    measure_zh: `${zh[`official.metric.${metric}`]}(全市官方数字)`,
    measure_en: `${en[`official.metric.${metric}`]} (official figure)`,
    kind: "official",
    value: f.value,
    as_of: String(f.year),
    scope: "海东市",
    confidence: "official",
    confidence_reason: null,
    source: [f.source_text, f.source_url].filter(Boolean).join(" "),
  }));

const REF_COLUMNS = ["measure_zh", "measure_en", "kind", "value", "as_of", "scope", "confidence", "confidence_reason", "source"];

export function figureTable(name: FigureName, s: StatsData): Table {
  const r = s.reference;
  switch (name) {
    case "official":
      return {
        columns: ["metric", "measure_zh", "measure_en", "year", "official_value", "catalogue_today", "source_text", "source_url", "entered_at"],
        rows: s.official
          .filter((f) => isOfficialMetric(f.metric))
          .map((f) => ({
            metric: f.metric,
            measure_zh: zh[`official.metric.${f.metric as OfficialMetric}`],
            measure_en: en[`official.metric.${f.metric as OfficialMetric}`],
            year: f.year,
            official_value: f.value,
            catalogue_today: catalogueCountFor(s, f.metric as OfficialMetric),
            source_text: f.source_text,
            source_url: f.source_url,
            entered_at: chinaDateTime(f.entered_at),
          })),
      };
    case "trademarks": {
      const tm = s.trademarks;
      return {
        columns: REF_COLUMNS,
        rows: [
          catalogueRow(zh["stats.tm.catalogueTotal"], en["stats.tm.catalogueTotal"], tm.total, s.today),
          catalogueRow(zh["stats.tm.verifiedRegistered"], en["stats.tm.verifiedRegistered"], tm.verified_registered, s.today),
          catalogueRow(zh["stats.tm.verifiedValid"], en["stats.tm.verifiedValid"], tm.verified_valid, s.today),
          catalogueRow(zh["stats.tm.missingRegNo"], en["stats.tm.missingRegNo"], tm.missing_reg_no, s.today),
          catalogueRow(zh["stats.tm.missingDate"], en["stats.tm.missingDate"], tm.missing_registration_date, s.today),
          catalogueRow(zh["stats.tm.unverified"], en["stats.tm.unverified"], tm.unverified, s.today),
          ...officialRows(s, "valid_trademarks"),
          ...refRow(r.registeredTrademarks, "reference"),
          ...refRow(r.trademarkTarget, "target"),
        ],
      };
    }
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
          catalogueRow(zh["stats.wk.catalogue"], en["stats.wk.catalogue"], s.trademarks.well_known, s.today),
          catalogueRow(zh["stats.wk.catalogueValid"], en["stats.wk.catalogueValid"], s.trademarks.well_known_valid, s.today),
          catalogueRow(zh["stats.wk.famous"], en["stats.wk.famous"], s.trademarks.provincial_famous, s.today),
          ...officialRows(s, "well_known_marks"),
          ...officialRows(s, "provincial_famous_marks"),
          ...refRow(r.wellKnown2022, "reference"),
          ...refRow(r.wellKnown2020, "reference"),
          ...refRow(r.provincialFamous, "reference"),
        ],
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
