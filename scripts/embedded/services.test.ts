import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { afterAll, expect, it } from "vitest";
import { loadConfig } from "../../app/platform/config.server";
import { openServices } from "./services";
import { isAlive } from "./process-utils";

// Issue 2's embedded default as the command-line scripts see it: while an app runs, a script reaches the app's own
// PostgreSQL and Meilisearch (it starts nothing and stops nothing); when the app crashed (SIGKILL: no clean-up ran), the
// next start finds the servers it left behind, stops them and starts fresh ones on the same data.

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
// world-traversable, so the `postgres` OS user (used when the tests run as root) can reach it
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "haidong-services-"));
fs.chmodSync(dataDir, 0o755);
const config = loadConfig({ DATA_DIR: dataDir });
let owner: ChildProcess | undefined;

afterAll(async () => {
  owner?.kill("SIGKILL");
  // whatever is still recorded (a failed assertion midway) is stopped through a clean open/close
  const left = await openServices(config).catch(() => undefined);
  await left?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

interface State {
  ownerPid: number;
  postgres: { url: string; pid: number };
  meili: { url: string; pid: number };
}
const state = () => JSON.parse(fs.readFileSync(path.join(dataDir, "run", "services.json"), "utf8")) as State;

/** Plays the running app: opens the embedded services in its own process and keeps them until it is killed. */
function startOwner(): Promise<{ databaseUrl: string; meiliUrl: string }> {
  const script = path.join(dataDir, "owner.mts");
  fs.writeFileSync(
    script,
    `import { loadConfig } from ${JSON.stringify(path.join(root, "app/platform/config.server.ts"))};
import { openServices } from ${JSON.stringify(path.join(here, "services.ts"))};
const s = await openServices(loadConfig({ DATA_DIR: ${JSON.stringify(dataDir)} }));
console.log(JSON.stringify({ databaseUrl: s.databaseUrl, meiliUrl: s.meiliUrl }));
setInterval(() => undefined, 1 << 30);
`,
  );
  // node itself runs the owner (no tsx wrapper process), so owner.pid is the process that records itself
  owner = spawn(process.execPath, ["--import", "tsx", script], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let out = "";
    owner!.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve(JSON.parse(line) as { databaseUrl: string; meiliUrl: string });
    });
    owner!.once("exit", (code) => reject(new Error(`owner exited early (code ${code})`)));
  });
}

async function answers(databaseUrl: string, meiliUrl: string) {
  const sql = postgres(databaseUrl, { max: 1, connect_timeout: 5 });
  try {
    const [row] = await sql<{ one: number }[]>`select 1 as one`;
    const health = await fetch(`${meiliUrl}/health`);
    return row?.one === 1 && health.ok;
  } finally {
    await sql.end();
  }
}

it("lets a script reach the running app's servers, starting and stopping nothing itself", async () => {
  const running = await startOwner();
  const recorded = state();
  expect(recorded.ownerPid).toBe(owner!.pid);
  expect(fs.statSync(path.join(dataDir, "run", "services.json")).mode & 0o777).toBe(0o600);
  expect(fs.statSync(path.join(dataDir, "postgres.password")).mode & 0o777).toBe(0o600);
  expect(fs.statSync(path.join(dataDir, "meili.key")).mode & 0o777).toBe(0o600);
  expect(new URL(running.databaseUrl).hostname).toBe("127.0.0.1");
  expect(new URL(running.meiliUrl).hostname).toBe("127.0.0.1");

  const script = await openServices(config);
  expect(script.embedded).toEqual({ postgres: false, meili: false });
  expect(script.databaseUrl).toBe(running.databaseUrl);
  expect(script.meiliUrl).toBe(running.meiliUrl);
  expect(await answers(script.databaseUrl, script.meiliUrl)).toBe(true);
  await script.close();
  // the script's exit leaves the app's servers running
  expect(isAlive(recorded.postgres.pid)).toBe(true);
  expect(isAlive(recorded.meili.pid)).toBe(true);
  expect(await answers(running.databaseUrl, running.meiliUrl)).toBe(true);
}, 120_000);

it("after the app crashed, the next start stops the servers it left behind and starts its own on the same data", async () => {
  const crashed = state();
  owner!.kill("SIGKILL");
  await new Promise((r) => owner!.once("exit", r));
  owner = undefined;
  // SIGKILL ran no clean-up: the servers outlive the app
  expect(isAlive(crashed.postgres.pid)).toBe(true);
  expect(isAlive(crashed.meili.pid)).toBe(true);
  const sql = postgres(crashed.postgres.url, { max: 1 });
  await sql`create table survives_crash (id int)`;
  await sql.end();

  const next = await openServices(config);
  try {
    expect(next.embedded).toEqual({ postgres: true, meili: true });
    expect(isAlive(crashed.postgres.pid)).toBe(false);
    expect(isAlive(crashed.meili.pid)).toBe(false);
    expect(state().ownerPid).toBe(process.pid);
    const again = postgres(next.databaseUrl, { max: 1 });
    expect((await again`select to_regclass('survives_crash') is not null as kept`)[0]!.kept).toBe(true);
    await again.end();
    expect(await answers(next.databaseUrl, next.meiliUrl)).toBe(true);
  } finally {
    const pids = state();
    await next.close();
    // a clean stop leaves nothing running and no record behind
    expect(isAlive(pids.postgres.pid)).toBe(false);
    expect(isAlive(pids.meili.pid)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, "run", "services.json"))).toBe(false);
  }
}, 120_000);
