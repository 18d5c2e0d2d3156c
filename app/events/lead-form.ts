import { z } from "zod";
import { email, phone, wechatId } from "../buyers/forms";
import { msg, optional, recordId, text } from "../domain/fields";
import { consentField } from "../privacy/consent";

// The booth lead form (展位留资): one schema for the browser (Conform) and the action. Contact rules are the inquiry
// form's (email or phone, at least one); the interest is free text, optionally naming one product of the booth.

const productId = recordId(msg("leads.productInvalid"));

/** A required free-text field whose message names it, also when it is left empty or missing from the post. */
const named = (max: number, message: string, options: { multiline?: boolean } = {}) =>
  z
    .string({ message })
    .pipe(text(max, options))
    .refine((s) => s.length > 0, { message });

export const leadSchema = z
  .object({
    buyer_name: named(100, msg("leads.nameRequired")),
    buyer_organization: optional(text(200)),
    buyer_email: optional(email),
    buyer_phone: optional(phone),
    buyer_wechat: optional(wechatId),
    message: named(2000, msg("leads.interestRequired"), { multiline: true }),
    product_id: optional(productId),
    consent: consentField,
  })
  // runs even when other fields failed, so every problem shows at once
  .refine((v) => !!v.buyer_email || !!v.buyer_phone, { path: ["buyer_email"], message: msg("inquiry.contactRequired"), when: () => true });

export type LeadInput = z.infer<typeof leadSchema>;
