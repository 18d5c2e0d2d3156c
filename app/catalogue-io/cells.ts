import { z } from "zod";
import { aliasEnum, creditCode, isoDate, msg, optional, requiredText, text, yesNo } from "../domain/fields";
import type { ImportPlaces, PlaceRef } from "../../db/queries/bulk/lookups";

// Zod rules for import cells, built from the shared field rules (app/domain/fields.ts). An empty cell means "no
// value" (null); lists are written with ";" (a full-width "；" is accepted too).

const LIST_SEPARATOR = /[;；]/;

/** Optional text with the column's varchar limit; blank becomes null. */
export function optionalText(max: number, options: { multiline?: boolean } = {}) {
  return optional(text(max, options).transform((s) => (s === "" ? null : s)));
}

export { requiredText };

/** A limit for text columns the database leaves unbounded, so a stray megabyte in a cell is caught as an error. */
export const LONG_TEXT = 10_000;

export const optionalDate = optional(isoDate);
export const optionalCreditCode = optional(creditCode);
export const optionalBool = optional(yesNo);

export function optionalEnum<T extends string>(aliases: Record<string, T>) {
  return optional(aliasEnum(aliases));
}

/** Code → Chinese label map plus the English codes: what aliasEnum accepts, and what CSV export writes back. */
export function enumAliases<T extends string>(labels: Record<T, string>, extra: Record<string, T> = {}): Record<string, T> {
  const aliases: Record<string, T> = { ...extra };
  for (const [code, label] of Object.entries(labels) as [T, string][]) {
    aliases[code] = code;
    aliases[label] = code;
  }
  return aliases;
}

/** Splits a list cell; every item must pass `item`, whose issues are reported on the cell. */
export function listOf<T>(item: z.ZodType<T>) {
  return optional(
    z.string().transform((s, ctx) => {
      const out: T[] = [];
      for (const part of s
        .split(LIST_SEPARATOR)
        .map((p) => p.trim())
        .filter(Boolean)) {
        const r = item.safeParse(part);
        if (!r.success) {
          for (const issue of r.error.issues) ctx.addIssue({ code: "custom", message: issue.message });
          return z.NEVER;
        }
        out.push(r.data);
      }
      return out;
    }),
  ).transform((v) => v ?? []);
}

/** "5;6;7" → [5, 6, 7]: months of the year, sorted, each once. */
export const monthList = listOf(
  z
    .string()
    .refine((s) => /^\d{1,2}$/.test(s) && Number(s) >= 1 && Number(s) <= 12, { message: msg("validation.month") })
    .transform(Number),
).transform((months) => [...new Set(months)].sort((a, b) => a - b));

/** A quantity for numeric(14,2): not negative, at most two decimals. Kept as a canonical decimal string. */
export const optionalQuantity = optional(
  z
    .string()
    .trim()
    .refine((s) => /^\d{1,12}(\.\d{1,2})?$/.test(s), { message: msg("import.quantity") })
    .transform((s) => String(Number(s))),
);

function countyMatch(places: ImportPlaces, name: string): PlaceRef | undefined {
  return places.counties.find((c) => c.name_zh === name || c.short_zh === name);
}

/** A Haidong district or county by full or short name (乐都区 / 乐都), resolved in memory like findCountyByName. */
export function optionalCounty(places: ImportPlaces) {
  return optional(
    z.string().transform((raw, ctx) => {
      const name = raw.trim();
      if (name === "") return null;
      const hit = countyMatch(places, name);
      if (!hit) {
        ctx.addIssue({ code: "custom", message: msg("validation.unknownCounty", { value: name }) });
        return z.NEVER;
      }
      return hit;
    }),
  );
}

/**
 * A protected area (保护范围): a county by full or short name, a township (乡镇) by name when only one has it, or
 * "county/township" when several counties have one of that name.
 */
export function placeByName(places: ImportPlaces) {
  return z.string().transform((raw, ctx) => {
    const [first, second] = raw.split("/").map((s) => s.trim());
    let hits: PlaceRef[];
    if (second !== undefined) {
      const county = countyMatch(places, first ?? "");
      hits = county ? places.all.filter((p) => p.parent_id === county.id && isTownshipNamed(p, second)) : [];
    } else {
      const county = countyMatch(places, raw.trim());
      hits = county ? [county] : places.all.filter((p) => isTownshipNamed(p, raw.trim()) || (p.kind !== "township" && p.name_zh === raw.trim()));
    }
    if (hits.length !== 1) {
      ctx.addIssue({ code: "custom", message: msg(hits.length > 1 ? "import.ambiguousReference" : "validation.unknownReference", { value: raw.trim() }) });
      return z.NEVER;
    }
    return hits[0]!;
  });
}

/** How a place is written back: counties by name, townships qualified by their county so the name stays unique. */
export function placeLabel(places: ImportPlaces, id: number): string {
  const place = places.all.find((p) => p.id === id);
  if (!place) return String(id);
  const parent = place.parent_id === null ? undefined : places.all.find((p) => p.id === place.parent_id);
  return parent ? `${parent.name_zh}/${place.name_zh}` : place.name_zh;
}

/** A township by its name or by the other name it is written with (下营乡 for 下营藏族乡, 碾伯镇 for 碾伯街道). */
function isTownshipNamed(p: PlaceRef, name: string) {
  return p.kind === "township" && (p.name_zh === name || p.short_zh === name);
}

/** The township (乡镇) of an organisation, looked up inside its county. */
export function townshipIn(places: ImportPlaces, countyId: number | null, name: string): PlaceRef | undefined {
  const inCounty = places.all.filter((p) => p.kind === "township" && p.parent_id === countyId);
  return inCounty.find((p) => p.name_zh === name) ?? inCounty.find((p) => p.short_zh === name);
}
