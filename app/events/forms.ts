import { z } from "zod";
import type { EventInput } from "../../db/queries/events";
import { isoDate, optional as nullable, recordId, requiredText, text as plainText } from "../domain/fields";

// Texts use the shared field rules (trimmed, no control characters, length counted in characters); dates must be real
// calendar days and ids fit PostgreSQL's bigint, so a hand-made request gets a 400 rather than a database error (500).
const text = (max: number) => requiredText(max);
const optional = (max: number) => nullable(plainText(max)).transform((v) => (v ? v : null));
const date = isoDate;
const id = recordId();

export const eventSchema = z
  .object({
    name_zh: text(200),
    name_en: optional(200),
    starts_on: date,
    ends_on: date,
    venue_zh: text(200),
    venue_en: optional(200),
    organiser_zh: text(200),
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
  organization_id: id,
  hall: optional(20),
  booth: text(20),
});

export const sectionSchema = z.object({
  title_zh: text(200),
  title_en: optional(200),
  q: optional(100),
  county_id: id.optional().or(z.literal("").transform(() => undefined)),
  category: optional(50),
});

export const entrySchema = z.object({
  section_id: id,
  product_id: id,
  note_zh: optional(500),
  note_en: optional(500),
});

/** The record id a manage form posts in `id`; a missing or malformed one is a bad request (400), never a 500. */
export function formId(form: FormData): number {
  const parsed = id.safeParse(form.get("id"));
  if (!parsed.success) throw new Response("id: not a record id", { status: 400 });
  return parsed.data;
}
