import { useId, type ReactNode } from "react";
import type { ReferenceFigure } from "../../db/queries/stats";
import { usePreferences, useT, type Lang, type Translate } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import type { FigureName } from "./figure-names";
// a type-only import, erased from the browser bundle: the shape is computeStats()'s, which only the server runs
import type { StatsData } from "./figures.server";
import { ScrollableTable } from "../components/scrollable-table";

// The frame every /stats figure shares: heading, description, chart, data table, CSV link; and the reference-figure table.

export type Stats = StatsData;

export function numberFormat(lang: Lang) {
  const f = new Intl.NumberFormat(lang === "en" ? "en" : "zh-CN", {
    maximumFractionDigits: 2,
  });
  return (n: number) => f.format(n);
}

export function Figure({ id, heading, desc, children, notes }: { id: FigureName; heading: string; desc: string; children: ReactNode; notes?: ReactNode }) {
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

export function refValue(f: ReferenceFigure | undefined): number | undefined {
  return f && typeof f.value === "number" ? f.value : undefined;
}

export function confidenceLabel(t: Translate, c: string) {
  return t(`stats.confidence.${c === "high" || c === "low" ? c : "medium"}` as MessageKey);
}

/** The reference figures next to a catalogue count, as a table (measure, value, as of, confidence, source). */
export function ReferenceTable({
  caption,
  rows,
}: {
  caption: string;
  rows: {
    label: string;
    value: number;
    asOf: string;
    confidence: string;
    source: string;
    /** reference rows quote their sources and dates as the reference file gives them (see SourceList) */
    reference?: { asOf: string; sources: string[] };
  }[];
}) {
  const t = useT();
  const captionId = useId(); // a page shows several reference tables
  const { lang } = usePreferences();
  const fmt = numberFormat(lang);
  return (
    <ScrollableTable labelledBy={captionId}>
      <table className="data-table">
        <caption id={captionId}>{caption}</caption>
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
              {/* the reference file's dates are written in English, whatever the page language */}
              <td lang={r.reference ? "en" : undefined}>{r.asOf}</td>
              <td>{r.confidence}</td>
              <td className="sources">{r.reference ? <SourceList sources={r.reference.sources} /> : r.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

/** Quoted sources (Chinese document titles, English summaries, URLs), each marked with its own language. */
function SourceList({ sources }: { sources: string[] }) {
  return (
    <>
      {sources.map((text, i) => (
        <span key={i} lang={/\p{Script=Han}/u.test(text) ? "zh-CN" : "en"}>
          {i > 0 && "; "}
          {text}
        </span>
      ))}
    </>
  );
}

export function referenceRow(t: Translate, label: string, f: ReferenceFigure | undefined) {
  const value = refValue(f);
  if (!f || value === undefined) return [];
  return [
    {
      label,
      value,
      asOf: f.as_of ?? "",
      confidence: confidenceLabel(t, f.confidence),
      source: f.source.join("; "),
      reference: { asOf: f.as_of ?? "", sources: f.source },
    },
  ];
}
