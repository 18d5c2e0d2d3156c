import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import type { ReferenceFigure } from "../../db/queries/stats";
import { localized, metaTranslator, translator, usePreferences, useT, type Lang, type Translate } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { seoMeta } from "../seo/meta";
import { pageSeo } from "../seo/record-seo.server";
import { db } from "../services.server";
import { BarChart, ColumnChart, StackedBarChart, type Bar } from "../stats/charts";
import { cachedStats } from "../stats/figures.server";
import type { FigureName } from "../stats/csv.server";

// GET /stats — figures against the plan's targets (东政办〔2022〕145号), each as a server-rendered SVG chart with its
// data table and a CSV download; no JavaScript needed.

export async function loader() {
  const stats = await cachedStats(db());
  const t = translator("zh-CN");
  return { stats, seo: pageSeo("/stats", t("stats.title"), t("stats.metaDescription")) };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("stats.title")} · ${t("site.name")}` }, ...seoMeta(data?.seo)];
};

type Stats = ReturnType<typeof useLoaderData<typeof loader>>["stats"];

function numberFormat(lang: Lang) {
  const f = new Intl.NumberFormat(lang === "en" ? "en" : "zh-CN", { maximumFractionDigits: 2 });
  return (n: number) => f.format(n);
}

function Figure({ id, heading, desc, children, notes }: { id: FigureName; heading: string; desc: string; children: ReactNode; notes?: ReactNode }) {
  const t = useT();
  return (
    <section className="stats-figure" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <p>{desc}</p>
      {children}
      {notes}
      <p>
        <a href={`/stats/${id}.csv`} download aria-label={t("stats.downloadOf", { name: heading })}>
          {t("stats.download")}
        </a>{" "}
        <span className="muted">(CSV, UTF-8)</span>
      </p>
    </section>
  );
}

function refValue(f: ReferenceFigure | undefined): number | undefined {
  return f && typeof f.value === "number" ? f.value : undefined;
}

function confidenceLabel(t: Translate, c: string) {
  return t(`stats.confidence.${c === "high" || c === "low" ? c : "medium"}` as MessageKey);
}

/** The reference figures next to a catalogue count, as a table (measure, value, as of, confidence, source). */
function ReferenceTable({ caption, rows }: { caption: string; rows: { label: string; value: number; asOf: string; confidence: string; source: string }[] }) {
  const t = useT();
  const { lang } = usePreferences();
  const fmt = numberFormat(lang);
  return (
    <div className="table-scroll" tabIndex={0}>
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("stats.col.measure")}</th>
            <th scope="col">{t("stats.col.value")}</th>
            <th scope="col">{t("stats.col.asOf")}</th>
            <th scope="col">{t("stats.col.confidence")}</th>
            <th scope="col">{t("stats.col.source")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <th scope="row">{r.label}</th>
              <td className="num">{fmt(r.value)}</td>
              <td>{r.asOf}</td>
              <td>{r.confidence}</td>
              <td className="sources">{r.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function referenceRow(t: Translate, label: string, f: ReferenceFigure | undefined) {
  const value = refValue(f);
  if (!f || value === undefined) return [];
  return [{ label, value, asOf: f.as_of ?? "", confidence: confidenceLabel(t, f.confidence), source: f.source.join("; ") }];
}

function TrademarkFigure({ s }: { s: Stats }) {
  const t = useT();
  const { lang } = usePreferences();
  const fmt = numberFormat(lang);
  const target = refValue(s.reference.trademarkTarget);
  const catalogue = (label: string, value: number) => ({ label, value, asOf: s.today, confidence: confidenceLabel(t, "high"), source: t("stats.catalogueSource") });
  const rows = [
    catalogue(t("stats.tm.catalogueValid"), s.trademarks.valid),
    catalogue(t("stats.tm.catalogueTotal"), s.trademarks.total),
    ...referenceRow(t, t("stats.tm.reference"), s.reference.registeredTrademarks),
    ...referenceRow(t, t("stats.tm.target"), s.reference.trademarkTarget),
  ];
  const bars: Bar[] = [
    { label: t("stats.tm.catalogueValid"), value: s.trademarks.valid, tone: "catalogue" },
    ...referenceRow(t, t("stats.tm.reference"), s.reference.registeredTrademarks).map((r) => ({ label: r.label, value: r.value, tone: "reference" as const })),
    ...(target !== undefined ? [{ label: t("stats.tm.target"), value: target, tone: "target" as const }] : []),
  ];
  const percent = target ? new Intl.NumberFormat(lang === "en" ? "en" : "zh-CN", { style: "percent", maximumFractionDigits: 2 }).format(s.trademarks.valid / target) : "—";
  const desc = t("stats.tm.desc", { valid: fmt(s.trademarks.valid), target: target !== undefined ? fmt(target) : "—", percent });
  const reg = s.reference.registeredTrademarks;
  return (
    <Figure
      id="trademarks"
      heading={t("stats.tm.heading")}
      desc={desc}
      notes={
        <p className="muted">
          {t("stats.tm.rule")}{" "}
          {reg && refValue(reg) !== undefined && t("stats.referenceNote", { label: "注册商标", value: fmt(refValue(reg)!), confidence: confidenceLabel(t, reg.confidence), asOf: reg.as_of ?? "" })}
        </p>
      }
    >
      <BarChart id="chart-trademarks" title={t("stats.tm.heading")} desc={desc} bars={bars} format={fmt} emptyMessage={t("stats.empty")} />
      <ReferenceTable caption={t("stats.tableOf", { name: t("stats.tm.heading") })} rows={rows} />
    </Figure>
  );
}

function GiSchemeFigure({ s }: { s: Stats }) {
  const t = useT();
  const { lang } = usePreferences();
  const fmt = numberFormat(lang);
  const label = (g: Stats["gi"]["schemes"][number]) => (g.scheme ? t(`scheme.${g.scheme}` as MessageKey) : t("stats.gi.none"));
  const desc = t("stats.gi.desc", { total: fmt(s.gi.total) });
  const refs = [
    ...referenceRow(t, t("scheme.agricultural"), s.reference.agriculturalGi),
    ...referenceRow(t, t("scheme.certification_mark"), s.reference.certificationMarks),
    ...referenceRow(t, "地理标志产品", s.reference.giProducts),
  ];
  return (
    <Figure id="gi-schemes" heading={t("stats.gi.heading")} desc={desc}>
      <BarChart
        id="chart-gi-schemes"
        title={t("stats.gi.heading")}
        desc={desc}
        bars={s.gi.schemes.map((g) => ({ label: label(g), value: g.count }))}
        format={fmt}
        emptyMessage={t("stats.empty")}
      />
      <div className="table-scroll" tabIndex={0}>
        <table className="data-table">
          <caption>{t("stats.tableOf", { name: t("stats.gi.heading") })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("gi.schemes")}</th>
              <th scope="col">{t("stats.col.count")}</th>
            </tr>
          </thead>
          <tbody>
            {s.gi.schemes.map((g) => (
              <tr key={g.scheme ?? "none"}>
                <th scope="row">{label(g)}</th>
                <td className="num">{fmt(g.count)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("stats.gi.total")}</th>
              <td className="num">{fmt(s.gi.total)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      {refs.length > 0 && <ReferenceTable caption={t("stats.referenceOf", { name: t("stats.gi.heading") })} rows={refs} />}
    </Figure>
  );
}

function WellKnownFigure({ s }: { s: Stats }) {
  const t = useT();
  const { lang } = usePreferences();
  const fmt = numberFormat(lang);
  const catalogue = (label: string, value: number) => ({ label, value, asOf: s.today, confidence: confidenceLabel(t, "high"), source: t("stats.catalogueSource") });
  const refs = [
    ...referenceRow(t, t("stats.wk.reference"), s.reference.wellKnown2022),
    ...referenceRow(t, t("stats.wk.reference"), s.reference.wellKnown2020),
    ...referenceRow(t, t("stats.wk.referenceFamous"), s.reference.provincialFamous),
  ];
  const rows = [
    catalogue(t("stats.wk.catalogue"), s.trademarks.well_known),
    catalogue(t("stats.wk.catalogueValid"), s.trademarks.well_known_valid),
    catalogue(t("stats.wk.famous"), s.trademarks.provincial_famous),
    ...refs,
  ];
  const desc = t("stats.wk.desc", { count: fmt(s.trademarks.well_known), valid: fmt(s.trademarks.well_known_valid), famous: fmt(s.trademarks.provincial_famous) });
  const bars: Bar[] = [
    { label: t("stats.wk.catalogue"), value: s.trademarks.well_known },
    { label: t("stats.wk.famous"), value: s.trademarks.provincial_famous },
    ...refs.map((r) => ({ label: r.label, value: r.value, tone: "reference" as const })),
  ];
  return (
    <Figure id="well-known" heading={t("stats.wk.heading")} desc={desc}>
      <BarChart id="chart-well-known" title={t("stats.wk.heading")} desc={desc} bars={bars} format={fmt} emptyMessage={t("stats.empty")} />
      <ReferenceTable caption={t("stats.tableOf", { name: t("stats.wk.heading") })} rows={rows} />
    </Figure>
  );
}

function GiUsersFigure({ s }: { s: Stats }) {
  const t = useT();
  const { lang } = usePreferences();
  const fmt = numberFormat(lang);
  const desc = t("stats.users.desc", { total: fmt(s.giUsers.total) });
  const name = (g: Stats["giUsers"]["byGi"][number]) => localized(lang, g.name_zh, g.name_en);
  const refs = referenceRow(t, "青海省地理标志专用标志用标企业", s.reference.qinghaiGiUsers);
  return (
    <Figure id="gi-users" heading={t("stats.users.heading")} desc={desc}>
      <BarChart
        id="chart-gi-users"
        title={t("stats.users.heading")}
        desc={desc}
        bars={s.giUsers.byGi.map((g) => ({ label: name(g).text, value: g.users }))}
        format={fmt}
        emptyMessage={t("stats.empty")}
      />
      <div className="table-scroll" tabIndex={0}>
        <table className="data-table">
          <caption>{t("stats.tableOf", { name: t("stats.users.heading") })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("stats.users.col.gi")}</th>
              <th scope="col">{t("stats.users.col.users")}</th>
            </tr>
          </thead>
          <tbody>
            {s.giUsers.byGi.map((g) => (
              <tr key={g.gi_id}>
                <th scope="row">
                  <Link to={`/gi/${g.gi_id}`} lang={name(g).lang}>
                    {name(g).text}
                  </Link>
                </th>
                <td className="num">{fmt(g.users)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("stats.users.total")}</th>
              <td className="num">{fmt(s.giUsers.total)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      {refs.length > 0 && <ReferenceTable caption={t("stats.referenceOf", { name: t("stats.users.heading") })} rows={refs.map((r) => ({ ...r, label: `${r.label}(${s.reference.qinghaiGiUsers?.scope ?? ""})` }))} />}
    </Figure>
  );
}

function ProductsFigure({ s }: { s: Stats }) {
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
        series={categories.map((c) => ({ key: c, label: c }))}
        format={fmt}
        emptyMessage={t("stats.empty")}
      />
      <div className="table-scroll" tabIndex={0}>
        <table className="data-table">
          <caption>{t("stats.tableOf", { name: t("stats.products.heading") })}</caption>
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
      </div>
    </Figure>
  );
}

function RenewalsFigure({ s }: { s: Stats }) {
  const t = useT();
  const { lang } = usePreferences();
  const fmt = numberFormat(lang);
  const desc = t("stats.renewals.desc", { count: fmt(s.renewals.trademarks.length) });
  return (
    <Figure id="renewals" heading={t("stats.renewals.heading")} desc={desc}>
      <ColumnChart
        id="chart-renewals"
        title={t("stats.renewals.heading")}
        desc={desc}
        columns={s.renewals.byMonth.map((m) => ({ label: m.month, value: m.count }))}
        format={fmt}
        emptyMessage={t("stats.empty")}
      />
      {s.renewals.trademarks.length === 0 ? (
        <p>{t("stats.renewals.none")}</p>
      ) : (
        <div className="table-scroll" tabIndex={0}>
          <table className="data-table">
            <caption>{t("stats.tableOf", { name: t("stats.renewals.heading") })}</caption>
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
        </div>
      )}
      <details>
        <summary>{t("stats.tableOf", { name: t("stats.renewals.col.month") })}</summary>
        <div className="table-scroll" tabIndex={0}>
          <table className="data-table">
            <caption>{`${t("stats.renewals.heading")}(${t("stats.renewals.col.month")})`}</caption>
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
        </div>
      </details>
    </Figure>
  );
}

function EventsFigure({ s }: { s: Stats }) {
  const t = useT();
  const { lang } = usePreferences();
  const fmt = numberFormat(lang);
  const name = (e: Stats["events"][number]) => (e.event_name_zh ? localized(lang, e.event_name_zh, e.event_name_en).text : t("stats.events.unnamed", { id: e.event_id }));
  return (
    <Figure id="events" heading={t("stats.events.heading")} desc={t("stats.events.desc")}>
      {s.events.length === 0 ? (
        <p>{t("stats.events.none")}</p>
      ) : (
        <BarChart
          id="chart-events"
          title={t("stats.events.chart")}
          desc={t("stats.events.desc")}
          bars={s.events.map((e) => ({ label: name(e), value: e.signed_amount_cny }))}
          format={fmt}
          emptyMessage={t("stats.events.none")}
        />
      )}
      {s.events.length > 0 && (
        <div className="table-scroll" tabIndex={0}>
          <table className="data-table">
            <caption>{t("stats.tableOf", { name: t("stats.events.heading") })}</caption>
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
        </div>
      )}
    </Figure>
  );
}

export default function StatsPage() {
  const { stats } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="stats-page">
      <h1>{t("stats.title")}</h1>
      <p>{t("stats.intro", { date: stats.today })}</p>
      <p className="notice">{t("stats.caveat")}</p>
      <TrademarkFigure s={stats} />
      <GiSchemeFigure s={stats} />
      <WellKnownFigure s={stats} />
      <GiUsersFigure s={stats} />
      <ProductsFigure s={stats} />
      <RenewalsFigure s={stats} />
      <EventsFigure s={stats} />
      <p>
        <Link to="/open-data">{t("openData.title")}</Link> — {t("stats.openData")}
      </p>
    </div>
  );
}
