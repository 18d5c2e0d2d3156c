import { translateMessage, translator, type Lang } from "../i18n/i18n";
import type { ImportReport } from "./import";
import type { Problem } from "./kind";

// Plain-language report lines in the operator's language: "trademarks.csv row 5, column county: …".

export function problemLine(t: ReturnType<typeof translator>, file: string, p: Problem): string {
  const message = translateMessage(t, p.message);
  if (p.row === null) return t(p.message.startsWith("import.unreadable") ? "import.fileProblem" : "import.headerProblem", { file, message });
  if (p.column === null) return t("import.rowProblem", { file, row: p.row, message });
  return t("import.problem", { file, row: p.row, column: p.column, message });
}

export function reportLines(report: ImportReport, file: string, lang: Lang): string[] {
  const t = translator(lang);
  const lines = report.problems.map((p) => problemLine(t, file, p));
  lines.push(t("import.summary", { kind: report.kind, rows: report.rows, invalid: report.invalidRows.length }));
  if (report.counts) {
    lines.push(t("import.counts", { ...report.counts }));
    if (report.invalidRows.length > 0) lines.push(t("import.skipped", { invalid: report.invalidRows.length }));
    if (report.dryRun) lines.push(t("import.dryRun"));
  } else {
    lines.push(report.dryRun ? t("import.dryRun") : t("import.rejected"));
    if (report.invalidRows.length > 0 && !report.skipInvalid) lines.push(t("import.skipHint"));
  }
  return lines;
}
