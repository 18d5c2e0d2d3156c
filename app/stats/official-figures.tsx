import { usePreferences, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { ScrollableTable } from "../components/scrollable-table";
import { isOfficialMetric } from "../domain/official-figures";
import { Figure, numberFormat, SourceText, type Stats } from "./figure-frame";
import { catalogueCountFor } from "./official-rows";

// /stats: the city's official figures, one per measure and year as staff entered them with their source, each beside
// the catalogue's own count today — so an official can cite the city's number and see how much of it the catalogue
// holds, instead of a share of the target computed from the catalogue (decision 032).

export function OfficialFiguresFigure({ s }: { s: Stats }) {
  const t = useT();
  const { lang } = usePreferences();
  const fmt = numberFormat(lang);
  const rows = s.official.filter((f) => isOfficialMetric(f.metric));
  return (
    <Figure id="official" heading={t("official.heading")} desc={t("official.desc")}>
      {rows.length === 0 ? (
        <p>{t("official.none")}</p>
      ) : (
        <ScrollableTable labelledBy="official-table-caption">
          <table className="data-table">
            <caption id="official-table-caption">{t("stats.tableOf", { name: t("official.heading") })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("official.col.metric")}</th>
                <th scope="col">{t("official.col.year")}</th>
                <th scope="col">{t("official.col.value")}</th>
                <th scope="col">{t("official.col.catalogue")}</th>
                <th scope="col">{t("official.col.source")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((f) => (
                <tr key={f.id}>
                  <th scope="row">{t(`official.metric.${f.metric}` as MessageKey)}</th>
                  <td className="num">{f.year}</td>
                  <td className="num">{fmt(f.value)}</td>
                  <td className="num">{isOfficialMetric(f.metric) ? fmt(catalogueCountFor(s, f.metric)) : "—"}</td>
                  <td className="sources">
                    <SourceText text={f.source_text} url={f.source_url} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
    </Figure>
  );
}
