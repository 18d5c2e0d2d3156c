import type { Db } from "../../db/client";
import type { KindIo } from "./kind";
import { toCsv, toJson, type CellValue } from "./tabular";

export type ExportFormat = "csv" | "json";

/**
 * CSV uses the import columns, so an exported file imports back as the same records; enum codes become the Chinese
 * labels staff read in Excel. JSON keeps codes, numbers, booleans and lists typed.
 */
export async function exportKind(db: Db, io: KindIo<unknown>, format: ExportFormat): Promise<{ text: string; rows: number }> {
  const records = (await io.exportRows(db)).map((r) => Object.fromEntries(io.columns.map((c) => [c.name, r[c.name] ?? null])));
  if (format === "json") return { text: toJson(records), rows: records.length };
  const labelled = records.map((r) => {
    const out: Record<string, CellValue> = { ...r };
    for (const c of io.columns) {
      const v = r[c.name];
      if (c.labels && typeof v === "string") out[c.name] = c.labels[v] ?? v;
    }
    return out;
  });
  return {
    text: toCsv(
      io.columns.map((c) => c.name),
      labelled,
    ),
    rows: records.length,
  };
}
