import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import postgres from "postgres";
import { afterAll, beforeAll, expect, it } from "vitest";
import { inject } from "vitest";
import { samplePicturesIn } from "../tests/support/events";
import { createTestDatabase, type TestDatabase } from "../tests/support/db";
import { backupDatabase, restoreDatabase } from "./backup";
import { createDb } from "./client";
import { migrateToLatest } from "./migrate";
import { seedSampleCatalogue } from "./seed/sample";

let source: TestDatabase;
let dir: string;
let emptyUrl: string;
const emptyName = `hdt_${inject("runId")}_${process.pid}_restore`;

beforeAll(async () => {
  source = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "haidong-backup-"));
  await seedSampleCatalogue(source.db, await samplePicturesIn(path.join(dir, "images-src")));
  const admin = postgres(source.url.replace(/\/[^/]+$/, "/postgres"), { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database "${emptyName}"`);
  await admin.end();
  emptyUrl = source.url.replace(/\/[^/]+$/, `/${emptyName}`);
});
afterAll(async () => {
  await source.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function fingerprint(url: string) {
  const db = createDb(url, { max: 1 });
  try {
    const tables = await sql<{
      name: string;
    }>`select tablename as name from pg_tables where schemaname = 'public' and tablename not like 'kysely%' order by 1`.execute(db);
    const out: Record<string, string> = {};
    for (const { name } of tables.rows) {
      const r = await sql<{
        h: string | null;
        n: number;
      }>`select md5(string_agg(t::text, '|' order by t::text)) as h, count(*)::int as n from ${sql.table(name)} t`.execute(db);
      out[name] = `${r.rows[0]!.n}:${r.rows[0]!.h}`;
    }
    return out;
  } finally {
    await db.destroy();
  }
}

// places holds more than 16 KB since the townships are seeded: that size used to hang postgres.js after its COPY
it("restores the same records into an empty database, and sequences continue after them", async () => {
  const manifest = await backupDatabase(source.url, path.join(dir, "backup"));
  expect(manifest.tables.find((t) => t.name === "products")!.rows).toBeGreaterThan(0);
  const target = createDb(emptyUrl, { max: 1 });
  await migrateToLatest(target);
  await restoreDatabase(emptyUrl, path.join(dir, "backup"));
  expect(await fingerprint(emptyUrl)).toEqual(await fingerprint(source.url));
  const next = await target.insertInto("organizations").values({ name_zh: "恢复后新增" }).returning("id").executeTakeFirstOrThrow();
  const max = await source.db
    .selectFrom("organizations")
    .select((eb) => eb.fn.max("id").as("m"))
    .executeTakeFirstOrThrow();
  expect(next.id).toBeGreaterThan(Number(max.m));
  await target.destroy();
});

it("refuses to restore over existing rows", async () => {
  await expect(restoreDatabase(emptyUrl, path.join(dir, "backup"))).rejects.toThrow(/already has rows/);
});
