import fs from "node:fs";
import path from "node:path";
import type { Db } from "../../db/client";
import { importFile, type ImportOptions, type ImportSummary } from "./import";
import type { ImportKind } from "./kind";
import { kindIo } from "./kinds";
import { summaryLines } from "./summary";

// Shared by the catalogue-io tests: fixtures live in tests/fixtures/import/.

export const FIXTURES = path.resolve(import.meta.dirname, "..", "..", "tests", "fixtures", "import");

export function fixture(name: string): Buffer {
  return fs.readFileSync(path.join(FIXTURES, name));
}

export function csv(lines: string[]): Buffer {
  return Buffer.from(`${lines.join("\n")}\n`, "utf-8");
}

export async function importBytes(db: Db, kind: ImportKind, bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportSummary> {
  return importFile(db, kindIo(kind), bytes, options);
}

/** The summary as the operator reads it (English, so assertions read naturally). */
export function linesOf(summary: ImportSummary, file = "f.csv"): string[] {
  return summaryLines(summary, file, "en");
}
