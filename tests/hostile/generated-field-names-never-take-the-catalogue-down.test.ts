import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, signInOverHttp } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { seedSampleFair } from "../support/events";
import { createTestSearch } from "../support/search";

// Issue 15's denial of service: `certifications[999999].kind=organic` held a server for 12 minutes. Every action in
// the route table gets generated field names — sparse indices, deep dots, broken brackets, very long names, thousands
// of fields — signed in as each role; none may answer 500, send a large page, or leave /healthz slow.

const root = path.resolve(import.meta.dirname, "..", "..");
let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let fair: Awaited<ReturnType<typeof seedSampleFair>>;
let app: TestApp;
const cookies: Record<string, string> = { anonymous: "" };
let actionPaths: string[] = [];

/** The route table's paths that have an action, with each parameter filled by a record that exists. */
async function actionRoutes(values: Record<string, string>) {
  const build = (await import(pathToFileURL(path.join(root, "build", "server", "index.js")).href)) as ServerBuild;
  const full = (id: string): string => {
    const route = build.routes[id]!;
    return `${route.parentId ? full(route.parentId) : ""}/${route.path ?? ""}`.replace(/\/+/g, "/");
  };
  return Object.keys(build.routes)
    .filter((id) => build.routes[id]!.module.action)
    .map((id) => full(id).replace(/:(\w+)/g, (_, name: string) => values[`${id}:${name}`] ?? values[name] ?? "1"));
}

beforeAll(async () => {
  t = await createTestDatabase();
  search = await createTestSearch();
  fair = await seedSampleFair(t.db);
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix, env: { DATA_DIR: fair.dataDir } });
  const product = await t.db.selectFrom("products").select(["id", "organization_id"]).where("status", "=", "published").orderBy("id").executeTakeFirstOrThrow();
  const trademark = await t.db.selectFrom("trademarks").select("id").where("holder_org_id", "=", product.organization_id).executeTakeFirst();
  const exhibitor = await t.db.selectFrom("event_exhibitors").select("id").where("event_id", "=", fair.eventId).executeTakeFirstOrThrow();
  const producer = await createAccount(t.db);
  await t.db.updateTable("users").set({ organization_id: product.organization_id }).where("id", "=", producer.id).execute();
  cookies.producer = (await signInOverHttp(app.url, producer.email, producer.password)).cookie;
  for (const role of ["reviewer", "fair_staff", "admin"] as const) {
    const account = await createAccount(t.db, { role });
    cookies[role] = (await signInOverHttp(app.url, account.email, account.password)).cookie;
  }
  actionPaths = await actionRoutes({
    "routes/events.$id.booth.$exhibitorId:id": String(fair.eventId),
    "routes/events.$id.manage:id": String(fair.eventId),
    "routes/events.$id.kiosk:id": String(fair.eventId),
    exhibitorId: String(exhibitor.id),
    "routes/producer.products.$id:id": String(product.id),
    "routes/producer.products.$id_.images:id": String(product.id),
    "routes/producer.trademarks.$id:id": String(trademark?.id ?? 1),
    "routes/staff.organizations.$id:id": String(product.organization_id),
    kind: "product",
    "routes/staff.review.$kind.$id:id": String(product.id),
    "routes/staff.guidance.$topic:topic": "renewal",
    resource: "products",
    token: "not-a-real-token",
    file: "products.json",
  });
}, 180_000);

afterAll(async () => {
  await app?.stop();
  await search?.drop();
  await t?.drop();
  fair?.cleanup();
});

const base = fc.constantFrom("certifications", "availability_months", "product_ids", "x", "name_zh", "intent", "pack_sizes");
const fieldName = fc.oneof(
  // sparse and huge list indices, with and without a property after them
  fc.tuple(base, fc.integer({ min: 0, max: 2_147_483_647 }), fc.constantFrom("", ".kind", ".certificate_no")).map(([b, i, tail]) => `${b}[${i}]${tail}`),
  // deep dots and brackets
  fc.array(fc.constantFrom("a", "kind", "[0]", "[99999]", "__proto__", "constructor"), { minLength: 3, maxLength: 40 }).map((parts) => `x.${parts.join(".")}`),
  // broken brackets and odd characters
  fc.constantFrom("x[", "x]]", "x[abc]", "x[-1]", "x[1e9]", "[0]", ".", "x..y", "x[0]]", "x\u202e", "名字", "x[ 5]"),
  // very long names
  fc.integer({ min: 101, max: 20_000 }).map((n) => "n".repeat(n)),
);
const submission = fc.oneof(
  fc.array(fc.tuple(fieldName, fc.constantFrom("1", "organic", "3", "")), { minLength: 1, maxLength: 6 }),
  // thousands of fields
  fc.integer({ min: 301, max: 5_000 }).map((n) => Array.from({ length: n }, (_, i) => [`f${i}`, "1"] as [string, string])),
);

// The denial of service this guards against held the event loop for minutes. On two shared cores, with browser
// suites running beside it, a healthy server has taken 1.2 s to answer: the bound sits far below the attack and
// above that noise (CI failed once at 1 s with no fault in the server).
const HEALTHY_WITHIN_MS = 5_000;

async function healthyWithinSeconds() {
  const started = Date.now();
  const res = await fetch(`${app.url}/healthz`, { signal: AbortSignal.timeout(HEALTHY_WITHIN_MS) });
  expect(res.status).toBe(200);
  expect(Date.now() - started).toBeLessThan(HEALTHY_WITHIN_MS);
}

describe("generated field names posted to every action never take the catalogue down", () => {
  it("the route table's actions are all reached", () => {
    expect(actionPaths.length).toBeGreaterThanOrEqual(25);
    expect(actionPaths).toContain(`/events/${fair.eventId}/manage`);
  });

  for (const role of ["anonymous", "producer", "reviewer", "fair_staff", "admin"]) {
    it(`signed in as ${role}: no 500, no page over 200 KB, /healthz answers within seconds after each request`, async () => {
      for (const actionPath of actionPaths) {
        await fc.assert(
          fc.asyncProperty(submission, fc.boolean(), async (fields, multipart) => {
            let body: URLSearchParams | FormData;
            if (multipart) {
              body = new FormData();
              for (const [k, v] of fields) body.append(k, v);
            } else body = new URLSearchParams(fields);
            const res = await fetch(`${app.url}${actionPath}`, {
              method: "POST",
              redirect: "manual",
              headers: { cookie: cookies[role]!, origin: app.url },
              body,
              signal: AbortSignal.timeout(10_000),
            });
            const text = await res.text();
            expect(res.status, `${role} POST ${actionPath} ${JSON.stringify(fields).slice(0, 200)}`).toBeLessThan(500);
            expect(Buffer.byteLength(text), `${role} POST ${actionPath}`).toBeLessThan(200 * 1024);
            await healthyWithinSeconds();
          }),
          {
            numRuns: 4,
            // the requests of the report, always tried first
            examples: [
              [[["certifications[999999].kind", "organic"]], false],
              [[["availability_months[999999]", "3"]], false],
              [[["x[5000000]", "1"]], true],
            ],
          },
        );
      }
    }, 300_000);
  }

  it("the refusal names the field, in the visitor's language", async () => {
    const zh = await fetch(`${app.url}/producer/products/new`, {
      method: "POST",
      headers: { cookie: cookies.producer!, origin: app.url },
      body: new URLSearchParams({ name_zh: "青稞", "certifications[999999].kind": "organic" }),
    });
    expect(zh.status).toBe(400);
    expect(await zh.text()).toContain("字段“certifications[999999].kind”的序号太大");
    const en = await fetch(`${app.url}/signup?lang=en`, { method: "POST", headers: { origin: app.url }, body: new URLSearchParams({ "x[5000000]": "1" }) });
    expect(en.status).toBe(400);
    expect(await en.text()).toContain("The field “x[5000000]” has too large an index");
  });
});
