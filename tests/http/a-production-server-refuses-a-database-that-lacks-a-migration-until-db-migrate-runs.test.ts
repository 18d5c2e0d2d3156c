import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { startTestApp } from "../support/app";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

// Issue 20 item 6: in production the servers do not migrate as they start (several processes would race, and a
// deploy should change the schema once); `npm run db:migrate` does, and seeds the reference data on an empty catalogue.

const root = path.resolve(import.meta.dirname, "..", "..");
const production = { NODE_ENV: "production" as const, SESSION_SECRET: "a-production-secret-of-at-least-32-chars", PUBLIC_ORIGIN: "https://haidong.example" };
let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;

beforeAll(async () => {
  t = await createTestDatabase({ empty: true });
  search = await createTestSearch();
});
afterAll(async () => {
  await search?.drop();
  await t?.drop();
});

describe("an operator deploys to a new database", () => {
  it("a production server on an unmigrated database stops and says to run npm run db:migrate", async () => {
    const started = startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix, env: production });
    await expect(started).rejects.toThrow(/lacks \d+ migration\(s\) .*run `npm run db:migrate` once/s);
  });

  it("after npm run db:migrate, the server starts and serves the reference catalogue without any sample data", async () => {
    const migrate = spawnSync(process.execPath, ["--import", "tsx", path.join(root, "scripts", "db-migrate.ts")], {
      cwd: root,
      env: {
        ...process.env,
        ...production,
        DATABASE_URL: t.url,
        MEILI_URL: inject("meiliUrl"),
        MEILI_MASTER_KEY: inject("meiliKey"),
        MEILI_INDEX_PREFIX: search.prefix,
      },
      encoding: "utf8",
    });
    expect(migrate.status, migrate.stderr + migrate.stdout).toBe(0);
    expect(migrate.stdout).toMatch(/applied \d+ migration\(s\)/);
    expect(migrate.stdout).toMatch(/seeding the Haidong reference data/);

    const app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix, env: production });
    try {
      expect(app.output()).not.toMatch(/applied|seeding/);
      const gi = await t.db.selectFrom("gi_products").select("name_zh").where("name_zh", "=", "互助青稞酒").executeTakeFirst();
      expect(gi?.name_zh).toBe("互助青稞酒");
      const samples = await t.db.selectFrom("organizations").select("id").where("is_sample", "=", true).execute();
      expect(samples).toEqual([]);
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    } finally {
      await app.stop();
    }
  });
});
