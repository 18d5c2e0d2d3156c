import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { importFile, type ImportSummary } from "../../app/catalogue-io/import";
import { kindIo } from "../../app/catalogue-io/kinds";
import type { ImportKind } from "../../app/catalogue-io/kind";
import { drainOutbox } from "../../app/search/sync.server";
import type { BenchEnv } from "./env";
import { organizationsCsv, productsCsv, trademarkRegNo, trademarksCsv, type Scale } from "./dataset";
import { makeRow, type BenchRow } from "./stats";

// Loads the synthetic catalogue through the import CLI's code path (bulk upserts + outbox in one transaction, then the
// outbox drained into Meilisearch). The trademark load is the "import" measurement.

async function importKind(env: BenchEnv, kind: ImportKind, text: string): Promise<ImportSummary> {
  const summary = await importFile(env.db, kindIo(kind), Buffer.from(text, "utf8"));
  if (!summary.written)
    throw new Error(
      `${kind} import failed: ${summary.problems
        .slice(0, 3)
        .map((p) => `row ${p.row} ${p.column}: ${p.message}`)
        .join("; ")}`,
    );
  return summary;
}

async function waitSearchable(env: BenchEnv, q: string, timeoutMs = 120_000) {
  const index = env.search.client.index(env.search.indexName);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const res = await index.search(q, { limit: 1 });
    if (res.hits.length > 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`"${q}" never became searchable`);
}

function hasPsql() {
  return spawnSync("psql", ["--version"]).status === 0;
}

/** Baseline: COPY of the same CSV into a staging table, then one raw addDocuments of the same rows. */
async function importBaseline(env: BenchEnv, file: string, text: string): Promise<{ ms: number; how: string }> {
  const header = text.slice(0, text.indexOf("\n")).split(",");
  const sql = postgres(env.databaseUrl, { max: 1, onnotice: () => undefined });
  await sql.unsafe(`create table bench_staging (${header.map((h) => `"${h}" text`).join(", ")})`);
  const rows = text
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => Object.fromEntries(line.split(",").map((v, i) => [header[i]!, v])));
  const docs = rows.map((r) => ({ id: r.reg_no, ...r }));
  const scratch = `${env.indexPrefix}import_baseline`;
  const useP = hasPsql();
  const t0 = performance.now();
  if (useP) {
    execFileSync("psql", [env.databaseUrl, "-q", "-v", "ON_ERROR_STOP=1", "-c", `\\copy bench_staging from '${file}' csv header`]);
  } else {
    const writable = await sql`copy bench_staging from stdin with (format csv, header true)`.writable();
    await new Promise<void>((resolve, reject) => writable.end(text, () => resolve()).on("error", reject));
  }
  const task = await env.search.client.index(scratch).addDocuments(docs, { primaryKey: "id" }).waitTask({ timeout: 300_000 });
  const ms = performance.now() - t0;
  if (task.status !== "succeeded") throw new Error(`baseline addDocuments: ${task.error?.message}`);
  await sql.unsafe("drop table bench_staging");
  await sql.end();
  await env.search.client.deleteIndex(scratch).waitTask();
  return { ms, how: useP ? "psql \\copy" : "postgres.js COPY" };
}

export async function loadCatalogue(env: BenchEnv, scale: Scale, log: (m: string) => void, notes: Record<string, string>): Promise<BenchRow[]> {
  let t = performance.now();
  await importKind(env, "organizations", organizationsCsv(scale));
  await drainOutbox(env.db, env.search);
  log(`organisations: ${scale.organizations} loaded and indexed in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const text = trademarksCsv(scale);
  const file = path.join(env.tmp, "trademarks.csv");
  fs.writeFileSync(file, text);
  t = performance.now();
  await importKind(env, "trademarks", fs.readFileSync(file, "utf8"));
  await drainOutbox(env.db, env.search);
  await waitSearchable(env, trademarkRegNo(scale.trademarks - 1));
  const importMs = performance.now() - t;
  const base = await importBaseline(env, file, text);
  log(`trademarks: ${scale.trademarks} imported and searchable in ${(importMs / 1000).toFixed(1)} s (baseline ${base.how}: ${(base.ms / 1000).toFixed(1)} s)`);

  t = performance.now();
  await importKind(env, "products", productsCsv(scale));
  await drainOutbox(env.db, env.search);
  log(`products: ${scale.products} loaded and indexed in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  notes.import = `${scale.trademarks} trademark rows: importFile + drainOutbox until the last is searchable; baseline ${base.how} into a staging table + one raw addDocuments`;
  return [makeRow("import", importMs / 1000, "s", base.ms / 1000, { kind: "ratioAtMost", max: 3 })];
}
