import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, signInOverHttp } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { pollUntil } from "../support/poll";
import { createTestSearch } from "../support/search";

// Issue 20 item 2: `npm start` with WEB_CONCURRENCY=2 runs two server processes on one port (scripts/lib/cluster.ts).
// They share nothing in memory, so a session made by one is honoured by the other, each outbox event is indexed by
// exactly one of them, and a process that dies is replaced.

interface LogLine {
  pid: number;
  event?: string;
  count?: number;
  pids?: number[];
  status?: number;
  path?: string;
}

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let app: TestApp;
const lines = (): LogLine[] =>
  app
    .output()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as LogLine);

beforeAll(async () => {
  t = await createTestDatabase();
  search = await createTestSearch();
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix, env: { WEB_CONCURRENCY: "2", LOG_FORMAT: "json" } });
}, 120_000);
afterAll(async () => {
  await app?.stop();
  await search?.drop();
  await t?.drop();
});

describe("two server processes on one port", () => {
  it("both answer, and a producer signed in through one stays signed in on the other", async () => {
    const processes = lines().find((l) => l.event === "server.processes");
    expect(processes?.pids).toHaveLength(2);
    const producer = await createAccount(t.db, { organizationName: "两个进程合作社" });
    const { cookie } = await signInOverHttp(app.url, producer.email, producer.password);
    expect(cookie).toMatch(/=/);
    for (let i = 0; i < 12; i++) {
      // a new connection each time, so the kernel spreads them over both processes
      const res = await fetch(`${app.url}/producer`, { headers: { cookie, connection: "close" }, redirect: "manual" });
      expect(res.status).toBe(200);
    }
    const served = new Set(
      lines()
        .filter((l) => l.event === "http.request" && l.path === "/producer" && l.status === 200)
        .map((l) => l.pid),
    );
    expect([...served].sort()).toEqual([...processes!.pids!].sort());
  });

  it("indexes every outbox event exactly once between them", async () => {
    await pollUntil(
      async () => Number((await sql<{ n: string }>`select count(*) as n from search_outbox where processed_at is null`.execute(t.db)).rows[0]!.n) === 0,
      30_000,
      "the outbox to drain",
    );
    // a drain's line comes when its busy stretch ends: wait until the counts add up or stop changing
    const processed = Number((await sql<{ n: string }>`select count(*) as n from search_outbox where processed_at is not null`.execute(t.db)).rows[0]!.n);
    expect(processed).toBeGreaterThan(0);
    const drainedTotal = () =>
      lines()
        .filter((l) => l.event === "outbox.drained")
        .reduce((n, l) => n + (l.count ?? 0), 0);
    await pollUntil(() => drainedTotal() >= processed, 10_000, "every drain to be reported");
    expect(drainedTotal()).toBe(processed);
  });

  it("replaces a process that dies, and keeps answering meanwhile", async () => {
    const before = lines().find((l) => l.event === "server.processes")!.pids!;
    process.kill(before[0]!, "SIGKILL");
    await pollUntil(() => lines().some((l) => l.event === "server.process.died"), 10_000, "the primary to notice");
    const res = await fetch(`${app.url}/healthz`, { headers: { connection: "close" } });
    expect(res.status).toBe(200);
    // the replacement answers too: over a few new connections both live processes serve
    await pollUntil(
      async () => {
        await fetch(`${app.url}/producer`, { headers: { connection: "close" }, redirect: "manual" });
        const pids = new Set(
          lines()
            .filter((l) => l.event === "http.request")
            .map((l) => l.pid),
        );
        return [...pids].some((pid) => !before.includes(pid));
      },
      20_000,
      "the replacement process to serve",
    );
  });
});
