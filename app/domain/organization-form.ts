import { z } from "zod";
import { creditCode, httpUrl, msg, optional, plainNumber, requiredText, text } from "./fields";

export const ORG_TYPES = ["company", "cooperative", "family_farm", "association", "other"] as const;
export const CONTACT_KINDS = ["person", "phone", "mobile", "email", "wechat"] as const;

const contact = z.object({
  value: optional(text(100)),
  public: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});

/** The producer's organisation profile. Credit status, verification and publication are staff matters, not fields here. */
export const organizationFormSchema = z.object({
  name_zh: requiredText(200),
  name_en: optional(text(200)),
  credit_code: creditCode,
  org_type: z.enum(ORG_TYPES, { message: msg("validation.oneOf", { allowed: ORG_TYPES.join(" / ") }) }),
  county_id: plainNumber(
    z
      .number({ message: msg("validation.required") })
      .int(msg("validation.required"))
      .positive(msg("validation.required")),
  ),
  address: optional(text(300)),
  website: optional(httpUrl),
  contacts: z.object(Object.fromEntries(CONTACT_KINDS.map((k) => [k, contact])) as Record<(typeof CONTACT_KINDS)[number], typeof contact>),
  description_zh: optional(text(4000, { multiline: true })),
  description_en: optional(text(4000, { multiline: true })),
});

export type OrganizationForm = z.infer<typeof organizationFormSchema>;

/** The form's value as the organisation record stores it: only the ways to reach it that were filled in. */
export function organizationInput(form: OrganizationForm) {
  return {
    ...form,
    contacts: CONTACT_KINDS.filter((k) => form.contacts[k].value).map((k) => ({ kind: k, value: form.contacts[k].value!, public: form.contacts[k].public })),
  };
}
