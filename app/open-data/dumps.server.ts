import { z } from "zod";
import { lastModified, type OpenDataType } from "../../db/queries/open-data";
import { toCsv, type CellValue } from "../catalogue-io/tabular";
import type { Db } from "../../db/client";
import { chinaDay, chinaIsoDateTime, todayInChina } from "../platform/china-time";
import { LICENCE } from "./openapi";
import { loadRecords } from "./records.server";
import { RECORD_SCHEMAS } from "./schemas";

// /open-data/<type>.csv|.json: every public record of a type, with the API's record shape (JSON) or flattened into
// columns derived from the same Zod schema (CSV). A dump is rebuilt only when its records changed (or the day did:
// validity and certifications depend on it), so its generation time and ETag stay put while nothing changes.

export const DUMP_FORMATS = ["csv", "json"] as const;
export type DumpFormat = (typeof DUMP_FORMATS)[number];

export const ATTRIBUTION = "海东品牌与地理标志目录 / Haidong Brand & GI Catalogue";
export const LICENCE_NOTE =
  "The catalogue's own compilation: CC BY 4.0 — credit “海东品牌与地理标志目录 / Haidong Brand & GI Catalogue”. Reference facts come from the sources in each record's `sources`; cite them when reusing those facts.";

interface Column {
  name: string;
  get(record: Record<string, unknown>): CellValue;
}

function unwrap(t: z.ZodType): z.ZodType {
  let inner = t;
  while (inner instanceof z.ZodNullable || inner instanceof z.ZodOptional) inner = inner.unwrap() as z.ZodType;
  return inner;
}

function cell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((v) => (typeof v === "number" ? v : String(v)));
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return JSON.stringify(value);
}

/** Columns from a record schema: nested objects become `key_field`, lists of objects `a:b:c` items joined by `;`. */
export function csvColumns(schema: z.ZodObject): Column[] {
  const columns: Column[] = [];
  for (const [key, field] of Object.entries(schema.shape)) {
    const inner = unwrap(field as z.ZodType);
    if (inner instanceof z.ZodObject) {
      for (const sub of Object.keys(inner.shape)) {
        columns.push({ name: `${key}_${sub}`, get: (r) => cell((r[key] as Record<string, unknown> | null)?.[sub]) });
      }
    } else if (inner instanceof z.ZodArray && unwrap(inner.element as z.ZodType) instanceof z.ZodObject) {
      columns.push({
        name: key,
        get: (r) =>
          ((r[key] as Record<string, unknown>[] | null) ?? []).map((o) =>
            Object.values(o)
              .map((v) => (v === null ? "" : String(v)))
              .join(":"),
          ),
      });
    } else {
      columns.push({ name: key, get: (r) => cell(r[key]) });
    }
  }
  return columns;
}

const cache = new Map<string, { body: string; generatedAt: Date; lastModified: Date | null }>();

/** A dump's file name carries China's day of generation: at 01:30 in Haidong (17:30 UTC the day before) it is that day. */
export function dumpFileName(type: OpenDataType, format: DumpFormat, generatedAt: Date): string {
  return `haidong-${type}-${chinaDay(generatedAt)}.${format}`;
}

export async function buildDump(db: Db, type: OpenDataType, format: DumpFormat) {
  const today = todayInChina();
  const modified = await lastModified(db, type);
  const key = `${type}.${format}|${modified?.toISOString() ?? ""}|${today}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const records = z.array(RECORD_SCHEMAS[type] as z.ZodType).parse(await loadRecords(db, type, today)) as Record<string, unknown>[];
  const generatedAt = new Date();
  let body: string;
  if (format === "json") {
    body = `${JSON.stringify(
      {
        title: `${ATTRIBUTION}: ${type}`,
        licence: { ...LICENCE, attribution: ATTRIBUTION, note: LICENCE_NOTE },
        // China's time, like the file name and /open-data: the same moment, readable as Haidong's day
        generated_at: chinaIsoDateTime(generatedAt),
        data_last_modified: modified ? chinaIsoDateTime(modified) : null,
        count: records.length,
        schema: "/api/v1/openapi.json",
        records,
      },
      null,
      1,
    )}\n`;
  } else {
    const columns = csvColumns(RECORD_SCHEMAS[type] as z.ZodObject);
    body = toCsv(
      columns.map((c) => c.name),
      records.map((r) => Object.fromEntries(columns.map((c) => [c.name, c.get(r)]))),
    );
  }
  for (const k of cache.keys()) if (k.startsWith(`${type}.${format}|`)) cache.delete(k);
  const entry = { body, generatedAt, lastModified: modified };
  cache.set(key, entry);
  return entry;
}
