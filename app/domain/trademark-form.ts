import { z } from "zod";
import { isoDate, legalStatus, markType, msg, niceClassList, optional, plainNumber, requiredText, text } from "./fields";

/** A producer's trademark (注册商标). Verification ("verified by whom, when") is for staff, not a field here. */
export const trademarkFormSchema = z
  .object({
    reg_no: optional(
      z
        .string()
        .trim()
        .regex(/^[0-9A-Za-z]{1,20}$/, msg("validation.regNo")),
    ),
    name_zh: requiredText(200),
    name_en: optional(text(200)),
    mark_type: markType,
    nice_classes: niceClassList,
    goods: optional(text(2000, { multiline: true })),
    application_date: optional(isoDate),
    registration_date: optional(isoDate),
    legal_status: legalStatus,
    well_known: z
      .string()
      .optional()
      .transform((v) => v === "on"),
    well_known_year: optional(
      plainNumber(
        z
          .number({ message: msg("validation.number") })
          .int(msg("validation.number"))
          .min(1980, msg("validation.number"))
          .max(2100, msg("validation.number")),
      ),
    ),
    provincial_famous: z
      .string()
      .optional()
      .transform((v) => v === "on"),
  })
  .refine((v) => !v.application_date || !v.registration_date || v.registration_date >= v.application_date, {
    message: msg("validation.registrationBeforeApplication"),
    path: ["registration_date"],
  });

export type TrademarkForm = z.infer<typeof trademarkFormSchema>;
