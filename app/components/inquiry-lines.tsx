import { decimal } from "../buyers/format";
import { provinceLabel } from "../buyers/provinces";
import { localized, usePreferences, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { chinaDateTime } from "../platform/china-time";
import { ContentText, Trans } from "./content-text";
import type { ReactNode } from "react";

// The lines of one producer's thread (what the buyer asked of each product, the producer's current quote and the
// earlier ones) and the thread's status history: the same pieces on the buyer's, the producer's and the staff page.

export interface LineQuoteView {
  id: number;
  quoted_price: string;
  price_unit: string;
  moq: string | null;
  lead_time_days: number | null;
  note: string | null;
  created_at: string | Date;
}

export interface InquiryLineView {
  id: number;
  product_id: number | null;
  product_name_zh: string;
  product_name_en: string | null;
  quantity: string | null;
  quantity_unit: string | null;
  target_price: string | null;
  sample_wanted: boolean;
  delivery_from: string | null;
  delivery_to: string | null;
  destination_province: string | null;
  quotes: LineQuoteView[];
}

function QuoteText({ q }: { q: LineQuoteView }) {
  const t = useT();
  const unit = q.price_unit;
  return (
    <>
      <strong>
        <Trans k="lines.quotePrice" vars={{ price: decimal(q.quoted_price), unit: <ContentText text={unit} /> }} />
      </strong>
      {q.moq !== null && (
        <>
          {" · "}
          <Trans k="lines.moq" vars={{ moq: decimal(q.moq), unit: <ContentText text={unit} /> }} />
        </>
      )}
      {q.lead_time_days !== null && <> · {t("lines.leadTime", { days: q.lead_time_days })}</>}
      {q.note && (
        <>
          {" · "}
          <ContentText text={q.note} />
        </>
      )}{" "}
      <span className="muted">({chinaDateTime(q.created_at)})</span>
    </>
  );
}

/** What was asked of one line, in a sentence: "200 箱 · 目标价 95 元 / 箱 · 需要样品 · 交货期 … · 广东". */
function NeedText({ line }: { line: InquiryLineView }) {
  const t = useT();
  const { lang } = usePreferences();
  if (line.quantity === null) return <span className="muted">{t("compare.notGiven")}</span>;
  const unit = line.quantity_unit ?? "";
  return (
    <>
      {decimal(line.quantity)} <ContentText text={unit} />
      {" · "}
      {t("inquiry.targetPriceShort")}:{" "}
      {line.target_price !== null ? (
        <Trans k="lines.quotePrice" vars={{ price: decimal(line.target_price), unit: <ContentText text={unit} /> }} />
      ) : (
        t("compare.notGiven")
      )}
      {" · "}
      {line.sample_wanted ? t("inquiry.sampleYes") : `${t("inquiry.sampleShort")}: ${t("inquiry.sampleNo")}`}
      {line.delivery_from && line.delivery_to && (
        <>
          {" · "}
          {t("inquiry.deliveryWindow")}: {t("inquiry.fromTo", { from: line.delivery_from, to: line.delivery_to })}
        </>
      )}
      {line.destination_province && (
        <>
          {" · "}
          {t("inquiry.provinceShort")}: {provinceLabel(line.destination_province, lang)}
        </>
      )}
    </>
  );
}

/** A thread's lines; `answer` renders a form under a line (the producer's quote form). */
export function InquiryLines({ lines, answer }: { lines: InquiryLineView[]; answer?: (line: InquiryLineView) => ReactNode }) {
  const t = useT();
  const { lang } = usePreferences();
  if (lines.length === 0) return null;
  return (
    <ul className="plain-list inquiry-lines">
      {lines.map((line) => {
        const name = localized(lang, line.product_name_zh, line.product_name_en);
        const [current, ...earlier] = line.quotes;
        return (
          <li key={line.id} className="inquiry-lines__line" id={`line-${line.id}`}>
            <h4 lang={name.lang}>{name.text}</h4>
            <dl className="facts">
              <dt>{t("lines.need")}</dt>
              <dd>
                <NeedText line={line} />
              </dd>
              <dt>{t("lines.quote")}</dt>
              <dd>{current ? <QuoteText q={current} /> : <span className="muted">{t("lines.noQuote")}</span>}</dd>
            </dl>
            {earlier.length > 0 && (
              <details>
                <summary>{t("lines.earlierQuotes", { count: earlier.length })}</summary>
                <ul className="plain-list">
                  {earlier.map((q) => (
                    <li key={q.id}>
                      <QuoteText q={q} />
                    </li>
                  ))}
                </ul>
              </details>
            )}
            {answer?.(line)}
          </li>
        );
      })}
    </ul>
  );
}

export interface StatusChangeView {
  id: number;
  from_status: string | null;
  to_status: string;
  by_role: string;
  created_at: string | Date;
}

export function StatusHistory({ history, headingLevel = 3 }: { history: StatusChangeView[]; headingLevel?: 2 | 3 }) {
  const t = useT();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const status = (s: string | null) => (s ? t(`inquiryStatus.${s}` as MessageKey) : "—");
  return (
    <>
      <Heading>{t("lines.history")}</Heading>
      {history.length === 0 ? (
        <p className="muted">{t("lines.historyEmpty")}</p>
      ) : (
        <ol className="plain-list status-history">
          {history.map((h) => (
            <li key={h.id}>
              {t("lines.historyItem", {
                at: chinaDateTime(h.created_at),
                from: status(h.from_status),
                to: status(h.to_status),
                by: t(`lines.by.${h.by_role}` as MessageKey),
              })}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/**
 * An inquiry's quantities in a list row: a booth lead says so; an older inquiry has one quantity for all; a per-line
 * one lists each line's ("200 箱、3 吨").
 */
export function LineQuantities({
  source,
  quantity,
  unit,
  lines,
}: {
  source: string;
  quantity: string | null;
  unit: string | null;
  lines: { quantity: string | null; quantity_unit: string | null }[];
}) {
  const t = useT();
  if (quantity !== null) {
    return (
      <>
        {decimal(quantity)} <ContentText text={unit} />
      </>
    );
  }
  const stated = lines.filter((l) => l.quantity !== null);
  if (source === "booth" || stated.length === 0) return <>{t("leads.boothLead")}</>;
  return <ContentText text={stated.map((l) => `${decimal(l.quantity)} ${l.quantity_unit ?? ""}`).join("、")} />;
}

/** The destinations of an inquiry: the inquiry-level one of an older inquiry, or each line's, without repeats. */
export function lineProvinces(province: string | null, lines: { destination_province: string | null }[]): string[] {
  if (province) return [province];
  return [...new Set(lines.map((l) => l.destination_province).filter((p): p is string => !!p))];
}

/**
 * The unit a price in a thread's message is per: the inquiry's own (an older inquiry), or the one unit all its lines
 * share; null when they differ (a booth lead, or lines in 箱 and 吨), and the price reads as a total.
 */
export function threadUnit(inquiryUnit: string | null, lines: { quantity_unit: string | null }[]): string | null {
  if (inquiryUnit) return inquiryUnit;
  const units = [...new Set(lines.map((l) => l.quantity_unit))];
  return units.length === 1 ? (units[0] ?? null) : null;
}
