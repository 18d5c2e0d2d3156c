import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { enqueueSearchSync } from "../../db/queries/outbox";
import { ENTITY_TYPES, documentBuilders } from "../../app/search/documents.server";
import { startEmbeddedMeili, type EmbeddedMeili } from "../../scripts/embedded/meilisearch";
import { freePort } from "../../scripts/embedded/process-utils";
import { createAccount, signInOverHttp } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { pollUntil } from "../support/poll";

// Fault: Meilisearch dies (SIGKILL) while a reviewer publishes a product, a visitor searches and an import runs.
// The run's shared Meilisearch serves other test files, so this file starts its own from the same pinned binary
// (scripts/embedded/meilisearch.ts) on its own port and data dir, and kills and restarts that one.

const root = path.resolve(import.meta.dirname, "..", "..");
let tmp: string;
let port: number;
let meili: EmbeddedMeili;
let t: TestDatabase;
let app: TestApp;
let reviewer: string;
let org: number;

const prefix = `k${process.pid}_`;
const startMeili = () =>
  startEmbeddedMeili({
    dir: path.join(tmp, "meili"),
    keyFile: path.join(tmp, "meili.key"),
    binDir: path.join(tmp, "bin"),
    binOverride: process.env.MEILI_BIN,
    port,
  });

function meiliKilled() {
  process.kill(meili.pid, "SIGKILL");
  return pollUntil(
    async () =>
      !(await fetch(`${meili.url}/health`).then(
        () => true,
        () => false,
      )),
    10_000,
    "Meilisearch to die",
  );
}

const post = (p: string, cookie: string, body: Record<string, string>) =>
  fetch(`${app.url}${p}`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie, origin: app.url, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(body),
  });

async function publishedDocumentCount() {
  let n = 0;
  for (const type of ENTITY_TYPES) n += (await documentBuilders[type](t.db, undefined)).length;
  return n;
}

async function indexedDocumentCount() {
  const res = await fetch(`${meili.url}/indexes/${prefix}catalog/stats`, { headers: { authorization: `Bearer ${meili.key}` } });
  if (!res.ok) return -1;
  // stats count only what is indexed: wait until no task is left
  const tasks = await fetch(`${meili.url}/tasks?statuses=enqueued,processing&limit=1`, { headers: { authorization: `Bearer ${meili.key}` } });
  const pending = ((await tasks.json()) as { total: number }).total;
  return pending === 0 ? ((await res.json()) as { numberOfDocuments: number }).numberOfDocuments : -1;
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "haidong-meili-kill-"));
  port = await freePort();
  meili = await startMeili();
  t = await createTestDatabase();
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: prefix, env: { MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.key, MEILI_TIMEOUT_MS: "1000" } });
  const r = await createAccount(t.db, { role: "reviewer" });
  reviewer = (await signInOverHttp(app.url, r.email, r.password)).cookie;
  org = (await createAccount(t.db, { organizationName: "断电测试合作社" })).organizationId!;
  // createAccount writes the organisation directly; announce it like the app would
  await enqueueSearchSync(t.db, "organization", [org]);
  // the app seeded the sample catalogue; its worker indexes it
  const expected = await publishedDocumentCount();
  let indexed = 0;
  await pollUntil(async () => (indexed = await indexedDocumentCount()) === expected, 120_000, `the sample catalogue to be indexed (${expected})`, 250).catch(
    (e) => {
      throw new Error(`${(e as Error).message}; last count ${indexed}\n${app.output()}`);
    },
  );
}, 240_000);

afterAll(async () => {
  await app?.stop();
  await meili?.stop();
  await t?.drop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

it("saves and imports commit with their outbox rows, searches fall back to PostgreSQL, and the index catches up after", async () => {
  const submitted = (
    await t.db
      .insertInto("products")
      .values({ organization_id: org, name_zh: "断电测试黑枸杞", category: "水果", status: "submitted", submitted_at: sql`now()` })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  const version = (await sql<{ v: string }>`select (extract(epoch from submitted_at))::text as v from products where id = ${submitted}`.execute(t.db)).rows[0]!
    .v;

  const csv = path.join(tmp, "organizations-trademarks.csv");
  const lines = [
    "reg_no,name_zh,name_en,mark_type,nice_classes,goods,holder_name,holder_credit_code,county,application_date,registration_date,status,well_known",
  ];
  for (let i = 0; i < 2000; i++) lines.push(`6${String(i).padStart(7, "0")},断电导入商标${i},,普通商标,29,,,,乐都,,,已注册,否`);
  fs.writeFileSync(csv, lines.join("\n") + "\n");

  // the import starts, then Meilisearch dies under it, under the save and under the search
  const importer = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "import.ts"), "trademarks", csv, "--lang", "en"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "test",
      DATABASE_URL: t.url,
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: meili.key,
      MEILI_INDEX_PREFIX: prefix,
      DATA_DIR: tmp,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let importOutput = "";
  importer.stdout.on("data", (c: Buffer) => (importOutput += c.toString()));
  importer.stderr.on("data", (c: Buffer) => (importOutput += c.toString()));
  const imported = new Promise<number | null>((resolve) => importer.on("close", resolve));

  await meiliKilled();
  const [save, found] = await Promise.all([
    post(`/staff/review/product/${submitted}`, reviewer, { version, decision: "approve", comment: "" }),
    fetch(`${app.url}/api/v1/search?q=${encodeURIComponent("断电测试黑枸杞")}`),
  ]);

  // the save committed, and its outbox row waits for Meilisearch
  expect(save.status).toBe(302);
  expect((await t.db.selectFrom("products").select("status").where("id", "=", submitted).executeTakeFirstOrThrow()).status).toBe("published");
  const pending = await t.db
    .selectFrom("search_outbox")
    .select("id")
    .where("entity_type", "=", "product")
    .where("entity_id", "=", submitted)
    .where("processed_at", "is", null)
    .execute();
  expect(pending.length).toBeGreaterThan(0);

  // the search answered from PostgreSQL (the fallback, which is the only one that knows the new product yet)
  expect(found.status).toBe(200);
  const body = (await found.json()) as { degraded: boolean; hits: { record_id: number; type: string }[] };
  expect(body.degraded).toBe(true);
  expect(found.headers.get("cache-control")).toBe("no-store");
  // and a search issued now, with Meilisearch still dead, finds the product that was published meanwhile
  const again = (await (await fetch(`${app.url}/api/v1/search?q=${encodeURIComponent("断电测试黑枸杞")}`)).json()) as typeof body;
  expect(again.degraded).toBe(true);
  expect(again.hits.map((h) => `${h.type}-${h.record_id}`)).toContain(`product-${submitted}`);

  // the import needs no search server: it commits, and leaves its outbox rows
  expect(await imported, importOutput).toBe(0);
  const importedRows = await t.db.selectFrom("trademarks").select("id").where("name_zh", "like", "断电导入商标%").execute();
  expect(importedRows).toHaveLength(2000);
  expect(await publishedDocumentCount()).toBeGreaterThan(0);

  // Meilisearch comes back (same data dir and port); the outbox drains and the index holds what the database publishes
  meili = await startMeili();
  await pollUntil(
    async () => {
      const n = await t.db
        .selectFrom("search_outbox")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("processed_at", "is", null)
        .executeTakeFirstOrThrow();
      return Number(n.n) === 0;
    },
    120_000,
    "the outbox to drain after Meilisearch returned",
    250,
  );
  const expected = await publishedDocumentCount();
  await pollUntil(async () => (await indexedDocumentCount()) === expected, 60_000, `the index to hold ${expected} documents`, 250);
  const back = (await (await fetch(`${app.url}/api/v1/search?q=${encodeURIComponent("断电测试黑枸杞")}`)).json()) as typeof body;
  expect(back.degraded).toBe(false);
  expect(back.hits.map((h) => `${h.type}-${h.record_id}`)).toContain(`product-${submitted}`);
}, 480_000);
