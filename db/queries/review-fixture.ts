import { sql } from "kysely";
import { afterAll, beforeAll } from "vitest";
import { withCheckCharacter } from "../../app/domain/credit-code";
import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import { createTestSearch } from "../../tests/support/search";

// The review tests' shared set-up (review.test.ts, review-trust.test.ts): a database, a search index and a reviewer
// per test file, and makers of organisations and products waiting for review. Call reviewFixture() at the top of a
// test file; its fields are ready inside tests.

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let reviewerId: number;
let seq = 0;

export function reviewFixture() {
  beforeAll(async () => {
    t = await createTestDatabase();
    search = await createTestSearch();
    reviewerId = (
      await t.db
        .insertInto("users")
        .values({ email: "rev@test.example", password_hash: "x", role: "reviewer", display_name: "审核员甲" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => {
    await search?.drop();
    await t?.drop();
  });
  return {
    get t() {
      return t;
    },
    get search() {
      return search;
    },
    get reviewerId() {
      return reviewerId;
    },
    org,
    product,
    version,
    inIndex,
  };
}

async function org(status: "published" | "submitted" = "published") {
  const n = ++seq;
  return (
    await t.db
      .insertInto("organizations")
      .values({ name_zh: `审核测试社${n}`, credit_code: withCheckCharacter(`93630223MA7R${String(n).padStart(5, "0")}`), status, submitted_at: sql`now()` })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

async function product(organizationId: number, values: { status?: "submitted" | "published"; name?: string; gi_product_id?: number | null } = {}) {
  return (
    await t.db
      .insertInto("products")
      .values({
        organization_id: organizationId,
        name_zh: values.name ?? `审核测试产品${++seq}`,
        category: "水果",
        status: values.status ?? "submitted",
        submitted_at: sql`now()`,
        gi_product_id: values.gi_product_id ?? null,
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

async function version(table: "products" | "record_revisions", id: number) {
  return (await sql<{ v: string }>`select coalesce((extract(epoch from submitted_at))::text, '') as v from ${sql.table(table)} where id = ${id}`.execute(t.db))
    .rows[0]!.v;
}

async function inIndex(docId: string) {
  try {
    await search.client.index(search.indexName).getDocument(docId);
    return true;
  } catch {
    return false;
  }
}
