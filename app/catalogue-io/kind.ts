import type { z } from "zod";
import type { Db } from "../../db/client";
import type { Executor } from "../../db/queries/bulk/batch";
import type { ImportPlaces } from "../../db/queries/bulk/lookups";
import type { CellValue } from "./tabular";

// What every kind of record the import/export commands handle provides to the shared engine (import.ts, export.ts).

export const IMPORT_KINDS = ["organizations", "trademarks", "gi", "gi-users", "regional-brands", "products"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(value: string): value is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value);
}

export interface Column {
  name: string;
  /** the header must have it (other columns may be left out: their values then stay as they are) */
  required?: boolean;
  /** code → Chinese label written to CSV instead of the code (JSON keeps codes); import accepts both */
  labels?: Readonly<Record<string, string>>;
}

/** One problem with a row (row null: the header). `message` is an i18n message built with msg(). */
export interface Problem {
  row: number | null;
  column: string | null;
  message: string;
}

export interface ParsedRow<T> {
  row: number;
  value: T;
}

export interface Counts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface Progress {
  phase: "validate" | "write";
  done: number;
  total: number;
}

export interface WriteOptions {
  dryRun: boolean;
  onProgress?: (p: Progress) => void;
}

export interface Prepared {
  /** references to unknown records and disagreements between rows, found with a few set-based reads */
  problems: Problem[];
  /** classifies the given rows against the database (inserted / updated / unchanged) and, unless a dry run, writes them */
  write(trx: Executor, rows: ReadonlySet<number>, options: WriteOptions): Promise<Counts>;
}

export interface KindIo<T> {
  kind: ImportKind;
  columns: readonly Column[];
  /** One row's cells by column name; cells of columns the file does not have are undefined. */
  schema(places: ImportPlaces): z.ZodType<T>;
  /** the natural key inside one file, for "duplicates row N", and the column that problem is reported on */
  key(row: T): string;
  keyColumn: string;
  /**
   * Rows that together describe one record (a GI's rows, one per scheme) share this key, taken from the raw cells.
   * With --skip-invalid such a record is loaded whole or not at all, so a skipped row never drops part of it.
   */
  group?(cells: Readonly<Record<string, string>>): string;
  prepare(trx: Executor, rows: ParsedRow<T>[], present: ReadonlySet<string>): Promise<Prepared>;
  /** published, non-sample records, one object per row in column order */
  exportRows(db: Db): Promise<Record<string, CellValue>[]>;
}

/** Sorted numbers/strings compared by value: the order in a cell never counts as a change. */
export function sameList(a: readonly (string | number)[], b: readonly (string | number)[]) {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** JSON with object keys sorted, so jsonb's own key order never reads as a change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** Whether any of the given fields differ; only fields the file has are compared, the rest stay as they are. */
export function differs<T extends object>(existing: T, incoming: Partial<T>, fields: readonly (keyof T)[]) {
  return fields.some((f) => {
    if (!(f in incoming)) return false;
    const a = incoming[f];
    const b = existing[f];
    return typeof a === "object" && a !== null ? canonical(a) !== canonical(b) : a !== b;
  });
}
