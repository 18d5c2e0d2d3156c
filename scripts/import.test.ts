import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../tests/support/db";

// The commands as an operator runs them: a real process against a test database and the run's Meilisearch.

const root = path.resolve(import.meta.dirname, "..");
const fixtures = path.join(root, "tests", "fixtures", "import");

let t: TestDatabase;
let dataDir: string;
beforeAll(async () => {
  t = await createTestDatabase();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "haidong-import-"));
});
afterAll(async () => {
  await t.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function run(script: "import" | "export", args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", `${script}.ts`), ...args], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "test",
      DATABASE_URL: t.url,
      MEILI_URL: inject("meiliUrl"),
      MEILI_MASTER_KEY: inject("meiliKey"),
      DATA_DIR: dataDir,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

describe("npm run import / export", () => {
  it("imports a file, reports the counts and exits 0", async () => {
    const r = await run("import", ["trademarks", path.join(fixtures, "trademarks.csv"), "--lang", "en"]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("trademarks: 6 data rows, 0 with errors\n6 inserted, 0 updated, 0 unchanged\n");
    expect(r.code).toBe(0);
    const n = await t.db.selectFrom("trademarks").select("id").where("reg_no", "=", "30123456").execute();
    expect(n).toHaveLength(1);
  });

  it("rejects a file with errors in Chinese by default and exits 1", async () => {
    const file = path.join(dataDir, "坏的.csv");
    fs.writeFileSync(file, "reg_no,name_zh,county\n99999999,新商标,西宁\n");
    const r = await run("import", ["trademarks", file]);
    expect(r.stdout).toContain("坏的.csv 第 2 行,county 列:不是海东市的区县:西宁\n");
    expect(r.stdout).toContain("因有错误,没有写入任何数据");
    expect(r.code).toBe(1);
    expect(await t.db.selectFrom("trademarks").select("id").where("reg_no", "=", "99999999").execute()).toEqual([]);
  });

  it("exports CSV to stdout with nothing else in it", async () => {
    const r = await run("export", ["trademarks", "--format", "csv"]);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith("\uFEFFreg_no,name_zh,name_en,mark_type,")).toBe(true);
    expect(r.stdout).toContain("\r\n30123456,青稞源,");
    expect(r.stdout).not.toContain("[haidong]");
  });

  it("exits 2 on wrong usage", async () => {
    const r = await run("import", ["brands", "x.csv"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown kind: brands");
  });
});
