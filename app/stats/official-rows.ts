import type { OfficialMetric } from "../domain/official-figures";
import type { Translate } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { chinaDay } from "../platform/china-time";
import type { FigureRow, Stats } from "./figure-frame";

// The city's official figures (entered on /staff/figures) as rows of /stats tables, and the catalogue count each is
// set beside. Shared by the page and the CSV (app/stats/csv.server.ts), so both pair the same numbers.

export type OfficialFigureRow = Stats["official"][number];

/** The official figures of one metric, newest year first. */
export function officialOf(s: Stats, metric: OfficialMetric): OfficialFigureRow[] {
  return s.official.filter((f) => f.metric === metric).sort((a, b) => b.year - a.year);
}

/** The catalogue's own count today for the measure an official figure gives. */
export function catalogueCountFor(s: Stats, metric: OfficialMetric): number {
  const scheme = (code: string) => s.gi.schemes.find((g) => g.scheme === code)?.count ?? 0;
  switch (metric) {
    case "valid_trademarks":
      return s.trademarks.verified_valid;
    case "well_known_marks":
      return s.trademarks.well_known;
    case "provincial_famous_marks":
      return s.trademarks.provincial_famous;
    case "gi_certification_marks":
      return scheme("certification_mark");
    case "agricultural_gis":
      return scheme("agricultural");
    case "gi_protected_products":
      return scheme("protected_product");
    case "gi_users":
      return s.giUsers.total;
  }
}

export function officialLabel(t: Translate, f: Pick<OfficialFigureRow, "metric" | "year">) {
  return t("official.rowLabel", { metric: t(`official.metric.${f.metric}` as MessageKey), year: f.year });
}

export function officialRow(t: Translate, f: OfficialFigureRow): FigureRow {
  return {
    label: officialLabel(t, f),
    value: f.value,
    asOf: t("official.asOf", { year: f.year, date: chinaDay(f.entered_at) }),
    confidence: t("official.confidence"),
    source: f.source_text,
    sourceUrl: f.source_url,
  };
}
