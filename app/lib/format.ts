import type { Translate } from "../i18n/i18n";
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
