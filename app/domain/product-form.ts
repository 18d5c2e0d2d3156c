import { z } from "zod";
import { isoDate, msg, optional, plainNumber, recordId, requiredText, text } from "./fields";

// The producer's product form: one schema for the browser (Conform) and the action. Fields a producer may not set
// (status, organisation, verification, sample flag) are simply not part of it, so they can never be assigned.

export const PRODUCT_CATEGORIES = ["酒类", "水果", "蔬菜", "杂粮", "调味品", "坚果", "肉类", "乳制品", "中药材", "粮油制品", "手工艺品", "其他"] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

/** The categories' English names for English views (the stored value is the Chinese name). */
const PRODUCT_CATEGORY_EN: Record<ProductCategory, string> = {
  酒类: "Liquor and wine",
  水果: "Fruit",
  蔬菜: "Vegetables",
  杂粮: "Coarse grains and pulses",
  调味品: "Spices and condiments",
  坚果: "Nuts",
  肉类: "Meat",
  乳制品: "Dairy",
  中药材: "Medicinal herbs",
  粮油制品: "Grain and oil products",
  手工艺品: "Handicrafts",
  其他: "Other",
};

/** A stored category's English name, or null for a value outside the list (shown in Chinese). */
export function categoryEn(category: string | null | undefined): string | null {
  return category && Object.hasOwn(PRODUCT_CATEGORY_EN, category) ? PRODUCT_CATEGORY_EN[category as ProductCategory] : null;
}

export const CERTIFICATION_KINDS = ["green_food", "organic", "selenium_rich", "famous_special", "geo_origin", "other"] as const;

const list = (max: number, itemMax: number) =>
  optional(text(max)).transform((s) =>
    (s ?? "")
      .split(/[;；,，、\n]+/)
      .map((x) => x.trim())
      .filter(Boolean)
      .slice(0, 30)
      .map((x) => x.slice(0, itemMax)),
  );

const quantity = optional(
  plainNumber(
    z
      .number({ message: msg("validation.number") })
      .min(0, msg("validation.number"))
      .max(1e12, msg("validation.number")),
  ),
);

const id = optional(recordId());

const certification = z.object({
  kind: optional(z.enum(CERTIFICATION_KINDS, { message: msg("validation.oneOf", { allowed: CERTIFICATION_KINDS.join(" / ") }) })),
  number: optional(text(100)),
  expires: optional(isoDate),
});

export const productFormSchema = z.object({
  name_zh: requiredText(200),
  name_en: optional(text(200)),
  category: z.enum(PRODUCT_CATEGORIES, { message: msg("validation.required") }),
  gi_product_id: id,
  regional_brand_id: id,
  trademark_id: id,
  availability_months: z
    .array(
      plainNumber(
        z
          .number({ message: msg("validation.month") })
          .int(msg("validation.month"))
          .min(1, msg("validation.month"))
          .max(12, msg("validation.month")),
      ),
    )
    .default([])
    .transform((m) => [...new Set(m)].sort((a, b) => a - b)),
  annual_volume: quantity,
  volume_unit: optional(text(20)),
  min_order_qty: quantity,
  min_order_unit: optional(text(20)),
  pack_sizes: list(500, 60),
  storage: optional(z.enum(["ambient", "chilled", "frozen"], { message: msg("validation.oneOf", { allowed: "ambient / chilled / frozen" }) })),
  price_band: optional(text(100)),
  provinces_served: list(500, 30),
  samples_available: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true"),
  description_zh: optional(text(4000, { multiline: true })),
  description_en: optional(text(4000, { multiline: true })),
  certifications: z
    .array(certification)
    .max(5)
    .default([])
    .transform((rows) => rows.filter((r) => r.kind)),
});

export type ProductForm = z.infer<typeof productFormSchema>;
