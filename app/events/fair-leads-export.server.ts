import { toCsv } from "../catalogue-io/tabular";
import { translator, type Lang } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { chinaDateTime } from "../platform/china-time";
import type { EventLeadRow } from "../../db/queries/event-lead-list";

// Every lead of an event with its status, for the organiser (/events/:id/leads.csv): one row per exhibitor a lead was
// addressed to, in the order they arrived, the time in China time, held ones (待确认) included with why they were held.
// Same CSV writer as the summary (BOM, CRLF, formula-like cells defused — buyers type these cells). Chinese headers and
// labels by default; the English codes with ?lang=en.

export const FAIR_LEAD_COLUMNS = [
  "received_at",
  "hall",
  "booth",
  "exhibitor_zh",
  "exhibitor_en",
  "source",
  "buyer_name",
  "buyer_organization",
  "buyer_phone",
  "buyer_email",
  "buyer_wechat",
  "products",
  "message",
  "status",
  "held_reason",
] as const;

export function fairLeadsCsv(leads: readonly EventLeadRow[], lang: Lang = "zh-CN"): string {
  const t = translator(lang);
  const header = (c: (typeof FAIR_LEAD_COLUMNS)[number]) => t(`fairLeads.col.${c}` as MessageKey);
  return toCsv(
    FAIR_LEAD_COLUMNS.map(header),
    leads.map((l) => {
      const cells: Record<(typeof FAIR_LEAD_COLUMNS)[number], string | null> = {
        received_at: chinaDateTime(l.created_at),
        hall: l.hall,
        booth: l.booth,
        exhibitor_zh: l.exhibitor_zh,
        exhibitor_en: l.exhibitor_en,
        source: t(`fairLeads.source.${l.source}`),
        buyer_name: l.buyer_name,
        buyer_organization: l.buyer_organization,
        buyer_phone: l.buyer_phone,
        buyer_email: l.buyer_email,
        buyer_wechat: l.buyer_wechat,
        products: l.products,
        message: l.message,
        status: t(`fairLeads.status.${l.status}`),
        held_reason: l.status === "held" && l.held_reason ? t(`fairLeads.heldReason.${l.held_reason}`) : null,
      };
      return Object.fromEntries(FAIR_LEAD_COLUMNS.map((c) => [header(c), cells[c]]));
    }),
  );
}
