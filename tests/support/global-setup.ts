import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { createDb } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { seedReference } from "../../db/seed/reference";
import { startEmbeddedMeili, type EmbeddedMeili } from "../../scripts/embedded/meilisearch";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../scripts/embedded/postgres";

// One real PostgreSQL and one real Meilisearch for the whole run. PostgreSQL: TEST_DATABASE_URL / DATABASE_URL when
// set (CI: the machine's server), else an embedded server in a temp dir. A migrated + seeded template database is
// cloned per test file (tests/support/db.ts). Meilisearch: always started here, from the same pinned binary.

declare module "vitest" {
  export interface ProvidedContext {
    pgServerUrl: string;
    templateDatabase: string;
    runId: string;
    meiliUrl: string;
    meiliKey: string;
    /** a folder of the run's own, shared by its workers (removed at the end); tests/support/events.ts caches there */
    scratchDir: string;
  }
}

function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "haidong-test-"));
  // The embedded server runs as the postgres OS user when we are root: it must be able to enter this folder.
  fs.chmodSync(tmp, 0o755);
  let pg: EmbeddedPostgres | undefined;

  // The harness picks the servers every test app is then started with (as environment, validated by each app's
  // config()); these reads choose the harness's own servers and so stay outside the app's configuration.
  const external = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  let serverUrl: string;
  if (external) {
    serverUrl = external;
  } else {
    pg = await startEmbeddedPostgres({ dir: path.join(tmp, "pg"), passwordFile: path.join(tmp, "pg.password"), database: "haidong_test" });
    serverUrl = pg.url;
  }
  const meili: EmbeddedMeili = await startEmbeddedMeili({
    dir: path.join(tmp, "meili"),
    keyFile: path.join(tmp, "meili.key"),
    binDir: path.join(tmp, "bin"),
    binOverride: process.env.MEILI_BIN,
  });

  const templateDatabase = `hdt_${runId}_tpl`;
  const admin = postgres(withDatabase(serverUrl, "postgres"), { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database "${templateDatabase}"`);
  const templateDb = createDb(withDatabase(serverUrl, templateDatabase), { max: 2 });
  await migrateToLatest(templateDb);
  await seedReference(templateDb);
  await templateDb.destroy();

  project.provide("pgServerUrl", serverUrl);
  project.provide("templateDatabase", templateDatabase);
  project.provide("runId", runId);
  project.provide("meiliUrl", meili.url);
  project.provide("meiliKey", meili.key);
  const scratchDir = path.join(tmp, "scratch");
  fs.mkdirSync(scratchDir);
  project.provide("scratchDir", scratchDir);

  return async () => {
    const leftovers = await admin<{ datname: string }[]>`select datname from pg_database where datname like ${`hdt_${runId}_%`}`;
    for (const { datname } of leftovers) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
    await admin.end();
    await meili.stop();
    await pg?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  };
}
