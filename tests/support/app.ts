import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";

export interface TestApp {
  url: string;
  /** the app's DATA_DIR (images, generated secrets) */
  dataDir: string;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, "..", "..");

/**
 * Runs the compiled server (build/start/start.js, from scripts/start.ts) against a test database and the run's Meilisearch, on a free port.
 * The app is built once by `npm test` before vitest starts.
 */
export async function startTestApp(options: { databaseUrl: string; indexPrefix: string; env?: Record<string, string> }): Promise<TestApp> {
  const dataDir = options.env?.DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), "haidong-app-"));
  let output = "";
  const child = spawn(process.execPath, [path.join(root, "build", "start", "start.js")], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "test",
      DATABASE_URL: options.databaseUrl,
      MEILI_URL: inject("meiliUrl"),
      MEILI_MASTER_KEY: inject("meiliKey"),
      MEILI_INDEX_PREFIX: options.indexPrefix,
      DATA_DIR: dataDir,
      HOST: "127.0.0.1",
      PORT: "0",
      // one process unless a test asks for a cluster (production defaults to one per core)
      WEB_CONCURRENCY: "1",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/catalogue ready at (http:\/\/[\d.:]+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`app exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    dataDir,
    process: child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      if (!options.env?.DATA_DIR) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls until the outbox worker has indexed what the test database announced. */
export async function waitForIndexed(check: () => Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("search index did not catch up in time");
}
