import { z } from "zod";
import { msg, optional, requiredText, text } from "../domain/fields";

// The staff forms of /staff/guidance: one schema each for the browser (Conform) and the action. Limits match the
// columns of 2026_12_06_130000_guidance_texts.

export const guidanceTextSchema = z
  .object({
    intent: z.literal("save").optional(),
    title_zh: requiredText(80),
    body_zh: requiredText(4000, { multiline: true }),
    title_en: optional(text(120)),
    body_en: optional(text(6000, { multiline: true })),
  })
  // the English text is shown as a pair (title and body) or not at all: one without the other is a slip
  .refine((v) => !!v.title_en === !!v.body_en, { message: msg("guide.enPair"), path: ["title_en"] });

const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,40}$/, msg("guide.phoneInvalid"));

export const contactSchema = z.object({
  name_zh: optional(text(80)),
  name_en: optional(text(120)),
  phone: optional(phone),
  address_zh: optional(text(200)),
  address_en: optional(text(300)),
  hours_zh: optional(text(120)),
  hours_en: optional(text(160)),
});
