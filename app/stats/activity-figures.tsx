import { Link } from "@remix-run/react";
import { localized, usePreferences, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { BarChart, ColumnChart, StackedBarChart } from "./charts";
import { Figure, numberFormat, type Stats } from "./figure-frame";
import { ScrollableTable } from "../components/scrollable-table";

// /stats figures about activity: products by county and category, renewals due, event outcomes.

export function ProductsFigure({ s }: { s: Stats }) {
  const t = useT();
  const { lang } = usePreferences();
  const fmt = numberFormat(lang);
  const desc = t("stats.products.desc", { total: fmt(s.products.total) });
  const unknown = t("stats.products.unknown");
  const county = (c: { county_zh: string | null; county_en: string | null }) => (c.county_zh ? localized(lang, c.county_zh, c.county_en).text : unknown);
  const categories = s.products.byCategory.map((c) => c.category ?? unknown);
  const countKey = (category: string | null) => category ?? unknown;
  const cell = (countyZh: string | null, category: string) =>
    s.products.cells.find((c) => c.county_zh === countyZh && countKey(c.category) === category)?.count ?? 0;
  const rows = s.products.byCounty.map((c) => ({
    label: county(c),
    values: Object.fromEntries(categories.map((cat) => [cat, cell(c.county_zh, cat)])),
  }));
  return (
    <Figure id="products" heading={t("stats.products.heading")} desc={desc}>
      <StackedBarChart
        id="chart-products"
        title={t("stats.products.heading")}
        desc={desc}
        rows={rows}
        // categories are stored in Chinese (content); the "unknown" bucket is interface text
        series={s.products.byCategory.map((c) => ({ key: countKey(c.category), label: countKey(c.category), lang: c.category ? "zh-CN" : undefined }))}
        format={fmt}
        emptyMessage={t("stats.empty")}
      />
      <ScrollableTable labelledBy="products-table-caption">
        <table className="data-table">
          <caption id="products-table-caption">{t("stats.tableOf", { name: t("stats.products.heading") })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("stats.products.col.county")}</th>
              {categories.map((c) => (
                <th scope="col" key={c} lang="zh-CN">
                  {c}
                </th>
              ))}
              <th scope="col">{t("stats.col.total")}</th>
            </tr>
          </thead>
          <tbody>
            {s.products.byCounty.map((c, i) => (
              <tr key={c.county_zh ?? "unknown"}>
                <th scope="row">{county(c)}</th>
                {categories.map((cat) => (
                  <td className="num" key={cat}>
                    {fmt(rows[i]!.values[cat] ?? 0)}
                  </td>
                ))}
                <td className="num">{fmt(c.count)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("stats.col.total")}</th>
              {s.products.byCategory.map((c) => (
                <td className="num" key={countKey(c.category)}>
                  {fmt(c.count)}
                </td>
              ))}
              <td className="num">{fmt(s.products.total)}</td>
            </tr>
          </tfoot>
        </table>
      </ScrollableTable>
    </Figure>
  );
}

export function RenewalsFigure({ s }: { s: Stats }) {
  const t = useT();
  const { lang } = usePreferences();
  const fmt = numberFormat(lang);
  const desc = t("stats.renewals.desc", {
    count: fmt(s.renewals.trademarks.length),
  });
  return (
    <Figure id="renewals" heading={t("stats.renewals.heading")} desc={desc}>
      <ColumnChart
        id="chart-renewals"
        title={t("stats.renewals.heading")}
        desc={desc}
        columns={s.renewals.byMonth.map((m) => ({
          label: m.month,
          value: m.count,
        }))}
        format={fmt}
        emptyMessage={t("stats.empty")}
      />
      {s.renewals.trademarks.length === 0 ? (
        <p>{t("stats.renewals.none")}</p>
      ) : (
        <ScrollableTable labelledBy="renewals-table-caption">
          <table className="data-table">
            <caption id="renewals-table-caption">{t("stats.tableOf", { name: t("stats.renewals.heading") })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("stats.renewals.col.name")}</th>
                <th scope="col">{t("stats.renewals.col.regNo")}</th>
                <th scope="col">{t("stats.renewals.col.holder")}</th>
                <th scope="col">{t("stats.renewals.col.expires")}</th>
                <th scope="col">{t("stats.renewals.col.graceEnds")}</th>
                <th scope="col">{t("stats.renewals.col.state")}</th>
              </tr>
            </thead>
            <tbody>
              {s.renewals.trademarks.map((tm) => (
                <tr key={tm.id}>
                  <th scope="row">
                    <Link to={`/trademarks/${tm.id}`} lang="zh-CN">
                      {tm.name_zh}
                    </Link>
                  </th>
                  <td>{tm.reg_no ?? "—"}</td>
                  <td lang="zh-CN">{tm.holder_name ?? "—"}</td>
                  <td>{tm.expires_on}</td>
                  <td>{tm.grace_ends_on}</td>
                  <td>{t(`stats.renewals.state.${tm.state}` as MessageKey)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
      <details>
        <summary>{t("stats.tableOf", { name: t("stats.renewals.col.month") })}</summary>
        <ScrollableTable labelledBy="renewals-month-caption">
          <table className="data-table">
            <caption id="renewals-month-caption">{`${t("stats.renewals.heading")}(${t("stats.renewals.col.month")})`}</caption>
            <thead>
              <tr>
                <th scope="col">{t("stats.renewals.col.month")}</th>
                <th scope="col">{t("stats.col.count")}</th>
              </tr>
            </thead>
            <tbody>
              {s.renewals.byMonth.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{m.month}</th>
                  <td className="num">{fmt(m.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      </details>
    </Figure>
  );
}

export function EventsFigure({ s }: { s: Stats }) {
  const t = useT();
  const { lang } = usePreferences();
  const fmt = numberFormat(lang);
  const name = (e: Stats["events"][number]) =>
    e.event_name_zh ? localized(lang, e.event_name_zh, e.event_name_en).text : t("stats.events.unnamed", { id: e.event_id });
  return (
    <Figure id="events" heading={t("stats.events.heading")} desc={t("stats.events.desc")}>
      {s.events.length === 0 ? (
        <p>{t("stats.events.none")}</p>
      ) : (
        <BarChart
          id="chart-events"
          title={t("stats.events.chart")}
          desc={t("stats.events.desc")}
          bars={s.events.map((e) => ({
            label: name(e),
            value: e.signed_amount_cny,
          }))}
          format={fmt}
          emptyMessage={t("stats.events.none")}
        />
      )}
      {s.events.length > 0 && (
        <ScrollableTable labelledBy="events-table-caption">
          <table className="data-table">
            <caption id="events-table-caption">{t("stats.tableOf", { name: t("stats.events.heading") })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("stats.events.col.event")}</th>
                <th scope="col">{t("stats.events.col.intents")}</th>
                <th scope="col">{t("stats.events.col.intentAmount")}</th>
                <th scope="col">{t("stats.events.col.signed")}</th>
                <th scope="col">{t("stats.events.col.signedAmount")}</th>
              </tr>
            </thead>
            <tbody>
              {s.events.map((e) => (
                <tr key={e.event_id}>
                  <th scope="row">{name(e)}</th>
                  <td className="num">{fmt(e.intents)}</td>
                  <td className="num">{fmt(e.intent_amount_cny)}</td>
                  <td className="num">{fmt(e.signed)}</td>
                  <td className="num">{fmt(e.signed_amount_cny)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
    </Figure>
  );
}
