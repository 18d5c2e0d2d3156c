import { z } from "zod";
import { msg, optional, requiredText, text } from "../domain/fields";
import { consentField } from "../privacy/consent";
import { PRODUCT_CATEGORIES } from "../domain/product-form";
import { email, phone, wechatId } from "./forms";
import { PROVINCE_NAMES } from "./provinces";

/** The buyer profile (采购商资料): only the name is required; the checks are the inquiry form's, so both agree. */
export const buyerProfileSchema = z.object({
  name: requiredText(100),
  province: optional(z.enum(PROVINCE_NAMES, { message: msg("inquiry.chooseProvince") })),
  city: optional(text(50)),
  // checked as a whole, so a forged value is reported on the group of boxes, not on a box that does not exist
  categories: z
    .array(z.string())
    .optional()
    .refine((v) => (v ?? []).every((c) => (PRODUCT_CATEGORIES as readonly string[]).includes(c)), { message: msg("buyerProfile.categoryInvalid") })
    .transform((v) => [...new Set(v ?? [])]),
  phone: optional(phone),
  email: optional(email),
  wechat: optional(wechatId),
  consent: consentField,
});
