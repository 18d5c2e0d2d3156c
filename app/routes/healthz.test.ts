import { afterAll, expect, it } from "vitest";

const saved = { db: process.env.DATABASE_URL, meili: process.env.MEILI_URL };
afterAll(() => {
  if (saved.db === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = saved.db;
  if (saved.meili === undefined) delete process.env.MEILI_URL;
  else process.env.MEILI_URL = saved.meili;
});

// The environment is written before the route is imported: config() (app/platform/config.server.ts) reads it on first
// use in this test process, so these unreachable addresses are what db() and search() are given.
it("answers 503 with db down when PostgreSQL is unreachable (and search degraded when Meilisearch is)", async () => {
  process.env.DATABASE_URL = "postgres://postgres:x@127.0.0.1:9/none";
  process.env.MEILI_URL = "http://127.0.0.1:9";
  const { loader } = await import("./healthz");
  const started = Date.now();
  const res = await loader();
  expect(res.status).toBe(503);
  expect(await res.json()).toEqual({ status: "down", db: "down", search: "degraded" });
  expect(Date.now() - started).toBeLessThan(5000);
});
