import { Link } from "@remix-run/react";
import { localized, usePreferences, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { BarChart, type Bar } from "./charts";
import { catalogueRow, Figure, numberFormat, pick, ReferenceTable, referenceRow, SourceText, type FigureRow, type Stats } from "./figure-frame";
import { officialOf, officialRow } from "./official-rows";
import { ScrollableTable } from "../components/scrollable-table";

// /stats figures about the register: trademarks, GI products by scheme, well-known marks, authorised GI users.

export function TrademarkFigure({ s }: { s: Stats }) {
  const t = useT();
  const { lang } = usePreferences();
  const fmt = numberFormat(lang);
  const tm = s.trademarks;
  const targetFigure = s.reference.trademarkTarget;
  const target = targetFigure?.value;
  const official = officialOf(s, "valid_trademarks");
  const latest = official[0];
  const cat = (label: string, value: number) => catalogueRow(t, s.today, label, value);
  const rows: FigureRow[] = [
    cat(t("stats.tm.catalogueTotal"), tm.total),
    cat(t("stats.tm.verifiedRegistered"), tm.verified_registered),
    cat(t("stats.tm.verifiedValid"), tm.verified_valid),
    cat(t("stats.tm.missingRegNo"), tm.missing_reg_no),
    cat(t("stats.tm.missingDate"), tm.missing_registration_date),
    cat(t("stats.tm.unverified"), tm.unverified),
    ...official.map((f) => officialRow(t, f)),
    ...referenceRow(t, lang, s.reference.registeredTrademarks),
    ...referenceRow(t, lang, targetFigure),
  ];
  const bars: Bar[] = [
    { label: t("stats.tm.catalogueTotal"), value: tm.total, tone: "catalogue" },
    { label: t("stats.tm.verifiedValid"), value: tm.verified_valid, tone: "catalogue" },
    ...(latest ? [{ label: officialRow(t, latest).label, value: latest.value, tone: "reference" as const }] : []),
    ...(targetFigure && target !== undefined ? [{ label: pick(lang, targetFigure.label), value: target, tone: "target" as const }] : []),
  ];
  const desc = t("stats.tm.desc", {
    total: fmt(tm.total),
    verified: fmt(tm.verified_registered),
    verifiedValid: fmt(tm.verified_valid),
    target: target !== undefined ? fmt(target) : "—",
  });
  // a share of the target only from the city's own figure: the catalogue's count would read as a misleading 0 %
  const percent = (value: number) =>
    new Intl.NumberFormat(lang === "en" ? "en" : "zh-CN", { style: "percent", maximumFractionDigits: 1 }).format(value / target!);
  return (
    <Figure
      id="trademarks"
      heading={t("stats.tm.heading")}
      desc={desc}
      lead={
        <>
          <p>
            {t("stats.tm.missing", {
              noRegNo: fmt(tm.missing_reg_no),
              noDate: fmt(tm.missing_registration_date),
              unverified: fmt(tm.unverified),
            })}
          </p>
          {latest && target ? (
            <p>
              {t("official.latest", { year: latest.year, value: fmt(latest.value), percent: percent(latest.value) })} {t("official.sourceLabel")}{" "}
              {/* the source as staff typed it, in its own language */}
              <SourceText text={latest.source_text} url={latest.source_url} />
            </p>
          ) : (
            <p>{t("official.noneForTarget")}</p>
          )}
        </>
      }
      notes={<p className="muted">{t("stats.tm.rule")}</p>}
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
    ...(["gi_protected_products", "gi_certification_marks", "agricultural_gis"] as const).flatMap((m) => officialOf(s, m).map((f) => officialRow(t, f))),
    ...referenceRow(t, lang, s.reference.agriculturalGi),
    ...referenceRow(t, lang, s.reference.certificationMarks),
    ...referenceRow(t, lang, s.reference.giProducts),
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
  const catalogue = (label: string, value: number) => catalogueRow(t, s.today, label, value);
  // the two 中国驰名商标 reports are told apart by when they were published (the overlay's labels)
  const refs = [
    ...referenceRow(t, lang, s.reference.wellKnown2022),
    ...referenceRow(t, lang, s.reference.wellKnown2020),
    ...referenceRow(t, lang, s.reference.provincialFamous),
  ];
  const rows = [
    catalogue(t("stats.wk.catalogue"), s.trademarks.well_known),
    catalogue(t("stats.wk.catalogueValid"), s.trademarks.well_known_valid),
    catalogue(t("stats.wk.famous"), s.trademarks.provincial_famous),
    ...officialOf(s, "well_known_marks").map((f) => officialRow(t, f)),
    ...officialOf(s, "provincial_famous_marks").map((f) => officialRow(t, f)),
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
    // the latest official figure of each measure, then the reports
    ...(["well_known_marks", "provincial_famous_marks"] as const).flatMap((m) =>
      officialOf(s, m)
        .slice(0, 1)
        .map((f) => ({ label: officialRow(t, f).label, value: f.value, tone: "reference" as const })),
    ),
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
  const refs = [
    ...officialOf(s, "gi_users").map((f) => officialRow(t, f)),
    ...referenceRow(t, lang, s.reference.qinghaiGiUsers2024),
    ...referenceRow(t, lang, s.reference.qinghaiGiUsers2022),
  ];
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
