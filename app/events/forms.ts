import { z } from "zod";
import type { EventInput } from "../../db/queries/events";

const text = (max: number) => z.string().trim().max(max);
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : null));
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const eventSchema = z
  .object({
    name_zh: text(200).min(1),
    name_en: optional(200),
    starts_on: date,
    ends_on: date,
    venue_zh: text(200).min(1),
    venue_en: optional(200),
    organiser_zh: text(200).min(1),
    organiser_en: optional(200),
    status: z.enum(["draft", "published", "closed"]),
  })
  .refine((v) => v.ends_on >= v.starts_on, { path: ["ends_on"] });

/** The event fields from a form, or the names of the fields that are wrong. */
export function parseEvent(form: FormData): { ok: true; value: EventInput } | { ok: false; fields: string[] } {
  const parsed = eventSchema.safeParse(Object.fromEntries(form));
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, fields: [...new Set(parsed.error.issues.map((i) => String(i.path[0])))] };
}

export const exhibitorSchema = z.object({
  organization_id: z.coerce.number().int().positive(),
  hall: optional(20),
  booth: text(20).min(1),
});

export const sectionSchema = z.object({
  title_zh: text(200).min(1),
  title_en: optional(200),
  q: optional(100),
  county_id: z.coerce.number().int().positive().optional().or(z.literal("").transform(() => undefined)),
  category: optional(50),
});

export const entrySchema = z.object({
  section_id: z.coerce.number().int().positive(),
  product_id: z.coerce.number().int().positive(),
  note_zh: optional(500),
  note_en: optional(500),
});

export const idField = z.coerce.number().int().positive();
