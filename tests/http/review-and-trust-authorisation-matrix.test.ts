import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withCheckCharacter } from "../../app/domain/credit-code";
import { createAccount, signInOverHttp } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

// Every role × every staff and producer route of review and trust, GET and POST. A refused request changes nothing.

type Who = "anonymous" | "producer" | "other producer" | "reviewer" | "fair_staff" | "admin";
const WHO: Who[] = ["anonymous", "producer", "other producer", "reviewer", "fair_staff", "admin"];
const STAFF: Who[] = ["reviewer", "admin"];

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let app: TestApp;
const cookies = {} as Record<Who, string>;
let producerOrg: number;
let otherOrg: number;
let seq = 0;
let gis: number[];

beforeAll(async () => {
  t = await createTestDatabase();
  search = await createTestSearch();
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix });
  const producer = await createAccount(t.db, { organizationName: "矩阵测试合作社" });
  const other = await createAccount(t.db, { organizationName: "矩阵另一合作社" });
  producerOrg = producer.organizationId!;
  otherOrg = other.organizationId!;
  const accounts: [Who, { email: string; password: string }][] = [
    ["producer", producer],
    ["other producer", other],
    ["reviewer", await createAccount(t.db, { role: "reviewer" })],
    ["fair_staff", await createAccount(t.db, { role: "fair_staff" })],
    ["admin", await createAccount(t.db, { role: "admin" })],
  ];
  cookies.anonymous = "";
  for (const [who, a] of accounts) cookies[who] = (await signInOverHttp(app.url, a.email, a.password)).cookie;
  gis = (await t.db.selectFrom("gi_products").select("id").where("status", "=", "published").orderBy("id").execute()).map((g) => g.id);
});
afterAll(async () => {
  await app?.stop();
  await search?.drop();
  await t?.drop();
});

const get = (path: string, who: Who) => fetch(`${app.url}${path}`, { headers: { cookie: cookies[who] }, redirect: "manual" });
const post = (path: string, who: Who, body: Record<string, string>) =>
  fetch(`${app.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: cookies[who], origin: app.url, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(body),
  });

// fixtures ------------------------------------------------------------------------------------------------------
async function newOrg() {
  const n = ++seq;
  return (
    await t.db
      .insertInto("organizations")
      .values({ name_zh: `矩阵主体${n}`, credit_code: withCheckCharacter(`93630223MA7M${String(n).padStart(5, "0")}`), status: "published" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}
async function submittedProduct(organizationId = producerOrg) {
  return (
    await t.db
      .insertInto("products")
      .values({ organization_id: organizationId, name_zh: `矩阵产品${++seq}`, category: "水果", status: "submitted", submitted_at: sql`now()` })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}
async function pendingClaim(organizationId: number, giIndex = 0) {
  return (
    await t.db
      .insertInto("gi_authorised_users")
      .values({
        gi_product_id: gis[giIndex]!,
        organization_id: organizationId,
        basis: "announcement",
        basis_reference: "公告",
        valid_from: "2024-01-01",
        verification: "pending",
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}
async function unverifiedTrademark() {
  return (
    await t.db
      .insertInto("trademarks")
      .values({ name_zh: `矩阵商标${++seq}`, status: "published", confidence: "low" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}
async function report() {
  const n = ++seq;
  return (
    await t.db
      .insertInto("misuse_reports")
      .values({
        case_no: `HD-TEST-${n}`,
        status_token_hash: String(n).padStart(64, "0"),
        what_seen: "假冒",
        place_kind: "market",
        place_name: "某市场",
        client_key: "0".repeat(64),
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

function expectedGet(who: Who, allowed: Who[]) {
  if (allowed.includes(who)) return 200;
  return who === "anonymous" ? 302 : 403;
}

describe("GET", () => {
  let paths: string[];
  beforeAll(async () => {
    const product = await submittedProduct();
    const claim = await pendingClaim(await newOrg());
    await t.db.updateTable("gi_authorised_users").set({ verification: "verified" }).where("id", "=", claim).execute();
    const caseId = await report();
    paths = [
      "/staff",
      `/staff/review/product/${product}`,
      "/staff/claims",
      "/staff/facts?type=trademark",
      "/staff/figures",
      "/staff/organizations",
      `/staff/organizations/${producerOrg}`,
      `/staff/qr/gi/${claim}`,
      "/staff/reports",
      `/staff/reports/${caseId}`,
      "/staff/audit",
      "/staff/users",
      "/staff/export",
      "/staff/export/organizations?format=csv",
      "/staff/export/trademarks?format=json",
    ];
  });

  for (const who of WHO) {
    it(`staff pages as ${who}`, async () => {
      for (const path of paths) {
        const res = await get(path, who);
        expect({ path, status: res.status }).toEqual({ path, status: expectedGet(who, STAFF) });
        if (res.status === 302) expect(res.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
      }
    });
    it(`/producer/claims as ${who}`, async () => {
      expect((await get("/producer/claims", who)).status).toBe(expectedGet(who, ["producer", "other producer"]));
    });
  }
});

interface PostCase {
  name: string;
  allowed: Who[];
  /** creates fresh fixtures; `changed` tells whether the request took effect */
  make(who: Who): Promise<{ path: string; body: Record<string, string>; changed(): Promise<boolean> }>;
  refusedStatus?: (who: Who) => number;
}

const cases: PostCase[] = [
  {
    name: "approve a submitted product",
    allowed: STAFF,
    async make() {
      const id = await submittedProduct();
      const v = (await sql<{ v: string }>`select (extract(epoch from submitted_at))::text as v from products where id = ${id}`.execute(t.db)).rows[0]!.v;
      return {
        path: `/staff/review/product/${id}`,
        body: { version: v, decision: "approve" },
        changed: async () => (await t.db.selectFrom("products").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status === "published",
      };
    },
  },
  {
    name: "verify a pending GI claim",
    allowed: STAFF,
    async make() {
      const id = await pendingClaim(await newOrg());
      return {
        path: "/staff/claims",
        body: { kind: "gi", id: String(id), decision: "verify" },
        changed: async () =>
          (await t.db.selectFrom("gi_authorised_users").select("verification").where("id", "=", id).executeTakeFirstOrThrow()).verification === "verified",
      };
    },
  },
  {
    name: "mark a reference fact verified",
    allowed: STAFF,
    async make() {
      const id = await unverifiedTrademark();
      return {
        path: "/staff/facts",
        body: { type: "trademark", id: String(id) },
        changed: async () =>
          (await t.db.selectFrom("trademarks").select("last_verified_at").where("id", "=", id).executeTakeFirstOrThrow()).last_verified_at !== null,
      };
    },
  },
  {
    name: "enter the city's official figure for a year",
    allowed: STAFF,
    async make() {
      const value = 1000 + ++seq; // a value of its own per request: entering the year again replaces the figure
      return {
        path: "/staff/figures",
        body: { intent: "save", metric: "well_known_marks", year: "2024", value: String(value), source_text: "矩阵测试来源" },
        changed: async () => !!(await t.db.selectFrom("official_figures").select("id").where("value", "=", value).executeTakeFirst()),
      };
    },
  },
  {
    name: "set a credit mark",
    allowed: STAFF,
    async make() {
      const id = await newOrg();
      return {
        path: `/staff/organizations/${id}`,
        body: { intent: "credit", credit_status: "abnormal", credit_status_source: "公示系统", credit_status_date: "2026-01-05" },
        changed: async () =>
          (await t.db.selectFrom("organizations").select("credit_status").where("id", "=", id).executeTakeFirstOrThrow()).credit_status === "abnormal",
      };
    },
  },
  {
    name: "work a misuse report",
    allowed: STAFF,
    async make() {
      const id = await report();
      return {
        path: `/staff/reports/${id}`,
        body: { status: "investigating", note: "已联系市场" },
        changed: async () =>
          (await t.db.selectFrom("misuse_reports").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status === "investigating",
      };
    },
  },
  {
    name: "disable a producer account",
    allowed: STAFF,
    async make() {
      const a = await createAccount(t.db, { organizationName: `停用矩阵${++seq}` });
      return {
        path: "/staff/users",
        body: { intent: "disable", user_id: String(a.id) },
        changed: async () => (await t.db.selectFrom("users").select("disabled_at").where("id", "=", a.id).executeTakeFirstOrThrow()).disabled_at !== null,
      };
    },
  },
  {
    name: "issue a password-reset link",
    allowed: STAFF,
    async make() {
      const a = await createAccount(t.db, { organizationName: `重置矩阵${++seq}` });
      return {
        path: "/staff/users",
        body: { intent: "reset", user_id: String(a.id) },
        changed: async () => !!(await t.db.selectFrom("password_reset_tokens").select("user_id").where("user_id", "=", a.id).executeTakeFirst()),
      };
    },
  },
  {
    name: "withdraw the producer's own pending claim",
    allowed: ["producer"],
    // another organisation's claim id is simply not found
    refusedStatus: (who) => (who === "anonymous" ? 302 : who === "other producer" ? 404 : 403),
    async make() {
      const id = await pendingClaim(producerOrg, 1 + (seq++ % (gis.length - 1)));
      return {
        path: "/producer/claims",
        body: { intent: "withdraw", kind: "gi", id: String(id) },
        changed: async () => !(await t.db.selectFrom("gi_authorised_users").select("id").where("id", "=", id).executeTakeFirst()),
      };
    },
  },
  {
    name: "file a claim for one's own organisation",
    allowed: ["producer", "other producer"],
    async make(who) {
      const org = who === "other producer" ? otherOrg : producerOrg;
      const gi = gis[gis.length - 1]!;
      await t.db.deleteFrom("gi_authorised_users").where("organization_id", "in", [producerOrg, otherOrg]).where("gi_product_id", "=", gi).execute();
      return {
        path: "/producer/claims",
        body: { target: `gi:${gi}`, basis: "collective_member", reference: "成员证明 9 号", valid_from: "2025-01-01" },
        changed: async () =>
          !!(await t.db
            .selectFrom("gi_authorised_users")
            .select("id")
            .where("gi_product_id", "=", gi)
            .where("verification", "=", "pending")
            .where("organization_id", "in", [org, who === "other producer" ? producerOrg : otherOrg])
            .executeTakeFirst()),
      };
    },
  },
];

describe("POST", () => {
  for (const c of cases) {
    for (const who of WHO) {
      const allowed = c.allowed.includes(who);
      it(`${c.name} as ${who}: ${allowed ? "done" : "refused, nothing changed"}`, async () => {
        const { path, body, changed } = await c.make(who);
        const res = await post(path, who, body);
        if (allowed) {
          expect([200, 302]).toContain(res.status);
          if (res.status === 302) expect(res.headers.get("location")).not.toMatch(/login/);
        } else {
          expect(res.status).toBe(c.refusedStatus ? c.refusedStatus(who) : who === "anonymous" ? 302 : 403);
        }
        expect(await changed()).toBe(allowed);
      });
    }
  }
});
