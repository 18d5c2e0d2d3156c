import { msg } from "../domain/fields";
import type { Db } from "../../db/client";
import { lockImport } from "../../db/queries/bulk/batch";
import { loadPlaces } from "../../db/queries/bulk/lookups";
import type { Counts, ImportKind, KindIo, ParsedRow, Problem, Progress } from "./kind";
import { readTable, UnreadableFileError, type Table } from "./tabular";

// The import engine shared by every kind: read the file, check the header, validate every row, find duplicates and
// unknown references, then write all rows in one transaction — or none, unless --skip-invalid.

export interface ImportOptions {
  dryRun?: boolean;
  skipInvalid?: boolean;
  onProgress?: (p: Progress) => void;
}

export interface ImportSummary {
  kind: ImportKind;
  format: Table["format"] | null;
  encoding: Table["encoding"];
  /** data rows in the file (blank rows not counted) */
  rows: number;
  /** rows that were rejected, by row number */
  invalidRows: number[];
  problems: Problem[];
  /** what was (or, on a dry run, would be) written; null when nothing got that far */
  counts: Counts | null;
  written: boolean;
  dryRun: boolean;
  skipInvalid: boolean;
}

/** 0 only when nothing was rejected, or with --skip-invalid when the valid rows loaded (docs/interfaces.md). */
export function exitCode(summary: ImportSummary): number {
  if (summary.counts === null) return 1;
  if (summary.invalidRows.length === 0) return 0;
  return summary.skipInvalid && summary.invalidRows.length < summary.rows ? 0 : 1;
}

function checkHeader(io: KindIo<unknown>, header: string[], rows: Table["rows"]): { problems: Problem[]; indexes: Map<string, number> } {
  const known = new Set(io.columns.map((c) => c.name));
  const indexes = new Map<string, number>();
  const unknown: string[] = [];
  const repeated: string[] = [];
  header.forEach((raw, i) => {
    const name = raw.toLowerCase();
    // a blank heading over an empty column is a spreadsheet leftover, not a column
    if (name === "" && rows.every((r) => (r.cells[i] ?? "").trim() === "")) return;
    if (!known.has(name)) unknown.push(raw === "" ? `#${i + 1}` : raw);
    else if (indexes.has(name)) repeated.push(raw);
    else indexes.set(name, i);
  });
  const problems: Problem[] = [];
  const missing = io.columns.filter((c) => c.required && !indexes.has(c.name)).map((c) => c.name);
  if (header.every((h) => h === "")) problems.push({ row: null, column: null, message: msg("import.noHeader") });
  else if (missing.length > 0) problems.push({ row: null, column: null, message: msg("import.missingColumns", { columns: missing.join(", ") }) });
  if (unknown.length > 0) {
    problems.push({ row: null, column: null, message: msg("import.unknownColumns", { columns: unknown.join(", "), allowed: [...known].join(", ") }) });
  }
  if (repeated.length > 0) problems.push({ row: null, column: null, message: msg("import.repeatedColumns", { columns: repeated.join(", ") }) });
  return { problems, indexes };
}

export async function importFile(db: Db, io: KindIo<unknown>, bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportSummary> {
  const summary: ImportSummary = {
    kind: io.kind,
    format: null,
    encoding: null,
    rows: 0,
    invalidRows: [],
    problems: [],
    counts: null,
    written: false,
    dryRun: !!options.dryRun,
    skipInvalid: !!options.skipInvalid,
  };
  let table: Table;
  try {
    table = await readTable(bytes);
  } catch (e) {
    if (!(e instanceof UnreadableFileError)) throw e;
    summary.problems.push({ row: null, column: null, message: msg("import.unreadable", { reason: e.reason }) });
    return summary;
  }
  Object.assign(summary, { format: table.format, encoding: table.encoding, rows: table.rows.length });

  const header = checkHeader(io, table.header, table.rows);
  if (header.problems.length > 0) {
    summary.problems.push(...header.problems);
    return summary;
  }
  const present = new Set(header.indexes.keys());
  const problems: Problem[] = [];
  const invalid = new Set<number>();
  const reject = (p: Problem) => {
    problems.push(p);
    if (p.row !== null) invalid.add(p.row);
  };

  return db.transaction().execute(async (trx) => {
    await lockImport(trx, io.kind);
    const schema = io.schema(await loadPlaces(trx));
    const parsed: ParsedRow<unknown>[] = [];
    const groups = new Map<number, string>();
    const firstRowOfKey = new Map<string, number>();
    for (const [n, { row, cells }] of table.rows.entries()) {
      if (n % 1000 === 0) options.onProgress?.({ phase: "validate", done: n, total: table.rows.length });
      const input: Record<string, string> = {};
      for (const [name, i] of header.indexes) input[name] = (cells[i] ?? "").trim();
      if (io.group) groups.set(row, io.group(input));
      if (cells.slice(table.header.length).some((c) => c.trim() !== "")) {
        reject({ row, column: null, message: msg("import.extraCells") });
        continue;
      }
      const result = schema.safeParse(input);
      if (!result.success) {
        const seen = new Set<string>();
        for (const issue of result.error.issues) {
          const column = issue.path.length > 0 ? String(issue.path[0]) : null;
          if (seen.has(String(column))) continue;
          seen.add(String(column));
          reject({ row, column, message: issue.message });
        }
        continue;
      }
      const value = result.data as Record<string, unknown>;
      // columns the file does not have are "not given": they must not overwrite what the database holds
      for (const c of io.columns) if (!present.has(c.name)) delete value[c.name];
      const key = io.key(value);
      const first = firstRowOfKey.get(key);
      if (first !== undefined) {
        reject({ row, column: io.keyColumn, message: msg("validation.duplicateInFile", { row: first, key: key.split("\u0000").join(" / ") }) });
        continue;
      }
      firstRowOfKey.set(key, row);
      parsed.push({ row, value });
    }
    options.onProgress?.({ phase: "validate", done: table.rows.length, total: table.rows.length });

    const prepared = await io.prepare(trx, parsed, present);
    prepared.problems.forEach(reject);
    if (options.skipInvalid && io.group) {
      const firstInvalid = new Map<string, number>();
      for (const row of [...invalid].sort((a, b) => a - b)) {
        const g = groups.get(row);
        if (g !== undefined && !firstInvalid.has(g)) firstInvalid.set(g, row);
      }
      for (const [row, g] of groups) {
        const bad = firstInvalid.get(g);
        if (bad !== undefined && !invalid.has(row)) reject({ row, column: null, message: msg("import.groupRejected", { row: bad }) });
      }
    }
    summary.problems = problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    summary.invalidRows = [...invalid].sort((a, b) => a - b);
    if (invalid.size > 0 && !options.skipInvalid) return summary;

    const valid = new Set(parsed.filter((p) => !invalid.has(p.row)).map((p) => p.row));
    summary.counts = await prepared.write(trx, valid, { dryRun: summary.dryRun, onProgress: options.onProgress });
    summary.written = !summary.dryRun && valid.size > 0;
    return summary;
  });
}
