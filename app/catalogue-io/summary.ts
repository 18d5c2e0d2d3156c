import { translateMessage, translator, type Lang } from "../i18n/i18n";
import type { ImportSummary } from "./import";
import type { Problem } from "./kind";

// The import summary in the operator's language: every problem in plain words ("trademarks.csv row 5, column county:
// …"), then what was or would be written.

export function problemLine(t: ReturnType<typeof translator>, file: string, p: Problem): string {
  const message = translateMessage(t, p.message);
  if (p.row === null) return t(p.message.startsWith("import.unreadable") ? "import.fileProblem" : "import.headerProblem", { file, message });
  if (p.column === null) return t("import.rowProblem", { file, row: p.row, message });
  return t("import.problem", { file, row: p.row, column: p.column, message });
}

export function summaryLines(summary: ImportSummary, file: string, lang: Lang): string[] {
  const t = translator(lang);
  const lines = summary.problems.map((p) => problemLine(t, file, p));
  lines.push(t("import.summary", { kind: summary.kind, rows: summary.rows, invalid: summary.invalidRows.length }));
  if (summary.counts) {
    lines.push(t("import.counts", { ...summary.counts }));
    if (summary.invalidRows.length > 0) lines.push(t("import.skipped", { invalid: summary.invalidRows.length }));
    if (summary.dryRun) lines.push(t("import.dryRun"));
  } else {
    lines.push(summary.dryRun ? t("import.dryRun") : t("import.rejected"));
    if (summary.invalidRows.length > 0 && !summary.skipInvalid) lines.push(t("import.skipHint"));
  }
  return lines;
}
