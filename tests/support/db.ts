import postgres from "postgres";
import { inject } from "vitest";
import { createDb, type Db } from "../../db/client";

let counter = 0;

function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export interface TestDatabase {
  db: Db;
  url: string;
  name: string;
  drop(): Promise<void>;
}

/**
 * A fresh database cloned from the migrated, reference-seeded template: each test (or file) gets its own, so tests
 * never see each other's writes and can run in parallel.
 */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const server = inject("pgServerUrl");
  const name = `hdt_${inject("runId")}_${process.pid}_${++counter}`;
  const admin = postgres(withDatabase(server, "postgres"), { max: 1, onnotice: () => undefined });
  try {
    // empty: a new server's database, before any migration
    await admin.unsafe(options.empty ? `create database "${name}"` : `create database "${name}" template "${inject("templateDatabase")}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(server, name);
  const db = createDb(url, { max: 5 });
  return {
    db,
    url,
    name,
    drop: async () => {
      await db.destroy();
      const a = postgres(withDatabase(server, "postgres"), { max: 1, onnotice: () => undefined });
      await a.unsafe(`drop database if exists "${name}" with (force)`);
      await a.end();
    },
  };
}
