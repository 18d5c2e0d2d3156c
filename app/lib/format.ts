import type { Translate } from "../i18n/i18n";

export function validityText(t: Translate, from: string | null, to: string | null) {
  return t("record.validFromTo", { from: from ?? "—", to: to ?? t("record.openEnded") });
}
