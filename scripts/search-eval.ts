import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { drainOutbox } from "../app/search/sync.server";
import { openBenchEnv, type BenchEnv } from "./bench/env";
import { belowFloor, FLOORS } from "./search-eval/floor";
import { judgedSet } from "./search-eval/judged-set";
import { formatReport } from "./search-eval/report";
import { runJudgedSet, type Engine, type EvalResult } from "./search-eval/run";

// npm run search:eval [-- --fallback] [--check] [--json FILE] [--q TEXT]
// Seeds a private database with the reference data and the sample catalogue (what `npm start` serves), indexes it in
// a private Meilisearch through the outbox, runs the judged set (scripts/search-eval/judged-set.ts) and prints
// success@1, success@3, nDCG@10, zero-result and false-hit rates, overall and per class, and every query that missed.
// --fallback also runs it against the PostgreSQL fallback; --check fails below the floors in search-eval/floor.ts.

const { values } = parseArgs({
  options: { fallback: { type: "boolean" }, check: { type: "boolean" }, json: { type: "string" }, q: { type: "string", multiple: true } },
});
const log = (m: string) => console.error(`[search:eval] ${m}`);
const queries = values.q ? judgedSet.filter((j) => values.q!.includes(j.q)) : judgedSet;
if (queries.length === 0) {
  console.error("no judged query matches --q");
  process.exit(2);
}

// the sample catalogue's pictures go to a private folder, never to the operator's DATA_DIR
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "haidong-search-eval-"));
process.env.DATA_DIR = dataDir;
delete process.env.S3_BUCKET;

let env: BenchEnv | undefined;
let failed = false;
try {
  env = await openBenchEnv(log, { sample: true });
  await drainOutbox(env.db, env.search);
  const engines: Engine[] = values.fallback ? ["meilisearch", "fallback"] : ["meilisearch"];
  const results: EvalResult[] = [];
  for (const engine of engines) {
    const result = await runJudgedSet(env.db, env.search, engine, queries);
    results.push(result);
    console.log(formatReport(result), "\n");
    const short = values.check && !values.q ? belowFloor(result.overall, FLOORS[engine]) : [];
    for (const s of short) console.error(`[search:eval] ${engine}: ${s}`);
    if (short.length > 0) failed = true;
  }
  if (values.json) fs.writeFileSync(values.json, JSON.stringify(results, null, 2));
} catch (e) {
  console.error(e);
  failed = true;
} finally {
  await env?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
