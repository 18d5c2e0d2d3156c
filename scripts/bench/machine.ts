import { execFileSync } from "node:child_process";
import os from "node:os";
import type { BenchEnv } from "./env";

// What the numbers were measured on (written to bench-machine.json next to bench-results.json).

export async function machineInfo(env: BenchEnv) {
  const pg = await env.db.selectNoFrom((eb) => eb.fn<string>("version", []).as("v")).executeTakeFirst();
  const meili = (await env.search.client.getVersion()).pkgVersion;
  let psql: string | null = null;
  try {
    psql = execFileSync("psql", ["--version"], { encoding: "utf8" }).trim();
  } catch {
    psql = null;
  }
  return {
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: pg?.v ?? "unknown",
    meilisearch: meili,
    psql,
  };
}
