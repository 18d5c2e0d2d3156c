import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireFairStaff } from "../events/access.server";
import { boothText, L } from "../events/parts";
import { dailyTotals, fairSummaryByCounty, fairSummaryDays, fairSummaryTotals } from "../events/fair-summary.server";
import { CategoryTotals, CountyTotals, DealCells, DealHeaders } from "../events/fair-totals";
import { metaTranslator, usePreferences, useT } from "../i18n/i18n";
import { notFound, recordIdOr404 } from "../lib/route-params";
import { fairSummary, fairSummaryByCategory } from "../../db/queries/event-leads";
import { getEvent } from "../../db/queries/events";
import { db } from "../services.server";
import { ScrollableTable } from "../components/scrollable-table";

// /events/:id/report — for fair staff (the manage page's guard): per exhibitor, booth-page views (scans), leads and
// inquiries tagged with the event, and the deals recorded for it; then the totals by the exhibitors' county and by the
// category of the products dealt in (app/events/fair-totals.tsx). /events/:id/report.csv has the per-exhibitor figures,
// /events/:id/leads.csv every lead with its status. The code calls it the fair summary ("report" also means a misuse
// report); the URL keeps its published name.

export async function loader({ params, request }: LoaderFunctionArgs) {
  await requireFairStaff(request);
  const event = await getEvent(db(), recordIdOr404(params.id));
  if (!event) notFound();
  const rows = await fairSummary(db(), event.id);
  const days = fairSummaryDays(event, rows);
  const byCategory = await fairSummaryByCategory(db(), event.id);
  return data(
    { event, rows, totals: fairSummaryTotals(rows), days, dayTotals: dailyTotals(days, rows), byCounty: fairSummaryByCounty(rows), byCategory },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export default function FairSummaryPage() {
  const { event: e, rows, totals, days, dayTotals, byCounty, byCategory } = useLoaderData<typeof loader>();
  const t = useT();
  const { lang } = usePreferences();
  // the CSV files are Chinese unless asked for in English: an English reader's links ask
  const csvQuery = lang === "en" ? "?lang=en" : "";
  return (
    <article className="fair-summary">
      <p>
        <Link to={`/events/${e.id}/manage`}>{t("events.back")}</Link>
      </p>
      <h1>
        {t("leads.fairSummary")}: <L lang={lang} zh={e.name_zh} en={e.name_en} />
      </h1>
      <p>{t("leads.fairSummaryIntro")}</p>
      <p>
        <a className="button button--secondary" href={`/events/${e.id}/report.csv${csvQuery}`} download>
          {t("leads.downloadCsv")}
        </a>{" "}
        <a className="button button--secondary" href={`/events/${e.id}/leads.csv${csvQuery}`} download>
          {t("fairReport.downloadLeads")}
        </a>
      </p>
      <p className="muted">{t("fairReport.leadsNote")}</p>
      {rows.length === 0 ? (
        <p>{t("events.noExhibitors")}</p>
      ) : (
        <ScrollableTable labelledBy="fair-summary-caption">
          <table className="data-table">
            <caption id="fair-summary-caption">{t("leads.fairSummaryCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("events.booth")}</th>
                <th scope="col">{t("events.organization")}</th>
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
              {rows.map((r) => (
                <tr key={r.exhibitor_id}>
                  <td>{boothText(t, r.hall, r.booth)}</td>
                  <th scope="row">
                    <L lang={lang} zh={r.name_zh} en={r.name_en} />
                  </th>
                  <td className="num">{r.views}</td>
                  <td className="num">{r.leads}</td>
                  <DealCells row={r} />
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td></td>
                <th scope="row">{t("leads.total")}</th>
                <td className="num">{totals.views}</td>
                <td className="num">{totals.leads}</td>
                <DealCells row={totals} />
              </tr>
            </tfoot>
          </table>
        </ScrollableTable>
      )}
      {rows.length > 0 && <CountyTotals counties={byCounty} totals={totals} />}
      {rows.length > 0 && <CategoryTotals categories={byCategory} totals={totals} />}
      {rows.length > 0 && days.length > 0 && (
        <section aria-labelledby="daily-heading">
          <h2 id="daily-heading">{t("leads.scansByDay")}</h2>
          <ScrollableTable labelledBy="daily-caption">
            <table className="data-table" id="scans-by-day">
              <caption id="daily-caption">{t("leads.scansByDayCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("events.booth")}</th>
                  <th scope="col">{t("events.organization")}</th>
                  {days.map((d) => (
                    <th scope="col" className="num" key={d}>
                      <time dateTime={d}>{d}</time>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.exhibitor_id}>
                    <td>{boothText(t, r.hall, r.booth)}</td>
                    <th scope="row">
                      <L lang={lang} zh={r.name_zh} en={r.name_en} />
                    </th>
                    {days.map((d) => (
                      <td className="num" key={d}>
                        {r.views_by_day[d] ?? 0}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <td></td>
                  <th scope="row">{t("leads.total")}</th>
                  {days.map((d) => (
                    <td className="num" key={d}>
                      {dayTotals[d] ?? 0}
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </ScrollableTable>
        </section>
      )}
    </article>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaTranslator(matches)("leads.fairSummary")} · ${metaTranslator(matches)("events.title")}` }];

export { ErrorBoundary } from "../components/route-error";
