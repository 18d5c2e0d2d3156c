import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

// Issue 3: the import works on the embedded PostgreSQL server as well as on an external one. With no DATABASE_URL the
// commands start the embedded server under $DATA_DIR for their own duration (scripts/lib/cli.ts) — the path a
// `npm start` installation without a database server takes. Meilisearch is the run's, so only PostgreSQL is embedded.

const root = path.resolve(import.meta.dirname, "..");
const fixtures = path.join(root, "tests", "fixtures", "import");
let dataDir: string;

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "haidong-embedded-import-"));
  // when the tests run as root, PostgreSQL runs as the postgres user, which must be able to enter the data folder
  fs.chmodSync(dataDir, 0o755);
});
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function run(script: "db-seed" | "import" | "export", args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "test",
    MEILI_URL: inject("meiliUrl"),
    MEILI_MASTER_KEY: inject("meiliKey"),
    MEILI_INDEX_PREFIX: `emb${process.pid}_`,
    DATA_DIR: dataDir,
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", `${script}.ts`), ...args], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

describe("import on the embedded PostgreSQL server", () => {
  it("seeds, imports, imports again as a no-op and exports, each command starting and stopping its own server", { timeout: 300_000 }, async () => {
    const seeded = await run("db-seed", ["--reference-only"]);
    expect(seeded.code, seeded.stdout + seeded.stderr).toBe(0);
    expect(seeded.stdout).toContain("starting embedded PostgreSQL");
    expect(fs.existsSync(path.join(dataDir, "postgres"))).toBe(true);

    const first = await run("import", ["trademarks", path.join(fixtures, "trademarks.csv"), "--lang", "en"]);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toContain("6 inserted, 0 updated, 0 unchanged");

    const again = await run("import", ["trademarks", path.join(fixtures, "trademarks.csv"), "--lang", "en"]);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.stdout).toContain("0 inserted, 0 updated, 6 unchanged");

    const exported = await run("export", ["trademarks", "--format", "csv", "--out", path.join(dataDir, "out.csv")]);
    expect(exported.code, exported.stdout + exported.stderr).toBe(0);
    const csv = fs.readFileSync(path.join(dataDir, "out.csv"), "utf8");
    expect(csv).toContain("\r\n30123456,青稞源,");
    expect(csv).toContain("\r\n19876543,撒拉人家,");
  });
});
