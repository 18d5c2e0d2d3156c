import { z } from "zod";
import { boothKey } from "../../db/queries/event-exhibitors";
import { optionalCreditCode, optionalText, requiredText } from "../catalogue-io/cells";
import type { Problem } from "../catalogue-io/kind";
import type { Table } from "../catalogue-io/tabular";
import { msg } from "../domain/message";
import { MAX_IMPORT_ROWS, type PlanAction, type PlanItem } from "./exhibitor-import-shared";

// A fair's exhibitors from a spreadsheet (issue 19): the file's header and rows checked with the catalogue import's
// cell rules, then planned against the catalogue and the event's exhibitors. Pure: the lookups come in, the plan and
// every problem (row and column as the file names them) go out; nothing is written here (exhibitor-import.server.ts).

export { MAX_IMPORT_ROWS, planCounts, type PlanAction, type PlanItem } from "./exhibitor-import-shared";

export const IMPORT_COLUMNS = ["hall", "booth", "credit_code", "name"] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Headers accepted for each column, compared case-insensitively: the English names and what Chinese sheets use. */
export const HEADER_ALIASES: Record<ImportColumn, readonly string[]> = {
  hall: ["hall", "展馆", "馆", "展厅", "馆号"],
  booth: ["booth", "展位", "展位号"],
  credit_code: ["credit_code", "统一社会信用代码", "信用代码", "社会信用代码"],
  name: ["name", "name_zh", "名称", "单位名称", "企业名称", "参展单位"],
};

/** The template's headers: Chinese for a Chinese reader, the English names otherwise; both are read back. */
export const TEMPLATE_HEADERS = { "zh-CN": ["展馆", "展位", "统一社会信用代码", "单位名称"], en: [...IMPORT_COLUMNS] } as const;

export interface ImportRow {
  row: number;
  hall: string | null;
  booth: string;
  creditCode: string | null;
  name: string | null;
}

export interface ParsedFile {
  rows: ImportRow[];
  problems: Problem[];
  /** each column as the file's header names it, for problems the plan finds later */
  label: (c: ImportColumn) => string;
}

const rowSchema = z.object({
  hall: optionalText(20),
  booth: requiredText(20),
  credit_code: optionalCreditCode,
  name: optionalText(200),
});

function columnOf(header: string): ImportColumn | undefined {
  const h = header.trim().toLowerCase();
  return IMPORT_COLUMNS.find((c) => HEADER_ALIASES[c].includes(h));
}

/** Checks one row's cells (by column); `label` names a column as the file's header does. */
export function checkRow(row: number, cells: Partial<Record<ImportColumn, string>>, label: (c: ImportColumn) => string): ImportRow | Problem[] {
  const parsed = rowSchema.safeParse({ hall: cells.hall ?? "", booth: cells.booth ?? "", credit_code: cells.credit_code ?? "", name: cells.name ?? "" });
  if (!parsed.success) {
    const seen = new Set<string>();
    return parsed.error.issues.flatMap((issue) => {
      const column = String(issue.path[0]) as ImportColumn;
      if (seen.has(column)) return [];
      seen.add(column);
      return [{ row, column: label(column), message: issue.message }];
    });
  }
  const { hall, booth, credit_code, name } = parsed.data;
  if (!credit_code && !name)
    return [{ row, column: label(cells.credit_code === undefined ? "name" : "credit_code"), message: msg("exhibitorImport.needCodeOrName") }];
  return { row, hall: hall ?? null, booth, creditCode: credit_code ?? null, name: name ?? null };
}

/** The file's header mapped to columns, and each data row checked; header problems stop before the rows. */
export function parseExhibitorTable(table: Table): ParsedFile {
  const problems: Problem[] = [];
  const indexes = new Map<ImportColumn, number>();
  const labels = new Map<ImportColumn, string>();
  const unknown: string[] = [];
  table.header.forEach((raw, i) => {
    if (raw === "" && table.rows.every((r) => (r.cells[i] ?? "").trim() === "")) return;
    const column = columnOf(raw);
    if (!column) unknown.push(raw === "" ? `#${i + 1}` : raw);
    else if (indexes.has(column)) problems.push({ row: null, column: null, message: msg("import.repeatedColumns", { columns: raw }) });
    else {
      indexes.set(column, i);
      labels.set(column, raw);
    }
  });
  const allowed = Object.values(HEADER_ALIASES)
    .map((a) => a.slice(0, 2).join("/"))
    .join(", ");
  if (table.header.every((h) => h === "")) problems.push({ row: null, column: null, message: msg("import.noHeader") });
  else if (!indexes.has("booth")) problems.push({ row: null, column: null, message: msg("import.missingColumns", { columns: "booth/展位" }) });
  else if (!indexes.has("credit_code") && !indexes.has("name"))
    problems.push({ row: null, column: null, message: msg("import.missingColumns", { columns: "credit_code/统一社会信用代码, name/单位名称" }) });
  if (unknown.length > 0) problems.push({ row: null, column: null, message: msg("import.unknownColumns", { columns: unknown.join(", "), allowed }) });
  if (table.rows.length > MAX_IMPORT_ROWS)
    problems.push({ row: null, column: null, message: msg("exhibitorImport.tooManyRows", { rows: table.rows.length, max: MAX_IMPORT_ROWS }) });
  const label = (c: ImportColumn) => labels.get(c) ?? c;
  if (problems.length > 0) return { rows: [], problems, label };

  const rows: ImportRow[] = [];
  for (const { row, cells } of table.rows) {
    if (cells.slice(table.header.length).some((c) => c.trim() !== "")) {
      problems.push({ row, column: null, message: msg("import.extraCells") });
      continue;
    }
    const byColumn: Partial<Record<ImportColumn, string>> = {};
    for (const [column, i] of indexes) byColumn[column] = (cells[i] ?? "").trim();
    const checked = checkRow(row, byColumn, label);
    if (Array.isArray(checked)) problems.push(...checked);
    else rows.push(checked);
  }
  return { rows, problems, label };
}

export interface KnownOrganization {
  id: number;
  name_zh: string;
  credit_code: string | null;
  status: string;
  credit_status: string;
}

export interface KnownExhibitor {
  organization_id: number;
  hall: string | null;
  booth: string;
  withdrawn: boolean;
  name_zh: string;
}

export interface Plan {
  items: PlanItem[];
  problems: Problem[];
}

/** Organisations an import may make exhibitors: published or waiting for review (an earlier import's draft), in good standing. */
function eligible(o: KnownOrganization) {
  return (o.status === "published" || o.status === "submitted") && o.credit_status === "normal";
}

type Resolved = { org: KnownOrganization } | { draft: true } | { problem: Problem };

function resolve(r: ImportRow, orgs: readonly KnownOrganization[], label: (c: ImportColumn) => string): Resolved {
  const named = r.name ? orgs.filter((o) => o.name_zh === r.name) : [];
  if (r.creditCode) {
    const byCode = orgs.find((o) => o.credit_code === r.creditCode);
    if (byCode) return { org: byCode };
    const withoutCode = named.filter((o) => o.credit_code === null);
    if (withoutCode.length === 1) return { org: withoutCode[0]! };
    const other = named.find((o) => o.credit_code !== null);
    if (other)
      return {
        problem: { row: r.row, column: label("name"), message: msg("exhibitorImport.nameHasOtherCode", { name: other.name_zh, code: other.credit_code! }) },
      };
    if (r.name) return { draft: true };
    return { problem: { row: r.row, column: label("credit_code"), message: msg("exhibitorImport.unknownCode", { code: r.creditCode }) } };
  }
  if (named.length > 1) return { problem: { row: r.row, column: label("name"), message: msg("import.ambiguousReference", { value: r.name! }) } };
  if (named.length === 1) return { org: named[0]! };
  return { draft: true };
}

/** What applying the rows would do, or why it cannot: every row is checked, so the preview lists every problem at once. */
export function planImport(
  rows: readonly ImportRow[],
  orgs: readonly KnownOrganization[],
  exhibitors: readonly KnownExhibitor[],
  label: (c: ImportColumn) => string = (c) => c,
): Plan {
  const items: PlanItem[] = [];
  const problems: Problem[] = [];
  const firstOfCompany = new Map<string, number>();
  const firstOfBooth = new Map<string, number>();
  for (const r of rows) {
    const resolved = resolve(r, orgs, label);
    if ("problem" in resolved) {
      problems.push(resolved.problem);
      continue;
    }
    const org = "org" in resolved ? resolved.org : null;
    const column = label(r.creditCode ? "credit_code" : "name");
    if (org && !eligible(org)) {
      problems.push({ row: r.row, column, message: msg("exhibitorImport.notEligible", { name: org.name_zh }) });
      continue;
    }
    const company = org ? `org:${org.id}` : `new:${r.creditCode ?? r.name}`;
    const sameCompany = firstOfCompany.get(company);
    if (sameCompany !== undefined) {
      problems.push({ row: r.row, column, message: msg("exhibitorImport.sameCompany", { row: sameCompany }) });
      continue;
    }
    firstOfCompany.set(company, r.row);
    const booth = boothKey(r.hall, r.booth);
    const sameBooth = firstOfBooth.get(booth);
    if (sameBooth !== undefined) {
      problems.push({ row: r.row, column: label("booth"), message: msg("exhibitorImport.sameBooth", { row: sameBooth }) });
      continue;
    }
    firstOfBooth.set(booth, r.row);
    const existing = org ? exhibitors.find((x) => x.organization_id === org.id) : undefined;
    const from = existing ? { hall: existing.hall, booth: existing.booth } : null;
    const action: PlanAction = !org
      ? "draft"
      : !existing
        ? "add"
        : existing.withdrawn
          ? "restore"
          : boothKey(existing.hall, existing.booth) === booth
            ? "unchanged"
            : "move";
    items.push({
      row: r.row,
      action,
      organizationId: org?.id ?? null,
      name: org?.name_zh ?? r.name!,
      creditCode: org ? org.credit_code : r.creditCode,
      hall: r.hall,
      booth: r.booth,
      from,
    });
  }
  // a booth taken by an exhibitor the file leaves where it is would put two stands at one number
  const inFile = new Set(items.map((i) => i.organizationId).filter((id) => id !== null));
  for (const item of items) {
    const holder = exhibitors.find(
      (x) =>
        !x.withdrawn &&
        !inFile.has(x.organization_id) &&
        x.organization_id !== item.organizationId &&
        boothKey(x.hall, x.booth) === boothKey(item.hall, item.booth),
    );
    if (holder) problems.push({ row: item.row, column: label("booth"), message: msg("events.boothTaken", { name: holder.name_zh }) });
  }
  return { items, problems: problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) };
}
