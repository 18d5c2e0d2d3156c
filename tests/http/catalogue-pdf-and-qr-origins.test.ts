import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freezeVersion } from "../../db/queries/event-catalogue-versions";
import { createAccount, signInOverHttp } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { browserAvailable } from "../support/browser";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { seedSampleFair } from "../support/events";

// Issues 15 and 16: absolute URLs come from configuration, never from the request's Host. The app runs as in
// development (no PUBLIC_ORIGIN), so links fall back to its own listening address — which is app.url. TRUST_PROXY=1
// lets each test speak as its own client address (X-Forwarded-For), so the PDF throttle of one does not spill over.

const EVIL = "evil.example";
let t: TestDatabase;
let app: TestApp;
let fair: Awaited<ReturnType<typeof seedSampleFair>>;
let staffCookie = "";

beforeAll(async () => {
  t = await createTestDatabase();
  fair = await seedSampleFair(t.db);
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: `pdfo${process.pid}_`, env: { DATA_DIR: fair.dataDir, TRUST_PROXY: "1" } });
  const staff = await createAccount(t.db, { role: "fair_staff" });
  staffCookie = (await signInOverHttp(app.url, staff.email, staff.password)).cookie;
});
afterAll(async () => {
  await app?.stop();
  fair?.cleanup();
  await t?.drop();
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** GET with headers fetch() would not let us forge (Host). */
function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${app.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.setTimeout(120_000, () => req.destroy(new Error("timeout")));
    req.end();
  });
}

const forged = (client: string, extra: Record<string, string> = {}) => ({ host: EVIL, "x-forwarded-host": EVIL, "x-forwarded-for": client, ...extra });
const printLines = () =>
  app
    .output()
    .split("\n")
    .filter((l) => l.includes("pdf: printing"));
const ariaLabels = (html: string) => [...html.matchAll(/<svg role="img" aria-label="([^"]*)"/g)].map((m) => m[1]!);

describe("a visitor with a forged Host cannot make the catalogue's QR codes or its PDF point elsewhere", () => {
  it("event, booth, presenter and kiosk QR codes point at the server's own address, not at a forged Host", async () => {
    const id = fair.eventId;
    const pages = [
      { path: `/events/${id}/booth-qr`, cookie: staffCookie, expected: `${app.url}/events/${id}/booth/` },
      { path: `/events/${id}/manage`, cookie: staffCookie, expected: `${app.url}/events/${id}/booth/` },
      { path: `/events/${id}/print`, cookie: "", expected: `${app.url}/products/` },
      { path: `/events/${id}/present`, cookie: "", expected: `${app.url}/products/` },
      { path: `/events/${id}/kiosk?handoff=${"a".repeat(43)}`, cookie: "", expected: `${app.url}/events/${id}/take/` },
    ];
    for (const page of pages) {
      const res = await get(page.path, forged("10.0.0.1", page.cookie ? { cookie: page.cookie } : {}));
      const html = res.body.toString();
      expect({ path: page.path, status: res.status }).toEqual({ path: page.path, status: 200 });
      expect({ path: page.path, evil: html.includes(EVIL) }).toEqual({ path: page.path, evil: false });
      const labels = ariaLabels(html);
      expect(labels.length, page.path).toBeGreaterThan(0);
      for (const label of labels) expect(label, page.path).toContain(page.expected);
    }
  });

  it.skipIf(!browserAvailable)(
    "the PDF is printed from the server's own address even when the request names another Host",
    async () => {
      const res = await get(`/events/${fair.eventId}/print.pdf`, forged("10.0.0.2"));
      expect(res.status).toBe(200);
      expect(res.headers["content-type"]).toBe("application/pdf");
      expect(res.body.subarray(0, 5).toString()).toBe("%PDF-");
      expect(res.body.toString("latin1")).not.toContain(EVIL);
      // what Chromium opened
      expect(printLines().length).toBeGreaterThan(0);
      for (const line of printLines()) {
        expect(line).not.toContain(EVIL);
        expect(line).toContain(`${app.url}/events/`);
      }
    },
    120_000,
  );
});

describe.skipIf(!browserAvailable)("fair staff and visitors download the catalogue PDF quickly, while one shared Chromium prints each version once", () => {
  it("serves a second download of the same version from the cache, and prints again once a new version is frozen", async () => {
    const path = `/events/${fair.eventId}/print.pdf?lang=en`;
    const first = await get(path, { "x-forwarded-for": "10.0.1.1" });
    expect(first.status).toBe(200);
    const printed = printLines().length;
    const second = await get(path, { "x-forwarded-for": "10.0.1.1" });
    expect(second.status).toBe(200);
    expect(second.headers["x-pdf-cache"]).toBe("hit");
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.body.equals(first.body)).toBe(true);
    expect(printLines().length).toBe(printed);
    // a browser that already has it is told so
    const revalidated = await get(path, { "x-forwarded-for": "10.0.1.1", "if-none-match": String(first.headers.etag) });
    expect(revalidated.status).toBe(304);
    // freezing a version changes what is printed: a new PDF
    await freezeVersion(t.db, fair.eventId, new Date());
    const frozen = await get(path, { "x-forwarded-for": "10.0.1.1" });
    expect(frozen.status).toBe(200);
    expect(frozen.headers["x-pdf-cache"]).toBe("miss");
    expect(frozen.headers.etag).not.toBe(first.headers.etag);
    expect(printLines().length).toBe(printed + 1);
  }, 180_000);

  it("prints concurrent downloads two at a time in one browser, queueing the rest", async () => {
    // four display variants nobody has downloaded yet: four prints
    const variants = ["elder=1&lang=zh-CN", "elder=1&lang=en", "elder=1&size=2&lang=zh-CN", "elder=1&size=3&lang=en"];
    const before = printLines().length;
    const answers = await Promise.all(variants.map((q, i) => get(`/events/${fair.eventId}/print.pdf?${q}`, { "x-forwarded-for": `10.0.2.${i + 1}` })));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    const lines = printLines().slice(before);
    expect(lines).toHaveLength(4);
    const counts = lines.map((l) =>
      l
        .match(/\((\d+) of (\d+) slots busy, (\d+) queued\)/)!
        .slice(1)
        .map(Number),
    );
    for (const [busy, of] of counts) expect(busy).toBeLessThanOrEqual(of!);
    expect(counts.some(([, , queued]) => queued! > 0)).toBe(true);
    // one Chromium for the whole run, however many PDFs
    expect(app.output().match(/pdf: launching Chromium/g)).toHaveLength(1);
  }, 240_000);

  it("throttles one client past its budget with 429 and Retry-After", async () => {
    const path = `/events/${fair.eventId}/print.pdf?lang=en`;
    const statuses: number[] = [];
    let refused: Answer | undefined;
    for (let i = 0; i < 8 && !refused; i++) {
      const res = await get(path, { "x-forwarded-for": "10.0.3.1" });
      statuses.push(res.status);
      if (res.status === 429) refused = res;
    }
    expect(statuses.slice(0, 6)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(refused?.body.toString()).toMatch(/try again in \d+ seconds/);
    // another client is not affected
    expect((await get(path, { "x-forwarded-for": "10.0.3.2" })).status).toBe(200);
  }, 240_000);
});
