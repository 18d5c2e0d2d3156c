import fs from "node:fs";
import { parseArgs } from "node:util";
import { exportKind } from "../app/catalogue-io/export";
import { isImportKind, IMPORT_KINDS } from "../app/catalogue-io/kind";
import { kindIo } from "../app/catalogue-io/kinds";
import { log, runCli } from "./lib/cli";

// npm run export -- <kind> --format csv|json [--out FILE]; without --out the data goes to stdout.

const USAGE = `usage: npm run export -- <${IMPORT_KINDS.join("|")}> --format csv|json [--out FILE]`;

function usage(problem: string): never {
  console.error(`${problem}\n${USAGE}`);
  process.exit(2);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({ allowPositionals: true, options: { format: { type: "string" }, out: { type: "string" } } });
}
try {
  args = parse();
} catch (e) {
  usage((e as Error).message);
}
const [kind, ...extra] = args.positionals;
if (!kind || extra.length > 0) usage("expected one kind");
if (!isImportKind(kind)) usage(`unknown kind: ${kind}`);
const format = args.values.format ?? "csv";
if (format !== "csv" && format !== "json") usage(`unknown format: ${format}`);
const out = args.values.out;

// The data owns stdout when there is no --out: status lines (ours and the embedded servers') go to stderr instead.
if (!out) console.log = (...parts: unknown[]) => console.error(...parts);

await runCli(async ({ db }) => {
  const { text, rows } = await exportKind(db, kindIo(kind), format);
  if (out) {
    fs.writeFileSync(out, text);
    log(`exported ${rows} ${kind} row(s) to ${out}`);
  } else {
    // runCli exits the process when the task returns: wait until a pipe has taken all of it
    await new Promise<void>((resolve, reject) => process.stdout.write(text, (e) => (e ? reject(e) : resolve())));
  }
});
