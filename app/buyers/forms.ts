import { z } from "zod";
import { isoDate, msg, optional, plainNumber, recordId, requiredText, text, typedNumber } from "../domain/fields";
import { todayInChina } from "../platform/china-time";
import { PROVINCE_NAMES } from "./provinces";
import { consentField } from "../privacy/consent";

// Buyer and producer forms of the matching area: one schema each for the browser (Conform) and the action.

/** At most this many products (and so producers) in one inquiry; the rest of a long shortlist waits for a second one. */
export const INQUIRY_MAX_PRODUCTS = 20;
export const INQUIRY_MAX_PRODUCERS = 10;
/** The statuses a producer sets on a thread. */
export const INQUIRY_STATUSES = ["new", "read", "replied", "quoted", "deal", "closed"] as const;
/** The inbox's filters: those, and booth leads held past a limit until the producer accepts them (issue 19). */
export const INBOX_STATUSES = [...INQUIRY_STATUSES, "held"] as const;
export const DEAL_KINDS = ["intent", "signed"] as const;

/** Renminbi as typed: "1200", "1,200.50", full-width digits (typedNumber); two decimals at most. */
export function amount(options: { positive: boolean }) {
  return z
    .string({ message: msg("validation.required") })
    .transform(typedNumber)
    .refine((s) => /^\d{1,12}(\.\d{1,2})?$/.test(s), { message: msg("buyers.amountFormat") })
    .transform(Number)
    .refine((n) => !options.positive || n > 0, { message: msg("buyers.amountPositive") });
}

export const requiredDate = z.string({ message: msg("validation.required") }).pipe(isoDate);

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true");

export const email = z
  .string()
  .trim()
  .max(200, msg("validation.tooLong", { max: 200 }))
  .refine((s) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), { message: msg("inquiry.emailInvalid") });

// mainland mobile (13812345678), landline (0972-8321234 / 09728321234-12), or an international number (+49 30 1234567)
export const phone = z
  .string()
  .trim()
  .max(30, msg("validation.tooLong", { max: 30 }))
  .refine((s) => /^\+?[\d\s()-]{6,30}$/.test(s) && s.replace(/\D/g, "").length >= 6, { message: msg("inquiry.phoneInvalid") });

/** A WeChat ID (微信号) as WeChat allows it: 6–20 letters, digits, _ or -, starting with a letter. */
export const wechatId = z
  .string()
  .trim()
  .refine((s) => /^[A-Za-z][-_A-Za-z0-9]{5,19}$/.test(s), { message: msg("leads.wechatInvalid") });

const id = recordId();

/** What the buyer wants of one product: a line of the inquiry (issue 18). */
export const lineNeedSchema = z
  .object({
    quantity: amount({ positive: true }),
    quantity_unit: requiredText(20),
    delivery_from: requiredDate,
    delivery_to: requiredDate,
    destination_province: z.enum(PROVINCE_NAMES, { message: msg("inquiry.chooseProvince") }),
    target_price: optional(amount({ positive: false })),
    sample_wanted: checkbox,
  })
  // Cross-field rules run even when other fields failed (zod skips refinements then by default), so the buyer sees
  // every problem at once; each looks only at the fields it needs and stays quiet while those are malformed.
  .refine((v) => !bothDates(v) || v.delivery_to >= v.delivery_from, { path: ["delivery_to"], message: msg("inquiry.deliveryOrder"), when: always })
  .refine((v) => !bothDates(v) || v.delivery_to < v.delivery_from || v.delivery_to >= todayInChina(), {
    path: ["delivery_to"],
    message: msg("inquiry.deliveryPast"),
    when: always,
  });

/**
 * One line as the form posts it: the product, whether it is asked about, and its need as typed. Only a ticked line is
 * checked (its problems keep their field's path, so each shows at its own input); an unticked one is dropped.
 */
const inquiryLine = z
  .object({
    product_id: id,
    include: checkbox,
    quantity: z.string().optional(),
    quantity_unit: z.string().optional(),
    delivery_from: z.string().optional(),
    delivery_to: z.string().optional(),
    destination_province: z.string().optional(),
    target_price: z.string().optional(),
    sample_wanted: z.string().optional(),
  })
  .superRefine((line, ctx) => {
    if (!line.include) return;
    const r = lineNeedSchema.safeParse(line);
    if (!r.success) for (const issue of r.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
  })
  .transform((line) => (line.include ? { product_id: line.product_id, ...lineNeedSchema.parse(line) } : null));

export const inquirySchema = z
  .object({
    lines: z
      .array(inquiryLine, { message: msg("inquiry.chooseProducts") })
      .transform((lines) => {
        const chosen = lines.filter((l) => l !== null);
        return chosen.filter((l, i) => chosen.findIndex((o) => o.product_id === l.product_id) === i);
      })
      .refine((lines) => lines.length > 0, msg("inquiry.chooseProducts"))
      .refine((lines) => lines.length <= INQUIRY_MAX_PRODUCTS, msg("inquiry.tooManyProducts", { max: INQUIRY_MAX_PRODUCTS })),
    message: optional(text(2000, { multiline: true })),
    buyer_name: requiredText(100),
    buyer_organization: optional(text(200)),
    buyer_email: optional(email),
    buyer_phone: optional(phone),
    consent: consentField,
  })
  .refine((v) => !!v.buyer_email || !!v.buyer_phone, { path: ["buyer_email"], message: msg("inquiry.contactRequired"), when: always });

function always() {
  return true;
}

function bothDates(v: { delivery_from: unknown; delivery_to: unknown }) {
  const ok = (d: unknown) => typeof d === "string" && /^\d{4}-\d{2}-\d{2}$/.test(d);
  return ok(v.delivery_from) && ok(v.delivery_to);
}

export type InquiryInput = z.infer<typeof inquirySchema>;

export const buyerReplySchema = z.object({
  body: requiredText(4000, { multiline: true }),
});

export const producerReplySchema = z.object({
  body: requiredText(4000, { multiline: true }),
  quoted_price: optional(amount({ positive: false })),
});

const leadTime = msg("lines.leadTimeInvalid");

/** The producer's answer to one line of an inquiry: a price per unit, and optionally MOQ, lead time and a note. */
export const lineQuoteSchema = z.object({
  lineId: recordId(),
  quoted_price: amount({ positive: false }),
  price_unit: requiredText(20),
  moq: optional(amount({ positive: true })),
  lead_time_days: optional(plainNumber(z.number({ message: leadTime }).int(leadTime).min(0, leadTime).max(3650, leadTime))),
  note: optional(text(500)),
});

export const statusSchema = z.object({
  status: z.enum(INQUIRY_STATUSES, { message: msg("validation.oneOf", { allowed: INQUIRY_STATUSES.join(" / ") }) }),
});

export const dealSchema = z.object({
  kind: z.enum(DEAL_KINDS, { message: msg("deal.chooseKind") }),
  amount_cny: amount({ positive: true }),
  product_id: recordId(msg("deal.chooseProduct")),
  deal_date: requiredDate,
  note: optional(text(500)),
});

export const staffDealSchema = dealSchema.extend({
  event_id: optional(recordId()),
});

export type DealInput = z.infer<typeof dealSchema>;
