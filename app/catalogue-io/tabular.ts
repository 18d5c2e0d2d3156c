import { parse } from "csv-parse/sync";
import { readSheet } from "read-excel-file/node";

// Reading and writing the tabular files of `npm run import` / `npm run export`: CSV (UTF-8 with or without BOM, or
// GB18030 as spreadsheets on Chinese Windows save it) and the first sheet of an XLSX workbook.

export interface TableRow {
  /** the row number a spreadsheet shows: the header is row 1 */
  row: number;
  cells: string[];
}

export interface Table {
  format: "csv" | "xlsx";
  encoding: "utf-8" | "gb18030" | null;
  header: string[];
  rows: TableRow[];
}

export class UnreadableFileError extends Error {
  constructor(public readonly reason: string) {
    super(reason);
    this.name = "UnreadableFileError";
  }
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Valid UTF-8 is taken as UTF-8 (BOM dropped); anything else as GB18030, a superset of GBK and GB2312. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: "utf-8" | "gb18030" } {
  const hasBom = UTF8_BOM.every((b, i) => bytes[i] === b);
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(body), encoding: "gb18030" };
  }
}

function isZip(bytes: Uint8Array) {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

// Cells our CSV export protected against spreadsheet formula injection ("'=…") get their value back on import.
const PROTECTED = /^'[=+\-@\t\r]/;

function parseCsv(bytes: Uint8Array): Table {
  const { text, encoding } = decodeText(bytes);
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: false });
  } catch (e) {
    throw new UnreadableFileError((e as Error).message);
  }
  const unprotect = (c: string) => (PROTECTED.test(c) ? c.slice(1) : c);
  const [header = [], ...rest] = records;
  return {
    format: "csv",
    encoding,
    header,
    rows: rest.map((cells, i) => ({ row: i + 2, cells: cells.map(unprotect) })),
  };
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  // Excel stores dates as day numbers; read-excel-file hands date-formatted cells over as UTC midnight
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if (typeof value === "boolean") return value ? "true" : "false";
  return String(value);
}

async function parseXlsx(bytes: Uint8Array): Promise<Table> {
  let data: unknown[][];
  try {
    data = (await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 1)) as unknown[][];
  } catch (e) {
    throw new UnreadableFileError((e as Error).message);
  }
  const [header = [], ...rest] = data;
  return {
    format: "xlsx",
    encoding: null,
    header: header.map(cellText),
    rows: rest.map((cells, i) => ({ row: i + 2, cells: cells.map(cellText) })),
  };
}

/** Reads CSV or XLSX; the content decides (an XLSX file is a ZIP archive), not the file name. */
export async function readTable(bytes: Uint8Array): Promise<Table> {
  const table = isZip(bytes) ? await parseXlsx(bytes) : parseCsv(bytes);
  // Spreadsheets keep trailing blank rows and columns around; they are no data.
  const rows = table.rows.filter((r) => r.cells.some((c) => c.trim() !== ""));
  return { ...table, header: table.header.map((h) => h.trim()), rows };
}

/** A value as exported: CSV joins lists with ";" and writes booleans as 是/否; JSON keeps the type. */
export type CellValue = string | number | boolean | null | readonly (string | number)[];

function csvCell(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "是" : "否";
  if (Array.isArray(value)) return value.join(";");
  const s = String(value);
  // A leading = + - @ would make Excel run the cell as a formula; the apostrophe is dropped again on import.
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function quote(s: string): string {
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV with CRLF line ends and a UTF-8 BOM, so Excel on Chinese Windows opens it as UTF-8. */
export function toCsv(columns: readonly string[], records: readonly Record<string, CellValue>[]): string {
  const lines = [columns.map(quote).join(",")];
  for (const r of records) lines.push(columns.map((c) => quote(csvCell(r[c] ?? null))).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export function toJson(records: readonly Record<string, CellValue>[]): string {
  return `${JSON.stringify(records, null, 2)}\n`;
}
