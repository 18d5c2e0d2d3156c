import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { exitCode, importFile } from "../app/catalogue-io/import";
import { isImportKind, IMPORT_KINDS } from "../app/catalogue-io/kind";
import { kindIo } from "../app/catalogue-io/kinds";
import { progressPrinter } from "../app/catalogue-io/progress";
import { summaryLines } from "../app/catalogue-io/summary";
import { DEFAULT_LANG, isLang, translator } from "../app/i18n/i18n";
import { runCli } from "./lib/cli";

// npm run import -- <kind> <file> [--dry-run] [--skip-invalid] [--lang zh-CN|en]
// Exit codes: 0 loaded (or, with --skip-invalid, the valid rows loaded), 1 rejected or failed, 2 wrong usage.

const USAGE = `usage: npm run import -- <${IMPORT_KINDS.join("|")}> <file.csv|file.xlsx> [--dry-run] [--skip-invalid] [--lang zh-CN|en]`;

function usage(problem: string): never {
  console.error(`${problem}\n${USAGE}`);
  process.exit(2);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: { "dry-run": { type: "boolean" }, "skip-invalid": { type: "boolean" }, lang: { type: "string" } },
  });
}
try {
  args = parse();
} catch (e) {
  usage((e as Error).message);
}
const [kind, file, ...extra] = args.positionals;
if (!kind || !file || extra.length > 0) usage("expected a kind and a file");
if (!isImportKind(kind)) usage(`unknown kind: ${kind}`);
const lang = args.values.lang ?? DEFAULT_LANG;
if (!isLang(lang)) usage(`unknown language: ${lang}`);

let bytes: Buffer;
try {
  bytes = fs.readFileSync(file);
} catch (e) {
  usage(`cannot read ${file}: ${(e as Error).message}`);
}

await runCli(async ({ db }) => {
  const summary = await importFile(db, kindIo(kind), bytes, {
    dryRun: args.values["dry-run"],
    skipInvalid: args.values["skip-invalid"],
    onProgress: progressPrinter(process.stdout, translator(lang)),
  });
  for (const line of summaryLines(summary, path.basename(file), lang)) console.log(line);
  return exitCode(summary);
});
