import { ScrollableTable } from "../components/scrollable-table";
import { usePreferences, useT } from "../i18n/i18n";
import { formatCny } from "../lib/format";
// type-only imports, erased from the browser bundle
import type { FairCategoryRow } from "../../db/queries/event-leads";
import type { FairCountyTotals, FairTotals } from "./fair-summary.server";
import { L } from "./parts";

// The fair summary's two total tables (/events/:id/report): by the exhibitor's county and by the category of the
// product dealt in. Each has a caption and a totals row; amounts in renminbi (formatCny).

type DealTotals = Pick<FairTotals, "intents" | "intent_amount_cny" | "signed" | "signed_amount_cny">;

/** A row's deal figures: intents and signed deals with their amounts (every fair-summary table ends with them). */
export function DealCells({ row }: { row: DealTotals }) {
  const { lang } = usePreferences();
  return (
    <>
      <td className="num">{row.intents}</td>
      <td className="num">{formatCny(lang, row.intent_amount_cny)}</td>
      <td className="num">{row.signed}</td>
      <td className="num">{formatCny(lang, row.signed_amount_cny)}</td>
    </>
  );
}

export function DealHeaders() {
  const t = useT();
  return (
    <>
      <th scope="col" className="num">
        {t("leads.intents")}
      </th>
      <th scope="col" className="num">
        {t("leads.intentAmount")}
      </th>
      <th scope="col" className="num">
        {t("leads.signed")}
      </th>
      <th scope="col" className="num">
        {t("leads.signedAmount")}
      </th>
    </>
  );
}

export function CountyTotals({ counties, totals }: { counties: readonly FairCountyTotals[]; totals: FairTotals }) {
  const t = useT();
  const { lang } = usePreferences();
  const counts = (r: FairTotals) => (
    <>
      <td className="num">{r.exhibitors}</td>
      <td className="num">{r.views}</td>
      <td className="num">{r.leads}</td>
      <DealCells row={r} />
    </>
  );
  return (
    <section aria-labelledby="by-county-heading">
      <h2 id="by-county-heading">{t("fairReport.byCounty")}</h2>
      <ScrollableTable labelledBy="by-county-caption">
        <table className="data-table" id="totals-by-county">
          <caption id="by-county-caption">{t("fairReport.byCountyCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("fairReport.county")}</th>
              <th scope="col" className="num">
                {t("fairReport.exhibitors")}
              </th>
              <th scope="col" className="num">
                {t("leads.scans")}
              </th>
              <th scope="col" className="num">
                {t("leads.leads")}
              </th>
              <DealHeaders />
            </tr>
          </thead>
          <tbody>
            {counties.map((c) => (
              <tr key={c.county_id ?? "none"}>
                <th scope="row">{c.county_zh ? <L lang={lang} zh={c.county_zh} en={c.county_en} /> : t("fairReport.countyUnknown")}</th>
                {counts(c)}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("leads.total")}</th>
              {counts(totals)}
            </tr>
          </tfoot>
        </table>
      </ScrollableTable>
    </section>
  );
}

export function CategoryTotals({ categories, totals }: { categories: readonly FairCategoryRow[]; totals: FairTotals }) {
  const t = useT();
  return (
    <section aria-labelledby="by-category-heading">
      <h2 id="by-category-heading">{t("fairReport.byCategory")}</h2>
      <p>{t("fairReport.byCategoryNote")}</p>
      {categories.length === 0 ? (
        <p>{t("fairReport.noDeals")}</p>
      ) : (
        <ScrollableTable labelledBy="by-category-caption">
          <table className="data-table" id="totals-by-category">
            <caption id="by-category-caption">{t("fairReport.byCategoryCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("fairReport.category")}</th>
                <DealHeaders />
              </tr>
            </thead>
            <tbody>
              {categories.map((c) => (
                <tr key={c.category ?? "none"}>
                  {/* categories are stored in Chinese (content); the "not stated" bucket is interface text */}
                  <th scope="row">{c.category ? <span lang="zh-CN">{c.category}</span> : t("fairReport.categoryUnknown")}</th>
                  <DealCells row={c} />
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("leads.total")}</th>
                <DealCells row={totals} />
              </tr>
            </tfoot>
          </table>
        </ScrollableTable>
      )}
    </section>
  );
}
