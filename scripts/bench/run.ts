import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openBenchEnv, type BenchEnv } from "./env";
import { scaleOf } from "./dataset";
import { benchFallback } from "./fallback";
import { benchImage } from "./image";
import { benchJs } from "./js";
import { loadCatalogue } from "./load";
import { machineInfo } from "./machine";
import { benchReindex } from "./reindex";
import { benchSearch } from "./search";
import { peakRssMiB, startServer, type BenchServer } from "./server";
import { benchSsr } from "./ssr";
import { benchDeployed } from "./deployed";
import { formatTable, makeRow, resultsSchema, type BenchRow } from "./stats";
import { benchSync } from "./sync";

// npm run bench [-- --quick | --scale N | --only image | --only fallback]: see docs/performance.md.

const root = path.resolve(import.meta.dirname, "..", "..");
const { values } = parseArgs({ options: { quick: { type: "boolean" }, scale: { type: "string" }, only: { type: "string" } } });
const quick = values.quick ?? false;
const factor = values.scale ? Number(values.scale) : quick ? 0.1 : 1;
if (!(factor > 0) || (values.only !== undefined && values.only !== "image" && values.only !== "fallback")) {
  console.error("usage: npm run bench [-- --quick | --scale N | --only image | --only fallback]");
  process.exit(2);
}
const scale = scaleOf(factor);
const log = (m: string) => console.log(`[bench] ${m}`);
const rows: BenchRow[] = [];
const notes: Record<string, string> = {};
let env: BenchEnv | undefined;
let server: BenchServer | undefined;

// One cleanup however often it is asked for: a second Ctrl-C (npm and tsx both pass SIGINT on) must wait for the
// first rather than exit while the embedded servers are still stopping, which left them running.
let cleaning: Promise<void> | undefined;
function cleanup() {
  cleaning ??= (async () => {
    await server?.stop();
    server = undefined;
    await env?.close();
    env = undefined;
  })();
  return cleaning;
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void cleanup().finally(() => process.exit(130)));
}
// Bounded: whatever happens, everything we started is stopped.
const watchdog = setTimeout(
  () => {
    log("time limit reached, stopping");
    void cleanup().finally(() => process.exit(1));
  },
  (quick ? 10 : 30 + 60 * factor) * 60_000,
);
watchdog.unref();

async function step(name: string, run: () => Promise<BenchRow[]>) {
  const t0 = performance.now();
  try {
    const got = await run();
    rows.push(...got);
    log(`${name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } catch (e) {
    notes[name] = `not measured: ${(e as Error).message.slice(0, 300)}`;
    log(`${name} FAILED: ${(e as Error).stack ?? e}`);
  }
}

// --only image: the image row needs neither a database, Meilisearch nor a build, so it runs on its own in seconds
if (values.only === "image") {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "haidong-bench-image-"));
  try {
    await step("image", () => benchImage(tmp, quick));
    console.log(`\n${formatTable(rows)}\n`);
    for (const [k, v] of Object.entries(notes)) console.log(`${k}: ${v}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  process.exit(notes.image ? 1 : 0);
}

// --only fallback: the catalogue loaded (import path, indexed in Meilisearch) and the fallback rows, without the app
// server, so the degraded mode can be measured at --scale 10 without the hour the other steps take there
if (values.only === "fallback") {
  try {
    log(`scale ${factor}: ${scale.organizations} organisations, ${scale.trademarks} trademarks, ${scale.products} products`);
    env = await openBenchEnv(log);
    const e = env;
    await step("import", () => loadCatalogue(e, scale, log, notes));
    await step("fallback", () => benchFallback(e, quick, factor, log));
    const machine = await machineInfo(e);
    console.log(`\n${formatTable(rows)}\n`);
    for (const [k, v] of Object.entries(notes)) console.log(`${k}: ${v}`);
    console.log(`\nmachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, Meilisearch ${machine.meilisearch}`);
  } catch (e) {
    console.error(`[bench] ${(e as Error).stack ?? e}`);
    process.exitCode = 1;
  } finally {
    await cleanup();
  }
  process.exit(process.exitCode ?? (notes.fallback ? 1 : 0));
}

try {
  if (!fs.existsSync(path.join(root, "build", "server", "index.js")) || !fs.existsSync(path.join(root, "build", "start", "start.js"))) {
    log("no build/: building the app");
    if (spawnSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: "inherit" }).status !== 0) throw new Error("build failed");
  }
  log(`scale ${factor}: ${scale.organizations} organisations, ${scale.trademarks} trademarks, ${scale.products} products`);
  env = await openBenchEnv(log);
  const e = env;
  await step("import", () => loadCatalogue(e, scale, log, notes));
  await step("image", () => benchImage(e.tmp, quick));
  server = await startServer(e);
  const s = server;
  log(`server at ${s.url}`);
  await step("search", () => benchSearch(e, s.url, quick, log));
  await step("fallback", () => benchFallback(e, quick, factor, log));
  const product = await e.db.selectFrom("products").select("id").orderBy("id").limit(1).executeTakeFirst();
  await step("js", () => benchJs(s.url, product?.id ?? null));
  await step("sync", () => benchSync(e, quick));
  await step("ssr", () => benchSsr(s.url, quick));
  await step("reindex", () => benchReindex(e));
  // the deployed shape last: it stops the one-process server first (its peak RSS is read before)
  const serverRss = peakRssMiB(s.pid);
  await s.stop();
  await step("deployed", () => benchDeployed(e, quick, log));
  const rss = (pid: number | null) => (pid === null ? null : peakRssMiB(pid));
  for (const [name, v] of [
    ["rss.server", serverRss],
    ["rss.meilisearch", rss(e.meiliPid)],
    ["rss.postgres-postmaster", rss(e.postgresPid)],
  ] as const) {
    if (v !== null) rows.push(makeRow(name, v, "MiB", null, { kind: "reported" }));
  }
  const machine = { ...(await machineInfo(e)), scale: { factor, ...scale }, quick, at: new Date().toISOString(), notes };
  resultsSchema.parse(rows);
  fs.writeFileSync(path.join(root, "bench-results.json"), JSON.stringify(rows, null, 2) + "\n");
  fs.writeFileSync(path.join(root, "bench-machine.json"), JSON.stringify(machine, null, 2) + "\n");
  console.log(`\n${formatTable(rows)}\n`);
  for (const [k, v] of Object.entries(notes)) console.log(`${k}: ${v}`);
  console.log(`\nmachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, Meilisearch ${machine.meilisearch}`);
  console.log("wrote bench-results.json and bench-machine.json");
} catch (e) {
  console.error(`[bench] ${(e as Error).stack ?? e}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
process.exit(process.exitCode ?? 0);
