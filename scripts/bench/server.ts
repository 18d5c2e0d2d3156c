import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { BenchEnv } from "./env";

// The compiled server (build/start/start.js), as tests/support/app.ts starts it, on a free port of 127.0.0.1.

const root = path.resolve(import.meta.dirname, "..", "..");

export interface BenchServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** The production server on a free port, or on `options.port` behind nginx (scripts/bench/deployed.ts). */
export async function startServer(env: BenchEnv, options: { port?: number; behindProxy?: boolean } = {}): Promise<BenchServer> {
  const dataDir = fs.mkdtempSync(path.join(env.tmp, "app-"));
  let output = "";
  const child: ChildProcess = spawn(process.execPath, [path.join(root, "build", "start", "start.js")], {
    cwd: root,
    env: {
      // handed on, not read: the app under test validates it in its own config(); the values below override it
      ...process.env,
      NODE_ENV: "production",
      // production requires it; the bench never follows absolute links, so any origin will do
      PUBLIC_ORIGIN: "https://catalogue.bench.invalid",
      SESSION_SECRET: crypto.randomBytes(32).toString("hex"),
      DATABASE_URL: env.databaseUrl,
      MEILI_URL: env.meiliUrl,
      MEILI_MASTER_KEY: env.meiliKey,
      MEILI_INDEX_PREFIX: env.indexPrefix,
      DATA_DIR: dataDir,
      HOST: "127.0.0.1",
      PORT: String(options.port ?? 0),
      TRUST_PROXY: options.behindProxy ? "1" : "0",
      // the one-process figures; the deployed shape (two processes behind nginx) has its own rows
      WEB_CONCURRENCY: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
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
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 12_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}

/** Peak resident set size (VmHWM) of a process in MiB, or null when it is gone. */
export function peakRssMiB(pid: number): number | null {
  try {
    const m = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/VmHWM:\s+(\d+) kB/);
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}
