import type { Lang, Translate } from "../i18n/i18n";
import { chinaDateTime } from "../platform/china-time";

export function validityText(t: Translate, from: string | null, to: string | null) {
  return t("record.validFromTo", { from: from ?? "—", to: to ?? t("record.openEnded") });
}

// Moments (verified at, submitted at) are shown in China's time, whatever the server's zone: 2026-03-01T17:30Z is 3 月 2 日
// (the rule: app/platform/china-time.ts). These wrappers only add the placeholders a table cell needs.
export function formatDateTime(value: Date | string | null | undefined) {
  if (!value) return "—";
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? String(value) : chinaDateTime(d);
}

export function formatDate(value: Date | string | null | undefined) {
  return formatDateTime(value).slice(0, 10);
}

// Money is shown in one format, here: renminbi with two decimals and grouped thousands in the reader's language —
// ¥250,000.00 in Chinese, CN¥250,000.00 in English (where ¥ alone also means yen). Server and browser format alike.
const CNY: Record<Lang, Intl.NumberFormat> = {
  "zh-CN": new Intl.NumberFormat("zh-CN", { style: "currency", currency: "CNY" }),
  en: new Intl.NumberFormat("en", { style: "currency", currency: "CNY" }),
};

/** An amount of renminbi for display: formatCny("zh-CN", "250000") is "¥250,000.00"; not a number gives "—". */
export function formatCny(lang: Lang, value: number | string): string {
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? CNY[lang].format(n) : "—";
}

/** A size as people read it: "2.4 MB", "312 KB" (whole MB limits stay whole: "16 MB"). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) {
    const mb = bytes / 1024 / 1024;
    return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  }
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
