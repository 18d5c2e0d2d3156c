import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../tests/support/db";

// `npm run db:seed` as an operator runs it (issue 3, docs/interfaces.md "Sample data"): reference data always; the sample
// catalogue and the sample accounts only without --reference-only and never with NODE_ENV=production.

const root = path.resolve(import.meta.dirname, "..");
const SAMPLE_ACCOUNTS = ["producer@example.com", "buyer@example.com", "reviewer@example.com", "fairstaff@example.com", "admin@example.com"];

const databases: TestDatabase[] = [];
let dataDir: string;
beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "haidong-seed-"));
});
afterAll(async () => {
  await Promise.all(databases.map((d) => d.drop()));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function database() {
  const d = await createTestDatabase();
  databases.push(d);
  return d;
}

function seed(url: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "db-seed.ts"), ...args], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "test",
      DATABASE_URL: url,
      MEILI_URL: inject("meiliUrl"),
      MEILI_MASTER_KEY: inject("meiliKey"),
      DATA_DIR: dataDir,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr.on("data", (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, output })));
}

async function contents(d: TestDatabase) {
  const count = async (table: "organizations" | "products" | "events", sampleOnly: boolean) => {
    let q = d.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as("n"));
    if (sampleOnly) q = q.where("is_sample", "=", true);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };
  return {
    accounts: (await d.db.selectFrom("users").select("email").where("email", "in", SAMPLE_ACCOUNTS).execute()).map((u) => u.email).sort(),
    sampleOrganizations: await count("organizations", true),
    sampleProducts: await count("products", true),
    events: await count("events", false),
    counties: Number(
      (
        await d.db
          .selectFrom("places")
          .select((eb) => eb.fn.countAll<string>().as("n"))
          .where("kind", "=", "county")
          .executeTakeFirstOrThrow()
      ).n,
    ),
  };
}

describe("npm run db:seed", () => {
  it("with --reference-only seeds reference data and no sample records or accounts", { timeout: 120_000 }, async () => {
    const d = await database();
    const run = await seed(d.url, ["--reference-only"]);
    expect(run.code, run.output).toBe(0);
    expect(await contents(d)).toEqual({ accounts: [], sampleOrganizations: 0, sampleProducts: 0, events: 0, counties: 6 });
  });

  it("with NODE_ENV=production seeds no sample data even without the flag", { timeout: 120_000 }, async () => {
    const d = await database();
    const run = await seed(d.url, [], { NODE_ENV: "production", SESSION_SECRET: "s".repeat(48), PUBLIC_ORIGIN: "https://catalogue.example.cn" });
    expect(run.code, run.output).toBe(0);
    expect(await contents(d)).toEqual({ accounts: [], sampleOrganizations: 0, sampleProducts: 0, events: 0, counties: 6 });
  });

  it("by default adds the sample catalogue, the sample event, the sample accounts and the sample buyer's answered inquiry", { timeout: 300_000 }, async () => {
    const d = await database();
    const run = await seed(d.url, []);
    expect(run.code, run.output).toBe(0);
    const c = await contents(d);
    expect(c.accounts).toEqual([...SAMPLE_ACCOUNTS].sort());
    expect(c.sampleOrganizations).toBeGreaterThan(0);
    expect(c.sampleProducts).toBeGreaterThan(0);
    expect(c.events).toBeGreaterThanOrEqual(1);
    // the sample buyer's 我的采购 is not empty: one inquiry to the sample producer, answered with a quote on its line
    const thread = await d.db
      .selectFrom("inquiries as i")
      .innerJoin("users as u", "u.id", "i.buyer_user_id")
      .innerJoin("inquiry_recipients as r", "r.inquiry_id", "i.id")
      .select(["r.status", "i.buyer_name"])
      .where("u.email", "=", "buyer@example.com")
      .execute();
    expect(thread).toEqual([{ status: "quoted", buyer_name: "示例采购商(西宁)" }]);
  });
});
