import type { Trx } from "../../db/client";
import { localized, translator } from "../i18n/i18n";
import { tellBuyerOfAnswer, type NotifyContext } from "./notify.server";

export interface QuotedLine {
  quoteId: number;
  product_name_zh: string;
  product_name_en: string | null;
  quoted_price: number;
  price_unit: string;
  moq: number | null;
  lead_time_days: number | null;
  note: string | null;
}

/**
 * A producer's quote on one line of an inquiry is an answer like a message: the buyer is told the same ways
 * (`tellBuyerOfAnswer`), the text naming the product, the price per unit, the MOQ and the lead time in their language.
 */
export async function notifyLineQuote(trx: Trx, recipientId: number, q: QuotedLine, ctx: NotifyContext): Promise<void> {
  await tellBuyerOfAnswer(
    trx,
    recipientId,
    {
      key: `quote:${q.quoteId}`,
      text: (lang) => {
        const t = translator(lang);
        const parts = [
          `${localized(lang, q.product_name_zh, q.product_name_en).text}: ${t("lines.quotePrice", { price: q.quoted_price, unit: q.price_unit })}`,
          q.moq !== null ? t("lines.moq", { moq: q.moq, unit: q.price_unit }) : null,
          q.lead_time_days !== null ? t("lines.leadTime", { days: q.lead_time_days }) : null,
          q.note,
        ];
        return parts.filter(Boolean).join(lang === "en" ? "; " : ";");
      },
    },
    ctx,
  );
}
