import { useId, type ReactNode } from "react";
import type { ReferenceFigure } from "../../db/queries/stats";
import type { AssessedSource, Bilingual } from "../../db/seed/reference-figures";
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

export function Figure({
  id,
  heading,
  desc,
  lead,
  children,
  notes,
}: {
  id: FigureName;
  heading: string;
  desc: string;
  /** said right after the description, before the chart (the trademark headline's "missing" and official lines) */
  lead?: ReactNode;
  children: ReactNode;
  notes?: ReactNode;
}) {
  const t = useT();
  return (
    <section className="stats-figure" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <p>{desc}</p>
      {lead}
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
  return f?.value;
}

export function confidenceLabel(t: Translate, c: string) {
  return t(`stats.confidence.${c === "high" || c === "low" ? c : "medium"}` as MessageKey);
}

/** A row of a figure's table: a catalogue count, or a reference figure with its assessed sources. */
export interface FigureRow {
  label: string;
  value: number;
  asOf: string;
  confidence: string;
  /** why the confidence is below high (reference figures) */
  reason?: string;
  /** a catalogue or official row's source, as text (an official one as staff typed it), with its address if any */
  source?: string;
  sourceUrl?: string | null;
  /** a reference row's sources, each assessed (db/seed/reference-figures.ts) */
  sources?: AssessedSource[];
}

/** The catalogue's own count as a row: computed today from published records. */
export function catalogueRow(t: Translate, today: string, label: string, value: number): FigureRow {
  return { label, value, asOf: today, confidence: confidenceLabel(t, "high"), source: t("stats.catalogueSource") };
}

/** The figures of a chart next to each other, as a table (measure, value, as of, confidence, source). */
export function ReferenceTable({ caption, rows }: { caption: string; rows: FigureRow[] }) {
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
              <td>{r.asOf}</td>
              <td>
                {r.confidence}
                {r.reason && <p className="muted confidence-reason">{r.reason}</p>}
              </td>
              <td className="sources">{r.sources ? <SourceList sources={r.sources} /> : <SourceText text={r.source ?? ""} url={r.sourceUrl} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

/** A source typed by staff, in whatever language they wrote it, linked when it has an address. */
export function SourceText({ text, url }: { text: string; url?: string | null }) {
  const lang = /\p{Script=Han}/u.test(text) ? "zh-CN" : /[A-Za-z]/.test(text) ? "en" : undefined;
  return url ? (
    <a href={url} lang={lang} rel="noopener noreferrer" className="source-link">
      {text}
    </a>
  ) : (
    <span lang={lang}>{text}</span>
  );
}

/**
 * Each source with what kind of publisher it is. Official and news sources are linked; any other (a mirror, a
 * translation or AI-summary site) is named only as "not support", never linked, so the page never cites it.
 * Original titles are Chinese and keep their own lang.
 */
function SourceList({ sources }: { sources: AssessedSource[] }) {
  const t = useT();
  const { lang } = usePreferences();
  return (
    <ul className="source-list">
      {sources.map((s, i) => {
        const supports = s.supports;
        const publisher = pick(lang, s.publisher);
        const kind = t(`stats.source.kind.${s.kind}` as MessageKey);
        return (
          <li key={i}>
            {supports ? kind : t("stats.source.unsupported", { kind })}:{" "}
            {supports && s.url ? (
              <a href={s.url} rel="noopener noreferrer" aria-label={t("stats.source.open", { name: publisher })}>
                {publisher}
              </a>
            ) : (
              publisher
            )}
            {/* a Chinese title in 书名号, which also keeps its own inner quotation marks readable */}
            {s.title && <span lang="zh-CN">《{s.title}》</span>}
            {s.date && <span className="source-date"> {s.date}</span>}
          </li>
        );
      })}
    </ul>
  );
}

/** The text of a bilingual pair in the page language. */
export function pick(lang: Lang, b: Bilingual): string {
  return lang === "en" ? b.en : b.zh;
}

/** A reference figure as a table row in the page language; none when the figure is not in the database. */
export function referenceRow(t: Translate, lang: Lang, f: ReferenceFigure | undefined): FigureRow[] {
  if (!f) return [];
  return [
    {
      label: pick(lang, f.label),
      value: f.value,
      asOf: pick(lang, f.asOf),
      confidence: confidenceLabel(t, f.confidence),
      reason: f.reason ? pick(lang, f.reason) : undefined,
      sources: f.sources,
    },
  ];
}
