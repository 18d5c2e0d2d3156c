import { Link } from "@remix-run/react";
import { localized, usePreferences, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { BarChart, type Bar } from "./charts";
import { Figure, numberFormat, refValue, confidenceLabel, ReferenceTable, referenceRow, type Stats } from "./figure-frame";
import { ScrollableTable } from "../components/scrollable-table";

// /stats figures about the register: trademarks, GI products by scheme, well-known marks, authorised GI users.

export function TrademarkFigure({ s }: { s: Stats }) {
  const t = useT();
  const { lang } = usePreferences();
  const fmt = numberFormat(lang);
  const target = refValue(s.reference.trademarkTarget);
  const catalogue = (label: string, value: number) => ({
    label,
    value,
    asOf: s.today,
    confidence: confidenceLabel(t, "high"),
    source: t("stats.catalogueSource"),
  });
  const rows = [
    catalogue(t("stats.tm.catalogueValid"), s.trademarks.valid),
    catalogue(t("stats.tm.catalogueTotal"), s.trademarks.total),
    ...referenceRow(t, t("stats.tm.reference"), s.reference.registeredTrademarks),
    ...referenceRow(t, t("stats.tm.target"), s.reference.trademarkTarget),
  ];
  const bars: Bar[] = [
    {
      label: t("stats.tm.catalogueValid"),
      value: s.trademarks.valid,
      tone: "catalogue",
    },
    ...referenceRow(t, t("stats.tm.reference"), s.reference.registeredTrademarks).map((r) => ({
      label: r.label,
      value: r.value,
      tone: "reference" as const,
    })),
    ...(target !== undefined
      ? [
          {
            label: t("stats.tm.target"),
            value: target,
            tone: "target" as const,
          },
        ]
      : []),
  ];
  const percent = target
    ? new Intl.NumberFormat(lang === "en" ? "en" : "zh-CN", {
        style: "percent",
        maximumFractionDigits: 2,
      }).format(s.trademarks.valid / target)
    : "—";
  const desc = t("stats.tm.desc", {
    valid: fmt(s.trademarks.valid),
    target: target !== undefined ? fmt(target) : "—",
    percent,
  });
  const reg = s.reference.registeredTrademarks;
  return (
    <Figure
      id="trademarks"
      heading={t("stats.tm.heading")}
      desc={desc}
      notes={
        <p className="muted">
          {t("stats.tm.rule")}{" "}
          {reg &&
            refValue(reg) !== undefined &&
            t("stats.referenceNote", {
              label: t("stats.ref.registeredTrademarks"),
              value: fmt(refValue(reg)!),
              confidence: confidenceLabel(t, reg.confidence),
              asOf: reg.as_of ?? "",
            })}
        </p>
      }
    >
      <BarChart id="chart-trademarks" title={t("stats.tm.heading")} desc={desc} bars={bars} format={fmt} emptyMessage={t("stats.empty")} />
      <ReferenceTable caption={t("stats.tableOf", { name: t("stats.tm.heading") })} rows={rows} />
    </Figure>
  );
}

export function GiSchemeFigure({ s }: { s: Stats }) {
  const t = useT();
  const { lang } = usePreferences();
  const fmt = numberFormat(lang);
  const label = (g: Stats["gi"]["schemes"][number]) => (g.scheme ? t(`scheme.${g.scheme}` as MessageKey) : t("stats.gi.none"));
  const desc = t("stats.gi.desc", { total: fmt(s.gi.total) });
  const refs = [
    ...referenceRow(t, t("scheme.agricultural"), s.reference.agriculturalGi),
    ...referenceRow(t, t("scheme.certification_mark"), s.reference.certificationMarks),
    ...referenceRow(t, t("stats.ref.giProducts"), s.reference.giProducts),
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
      <ScrollableTable labelledBy="gi-table-caption">
        <table className="data-table">
          <caption id="gi-table-caption">{t("stats.tableOf", { name: t("stats.gi.heading") })}</caption>
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
      </ScrollableTable>
      {refs.length > 0 && <ReferenceTable caption={t("stats.referenceOf", { name: t("stats.gi.heading") })} rows={refs} />}
    </Figure>
  );
}

export function WellKnownFigure({ s }: { s: Stats }) {
  const t = useT();
  const { lang } = usePreferences();
  const fmt = numberFormat(lang);
  const catalogue = (label: string, value: number) => ({
    label,
    value,
    asOf: s.today,
    confidence: confidenceLabel(t, "high"),
    source: t("stats.catalogueSource"),
  });
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
  const desc = t("stats.wk.desc", {
    count: fmt(s.trademarks.well_known),
    valid: fmt(s.trademarks.well_known_valid),
    famous: fmt(s.trademarks.provincial_famous),
  });
  const bars: Bar[] = [
    { label: t("stats.wk.catalogue"), value: s.trademarks.well_known },
    { label: t("stats.wk.famous"), value: s.trademarks.provincial_famous },
    ...refs.map((r) => ({
      label: r.label,
      value: r.value,
      tone: "reference" as const,
    })),
  ];
  return (
    <Figure id="well-known" heading={t("stats.wk.heading")} desc={desc}>
      <BarChart id="chart-well-known" title={t("stats.wk.heading")} desc={desc} bars={bars} format={fmt} emptyMessage={t("stats.empty")} />
      <ReferenceTable caption={t("stats.tableOf", { name: t("stats.wk.heading") })} rows={rows} />
    </Figure>
  );
}

export function GiUsersFigure({ s }: { s: Stats }) {
  const t = useT();
  const { lang } = usePreferences();
  const fmt = numberFormat(lang);
  const desc = t("stats.users.desc", { total: fmt(s.giUsers.total) });
  const name = (g: Stats["giUsers"]["byGi"][number]) => localized(lang, g.name_zh, g.name_en);
  const refs = referenceRow(t, t("stats.ref.qinghaiGiUsers"), s.reference.qinghaiGiUsers);
  return (
    <Figure id="gi-users" heading={t("stats.users.heading")} desc={desc}>
      <BarChart
        id="chart-gi-users"
        title={t("stats.users.heading")}
        desc={desc}
        bars={s.giUsers.byGi.map((g) => ({
          label: name(g).text,
          lang: name(g).lang,
          value: g.users,
        }))}
        format={fmt}
        emptyMessage={t("stats.empty")}
      />
      <ScrollableTable labelledBy="users-table-caption">
        <table className="data-table">
          <caption id="users-table-caption">{t("stats.tableOf", { name: t("stats.users.heading") })}</caption>
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
      </ScrollableTable>
      {refs.length > 0 && (
        <ReferenceTable
          caption={t("stats.referenceOf", { name: t("stats.users.heading") })}
          // the label names the province already (the reference's scope, 青海省, would repeat it in Chinese)
          rows={refs}
        />
      )}
    </Figure>
  );
}
