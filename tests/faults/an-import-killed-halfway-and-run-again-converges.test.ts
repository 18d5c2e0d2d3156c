import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import type { Db } from "../../db/client";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { pollUntil } from "../support/poll";

// Fault: `npm run import` is killed with SIGKILL while it writes a large file (no chance to clean up), then run again.
// The database must end up exactly as after one clean run: nothing doubled, nothing half-written, no stray outbox rows.

const root = path.resolve(import.meta.dirname, "..", "..");
const ROWS = 30_000;

let clean: TestDatabase;
let killed: TestDatabase;
let dir: string;
let file: string;

beforeAll(async () => {
  [clean, killed] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "haidong-import-kill-"));
  file = path.join(dir, "trademarks.csv");
  const counties = ["乐都区", "平安区", "民和", "互助", "化隆", "循化"];
  const lines = [
    "reg_no,name_zh,name_en,mark_type,nice_classes,goods,holder_name,holder_credit_code,county,application_date,registration_date,status,well_known",
  ];
  for (let i = 0; i < ROWS; i++) {
    lines.push(
      [
        `7${String(i).padStart(7, "0")}`,
        `断电商标${i}`,
        `Mark ${i}`,
        i % 7 === 0 ? "集体商标" : "普通商标",
        `${1 + (i % 45)};${1 + ((i + 7) % 45)}`,
        `货物${i}`,
        `持有人${i % 300}`,
        "",
        counties[i % counties.length],
        "2019-01-02",
        "2020-03-04",
        "已注册",
        i % 50 === 0 ? "是" : "否",
      ].join(","),
    );
  }
  fs.writeFileSync(file, lines.join("\n") + "\n");
}, 120_000);

afterAll(async () => {
  await clean?.drop();
  await killed?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

function startImport(databaseUrl: string) {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "import.ts"), "trademarks", file, "--lang", "en"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "test", DATABASE_URL: databaseUrl, MEILI_URL: inject("meiliUrl"), MEILI_MASTER_KEY: inject("meiliKey"), DATA_DIR: dir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr.on("data", (c: Buffer) => (stdout += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => stdout, exited };
}

/** Everything the import decides, by natural key (ids and timestamps differ between databases and runs). */
async function snapshot(db: Db) {
  const marks = await sql<{ row: Record<string, unknown> }>`
    select to_jsonb(t) - 'id' - 'holder_org_id' - 'county_id' - 'created_at' - 'updated_at' - 'published_at' as row,
           (select array_agg(c.class_no order by c.class_no) from trademark_classes c where c.trademark_id = t.id) as classes,
           (select name_zh from places p where p.id = t.county_id) as county
    from trademarks t order by reg_no nulls first, name_zh`.execute(db);
  const outbox = await sql<{ entity_type: string; n: number }>`
    select entity_type, count(*)::int as n from search_outbox group by entity_type order by entity_type`.execute(db);
  const holders = await sql<{ name_zh: string }>`select name_zh from organizations order by name_zh`.execute(db);
  return { marks: marks.rows, outbox: outbox.rows, holders: holders.rows.map((r) => r.name_zh) };
}

it("an import killed with SIGKILL while writing leaves nothing behind, and the re-run equals one clean run", async () => {
  const reference = startImport(clean.url);
  expect((await reference.exited).code, reference.output()).toBe(0);

  const victim = startImport(killed.url);
  // the write phase has started: rows are going into the database inside the import's transaction
  await pollUntil(async () => /writing [1-9]\d*\//.test(victim.output()) || victim.child.exitCode !== null, 240_000, "the import's write phase");
  victim.child.kill("SIGKILL");
  const end = await victim.exited;
  expect(end.signal, `the import finished before it could be killed:\n${victim.output()}`).toBe("SIGKILL");

  // nothing of the killed run is visible (the server rolls back the transaction once it sees the connection gone)
  await pollUntil(
    async () => {
      const n = await killed.db
        .selectFrom("trademarks")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("name_zh", "like", "断电商标%")
        .executeTakeFirstOrThrow();
      return Number(n.n) === 0;
    },
    60_000,
    "the killed import's rows to be rolled back",
  );

  const rerun = startImport(killed.url);
  const result = await rerun.exited;
  expect(result.code, rerun.output()).toBe(0);
  expect(rerun.output()).toContain(`${ROWS} inserted`);

  const [a, b] = await Promise.all([snapshot(clean.db), snapshot(killed.db)]);
  expect(b.marks.length).toBeGreaterThanOrEqual(ROWS);
  expect(b).toEqual(a);
}, 600_000);
