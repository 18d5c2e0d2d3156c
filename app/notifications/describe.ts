import { localized, type Lang, type Translate } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";

// One in-site notification as a sentence in the reader's language, from its kind and the params notify.server.ts stored
// (names in both languages where the record has them).

type Params = Record<string, string | number>;
const str = (v: string | number | undefined) => (v === undefined ? "" : String(v));

export function describeNotification(t: Translate, lang: Lang, kind: string, params: Params): string {
  switch (kind) {
    case "new_inquiry":
    case "new_lead":
      return t(`notice.${kind}`, { buyer: str(params.buyer) });
    case "inquiry_reply":
      return t("notice.inquiry_reply", { organization: localized(lang, str(params.organization), str(params.organization_en) || null).text });
    case "review_decision":
      return t("notice.review_decision", {
        entity: t(`review.entity.${str(params.entity)}` as MessageKey),
        record: localized(lang, str(params.record), str(params.record_en) || null).text,
        outcome: t(`review.outcome.${str(params.decision)}` as MessageKey),
      });
    default:
      return t("notice.password_reset");
  }
}
