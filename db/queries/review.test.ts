import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withCheckCharacter } from "../../app/domain/credit-code";
import { drainOutbox } from "../../app/search/sync.server";
import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import { createTestSearch } from "../../tests/support/search";
import { jsonb } from "../json";
import { listAudit } from "./audit";
import { decideClaim, fileClaim } from "./claims";
import { getPublishedProduct } from "./products";
import { setCreditStatus } from "./credit-marks";
import { reviewQueue } from "./review";
import { decide } from "./review-decisions";
import { reviewItem } from "./review-item";

// Review decisions, credit marks, badge rules and the audit log against real PostgreSQL and Meilisearch.

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let reviewerId: number;
let seq = 0;

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

const version = async (table: "products" | "record_revisions", id: number) =>
  (await sql<{ v: string }>`select coalesce((extract(epoch from submitted_at))::text, '') as v from ${sql.table(table)} where id = ${id}`.execute(t.db))
    .rows[0]!.v;

async function inIndex(docId: string) {
  try {
    await search.client.index(search.indexName).getDocument(docId);
    return true;
  } catch {
    return false;
  }
}

describe("review decisions", () => {
  it("lists new records and revisions oldest first, and approving a new product publishes and indexes it", async () => {
    const o = await org();
    const p = await product(o, { name: "审核通过的沙棘汁" });
    await t.db
      .updateTable("products")
      .set({ submitted_at: sql`now() - interval '3 days'` })
      .where("id", "=", p)
      .execute();
    const queue = await reviewQueue(t.db);
    expect(queue[0]).toMatchObject({ kind: "product", id: p });
    const item = await reviewItem(t.db, "product", p);
    expect(item?.isNew).toBe(true);
    expect(item?.diff.find((r) => r.field === "name_zh")?.after).toBe("审核通过的沙棘汁");

    await drainOutbox(t.db, search);
    expect(await inIndex(`product-${p}`)).toBe(false);
    const result = await t.db
      .transaction()
      .execute((trx) => decide(trx, { kind: "product", id: p, version: item!.version, decision: "approve", comment: null, actorId: reviewerId }));
    expect(result).toBe("ok");
    expect((await t.db.selectFrom("products").select("status").where("id", "=", p).executeTakeFirstOrThrow()).status).toBe("published");
    await drainOutbox(t.db, search);
    expect(await inIndex(`product-${p}`)).toBe(true);
    const audit = await listAudit(t.db, { entityType: "product", entityId: p }, 1, 50);
    expect(audit.rows.map((r) => r.action)).toEqual(expect.arrayContaining(["approve", "change"]));
    const statusChange = audit.rows.find((r) => r.action === "change" && r.field === "status");
    expect(statusChange).toMatchObject({ before: "submitted", after: "published", actor_id: reviewerId, actor_name: "审核员甲" });
  });

  it("rejects or sends back a new record with the reviewer's comment, which the producer sees", async () => {
    const o = await org();
    const a = await product(o);
    const b = await product(o);
    await t.db.transaction().execute((trx) => decide(trx, { kind: "product", id: a, version: "", decision: "reject", comment: "x", actorId: reviewerId }));
    expect((await t.db.selectFrom("products").select("status").where("id", "=", a).executeTakeFirstOrThrow()).status).toBe("submitted"); // wrong version: nothing happened
    expect(
      await t.db.transaction().execute((trx) => decide(trx, { kind: "product", id: a, version: "1", decision: "reject", comment: "x", actorId: reviewerId })),
    ).toBe("stale");

    await t.db
      .transaction()
      .execute(async (trx) =>
        decide(trx, { kind: "product", id: a, version: await version("products", a), decision: "reject", comment: "图片与产品不符", actorId: reviewerId }),
      );
    await t.db.transaction().execute(async (trx) =>
      decide(trx, {
        kind: "product",
        id: b,
        version: await version("products", b),
        decision: "request_changes",
        comment: "请补充起订量",
        actorId: reviewerId,
      }),
    );
    const rows = await t.db.selectFrom("products").select(["id", "status", "review_comment"]).where("id", "in", [a, b]).orderBy("id").execute();
    expect(rows).toEqual([
      { id: a, status: "rejected", review_comment: "图片与产品不符" },
      { id: b, status: "draft", review_comment: "请补充起订量" },
    ]);
  });

  it("applies an approved revision of a published product to the live row, certifications included", async () => {
    const o = await org();
    const p = await product(o, { status: "published", name: "修订前名称" });
    await t.db.insertInto("product_certifications").values({ product_id: p, kind: "organic", certificate_no: "OLD-1", expires_on: null }).execute();
    const data = {
      name_zh: "修订后名称",
      name_en: "Revised",
      category: "水果",
      gi_product_id: null,
      regional_brand_id: null,
      trademark_id: null,
      availability_months: [7, 8],
      annual_volume: 300,
      volume_unit: "吨",
      min_order_qty: null,
      min_order_unit: null,
      pack_sizes: ["5kg"],
      storage: "chilled",
      price_band: null,
      provinces_served: [],
      samples_available: true,
      description_zh: null,
      description_en: null,
      certifications: [{ kind: "green_food", number: "LB-1", expires: "2030-01-01" }],
    };
    const rev = await t.db
      .insertInto("record_revisions")
      .values({ entity_type: "product", entity_id: p, data: jsonb(data), status: "submitted", submitted_at: sql`now()` })
      .returning("id")
      .executeTakeFirstOrThrow();
    const item = await reviewItem(t.db, "revision", rev.id);
    const changed = item!.diff.filter((r) => r.changed).map((r) => r.field);
    expect(changed).toEqual(expect.arrayContaining(["name_zh", "name_en", "availability_months", "annual_volume", "storage", "certifications"]));
    expect(changed).not.toContain("category");

    expect(
      await t.db
        .transaction()
        .execute((trx) => decide(trx, { kind: "revision", id: rev.id, version: item!.version, decision: "approve", comment: "好", actorId: reviewerId })),
    ).toBe("ok");
    const live = await t.db.selectFrom("products").selectAll().where("id", "=", p).executeTakeFirstOrThrow();
    expect(live).toMatchObject({
      name_zh: "修订后名称",
      name_en: "Revised",
      availability_months: [7, 8],
      annual_volume: "300.00",
      storage: "chilled",
      status: "published",
    });
    const certs = await t.db.selectFrom("product_certifications").select(["kind", "certificate_no", "expires_on"]).where("product_id", "=", p).execute();
    expect(certs).toEqual([{ kind: "green_food", certificate_no: "LB-1", expires_on: "2030-01-01" }]);
    expect(await t.db.selectFrom("record_revisions").select(["status", "reviewed_by"]).where("id", "=", rev.id).executeTakeFirstOrThrow()).toEqual({
      status: "approved",
      reviewed_by: reviewerId,
    });
    // the field change to a published record is in the audit log with the value before and after
    const audit = await listAudit(t.db, { entityType: "product", entityId: p, action: "change" }, 1, 50);
    expect(audit.rows.find((r) => r.field === "name_zh")).toMatchObject({ before: "修订前名称", after: "修订后名称", actor_id: reviewerId });
  });
});

describe("revisions of organisations and trademarks", () => {
  it("applies an organisation's revision (contacts included) and refuses a credit code another organisation has", async () => {
    const o = await org();
    const other = await t.db
      .selectFrom("organizations")
      .select("credit_code")
      .where("id", "<>", o)
      .where("credit_code", "is not", null)
      .executeTakeFirstOrThrow();
    const data = (code: string) => ({
      name_zh: "改名后的合作社",
      name_en: null,
      credit_code: code,
      org_type: "cooperative",
      county_id: null,
      address: "新地址 1 号",
      website: null,
      contacts: [{ kind: "phone", value: "0972-1234567", public: true }],
      description_zh: null,
      description_en: null,
    });
    const own = (await t.db.selectFrom("organizations").select("credit_code").where("id", "=", o).executeTakeFirstOrThrow()).credit_code!;
    const clash = await t.db
      .insertInto("record_revisions")
      .values({ entity_type: "organization", entity_id: o, data: jsonb(data(other.credit_code!)), status: "submitted", submitted_at: sql`now()` })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(
      await t.db.transaction().execute(async (trx) =>
        decide(trx, {
          kind: "revision",
          id: clash.id,
          version: await version("record_revisions", clash.id),
          decision: "approve",
          comment: null,
          actorId: reviewerId,
        }),
      ),
    ).toBe("duplicate_key");
    await t.db.transaction().execute(async (trx) =>
      decide(trx, {
        kind: "revision",
        id: clash.id,
        version: await version("record_revisions", clash.id),
        decision: "reject",
        comment: "代码有误",
        actorId: reviewerId,
      }),
    );
    const rev = await t.db
      .insertInto("record_revisions")
      .values({ entity_type: "organization", entity_id: o, data: jsonb(data(own)), status: "submitted", submitted_at: sql`now()` })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(
      await t.db.transaction().execute(async (trx) =>
        decide(trx, {
          kind: "revision",
          id: rev.id,
          version: await version("record_revisions", rev.id),
          decision: "approve",
          comment: null,
          actorId: reviewerId,
        }),
      ),
    ).toBe("ok");
    expect(
      await t.db.selectFrom("organizations").select(["name_zh", "address", "contacts", "review_comment"]).where("id", "=", o).executeTakeFirstOrThrow(),
    ).toEqual({
      name_zh: "改名后的合作社",
      address: "新地址 1 号",
      contacts: [{ kind: "phone", value: "0972-1234567", public: true }],
      review_comment: null,
    });
    // the organisation's products were announced too: their documents show its name
    expect(
      await t.db.selectFrom("search_outbox").select("id").where("entity_type", "=", "organization").where("entity_id", "=", o).executeTakeFirst(),
    ).toBeDefined();
  });

  it("applies a trademark's revision with its Nice classes, and a request for changes keeps it open for the producer", async () => {
    const o = await org();
    const tm = (
      await t.db.insertInto("trademarks").values({ name_zh: "修订商标", holder_org_id: o, status: "published" }).returning("id").executeTakeFirstOrThrow()
    ).id;
    await t.db.insertInto("trademark_classes").values({ trademark_id: tm, class_no: 29 }).execute();
    const data = {
      reg_no: "77000001",
      name_zh: "修订商标",
      name_en: null,
      mark_type: "ordinary",
      nice_classes: [30, 33],
      goods: "青稞酒",
      application_date: null,
      registration_date: null,
      legal_status: "registered",
      well_known: false,
      well_known_year: null,
      provincial_famous: false,
    };
    const first = await t.db
      .insertInto("record_revisions")
      .values({ entity_type: "trademark", entity_id: tm, data: jsonb(data), status: "submitted", submitted_at: sql`now()` })
      .returning("id")
      .executeTakeFirstOrThrow();
    const item = await reviewItem(t.db, "revision", first.id);
    expect(item!.diff.find((r) => r.field === "nice_classes")).toMatchObject({ before: [29], after: [30, 33], changed: true });
    await t.db
      .transaction()
      .execute((trx) =>
        decide(trx, { kind: "revision", id: first.id, version: item!.version, decision: "request_changes", comment: "请附注册证", actorId: reviewerId }),
      );
    expect(await t.db.selectFrom("record_revisions").select(["status", "review_comment"]).where("id", "=", first.id).executeTakeFirstOrThrow()).toEqual({
      status: "changes_requested",
      review_comment: "请附注册证",
    });
    await t.db
      .updateTable("record_revisions")
      .set({ status: "submitted", submitted_at: sql`now() + interval '1 second'` })
      .where("id", "=", first.id)
      .execute();
    expect(
      await t.db.transaction().execute(async (trx) =>
        decide(trx, {
          kind: "revision",
          id: first.id,
          version: await version("record_revisions", first.id),
          decision: "approve",
          comment: null,
          actorId: reviewerId,
        }),
      ),
    ).toBe("ok");
    expect(await t.db.selectFrom("trademarks").select(["reg_no", "goods"]).where("id", "=", tm).executeTakeFirstOrThrow()).toEqual({
      reg_no: "77000001",
      goods: "青稞酒",
    });
    expect(
      (await t.db.selectFrom("trademark_classes").select("class_no").where("trademark_id", "=", tm).orderBy("class_no").execute()).map((c) => c.class_no),
    ).toEqual([30, 33]);
  });
});

describe("credit marks", () => {
  it("unpublish an organisation's records from search and block approval while the mark stands", async () => {
    const o = await org();
    const published = await product(o, { status: "published", name: "信用测试青稞" });
    const waiting = await product(o);
    await t.db
      .insertInto("search_outbox")
      .values([
        { entity_type: "product", entity_id: published },
        { entity_type: "organization", entity_id: o },
      ])
      .execute();
    await drainOutbox(t.db, search);
    expect(await inIndex(`product-${published}`)).toBe(true);
    expect(await inIndex(`organization-${o}`)).toBe(true);

    await t.db
      .transaction()
      .execute((trx) => setCreditStatus(trx, reviewerId, o, { status: "serious", source: "公示系统 2026-001", date: "2026-11-01", note: null }));
    await drainOutbox(t.db, search);
    expect(await inIndex(`product-${published}`)).toBe(false);
    expect(await inIndex(`organization-${o}`)).toBe(false);
    expect(await getPublishedProduct(t.db, published)).toBeUndefined();

    const v = await version("products", waiting);
    expect(
      await t.db
        .transaction()
        .execute((trx) => decide(trx, { kind: "product", id: waiting, version: v, decision: "approve", comment: null, actorId: reviewerId })),
    ).toBe("credit_blocked");
    expect((await t.db.selectFrom("products").select("status").where("id", "=", waiting).executeTakeFirstOrThrow()).status).toBe("submitted");

    const marks = await listAudit(t.db, { entityType: "organization", entityId: o, action: "credit_mark" }, 1, 10);
    expect(marks.rows[0]).toMatchObject({ before: { status: "normal" }, after: { status: "serious", source: "公示系统 2026-001", date: "2026-11-01" } });

    await t.db.transaction().execute((trx) => setCreditStatus(trx, reviewerId, o, { status: "normal", source: null, date: null, note: "已移出" }));
    await drainOutbox(t.db, search);
    expect(await inIndex(`product-${published}`)).toBe(true);
    expect(
      await t.db
        .transaction()
        .execute((trx) => decide(trx, { kind: "product", id: waiting, version: v, decision: "approve", comment: null, actorId: reviewerId })),
    ).toBe("ok");
  });
});

describe("badge rules", () => {
  async function badgeFor(setup: { verification?: "pending" | "verified" | "rejected" | "revoked"; from?: string | null; to?: string | null } | null) {
    const gi = await t.db.selectFrom("gi_products").select("id").where("status", "=", "published").orderBy("id").executeTakeFirstOrThrow();
    const o = await org();
    const p = await product(o, { status: "published", gi_product_id: gi.id });
    if (setup) {
      await t.db
        .insertInto("gi_authorised_users")
        .values({
          gi_product_id: gi.id,
          organization_id: o,
          basis: "announcement",
          basis_reference: "公告 1 号",
          valid_from: setup.from ?? null,
          valid_to: setup.to ?? null,
          verification: setup.verification ?? "verified",
        })
        .execute();
    }
    return (await getPublishedProduct(t.db, p))!.gi_authorised;
  }

  it.each([
    ["no authorisation", null, false],
    ["pending", { verification: "pending" as const }, false],
    ["rejected", { verification: "rejected" as const }, false],
    ["revoked", { verification: "revoked" as const }, false],
    ["verified but expired", { to: "2020-12-31" }, false],
    ["verified but not yet valid", { from: "2099-01-01" }, false],
    ["verified and valid", { from: "2020-01-01", to: "2099-12-31" }, true],
    ["verified and open-ended", {}, true],
  ])("%s → badge %s", async (_name, setup, expected) => {
    expect(await badgeFor(setup)).toBe(expected);
  });

  it("a producer's claim gives no badge until staff verify it, and none after they revoke it", async () => {
    const gi = await t.db.selectFrom("gi_products").select("id").where("status", "=", "published").orderBy("id", "desc").executeTakeFirstOrThrow();
    const o = await org();
    const p = await product(o, { status: "published", gi_product_id: gi.id });
    expect(
      await t.db.transaction().execute((trx) =>
        fileClaim(trx, o, reviewerId, {
          kind: "gi",
          targetId: gi.id,
          basis: "collective_member",
          reference: "成员证 7 号",
          validFrom: "2024-01-01",
          validTo: null,
        }),
      ),
    ).toBe("filed");
    expect((await getPublishedProduct(t.db, p))!.gi_authorised).toBe(false);
    const claim = await t.db.selectFrom("gi_authorised_users").select("id").where("organization_id", "=", o).executeTakeFirstOrThrow();
    expect(await t.db.transaction().execute((trx) => decideClaim(trx, reviewerId, "gi", claim.id, "verify", null))).toBe("ok");
    expect((await getPublishedProduct(t.db, p))!.gi_authorised).toBe(true);
    const row = await t.db.selectFrom("gi_authorised_users").select(["verified_by", "verified_at"]).where("id", "=", claim.id).executeTakeFirstOrThrow();
    expect(row.verified_by).toBe(reviewerId);
    expect(row.verified_at).not.toBeNull();
    // a verified claim cannot be overwritten by the producer: a new claim is a renewal beside it (issue 21), and the
    // verified one keeps its badge until staff verify the renewal
    expect(
      await t.db
        .transaction()
        .execute((trx) =>
          fileClaim(trx, o, reviewerId, { kind: "gi", targetId: gi.id, basis: "announcement", reference: "x", validFrom: "2024-01-01", validTo: null }),
        ),
    ).toBe("renewal_filed");
    expect((await getPublishedProduct(t.db, p))!.gi_authorised).toBe(true);
    expect(await t.db.transaction().execute((trx) => decideClaim(trx, reviewerId, "gi", claim.id, "revoke", "许可到期"))).toBe("ok");
    expect((await getPublishedProduct(t.db, p))!.gi_authorised).toBe(false);
    // the product was announced to search with each decision
    const announced = await t.db.selectFrom("search_outbox").select("id").where("entity_type", "=", "product").where("entity_id", "=", p).execute();
    expect(announced.length).toBeGreaterThanOrEqual(2);
  });
});

describe("the audit log", () => {
  it("is append-only: UPDATE, DELETE and TRUNCATE raise", async () => {
    const o = await org();
    await t.db.transaction().execute((trx) => setCreditStatus(trx, reviewerId, o, { status: "abnormal", source: "s", date: "2026-01-01", note: null }));
    const row = await t.db.selectFrom("audit_log").select("id").where("entity_id", "=", o).where("entity_type", "=", "organization").executeTakeFirstOrThrow();
    await expect(sql`update audit_log set note = 'tampered' where id = ${row.id}`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where id = ${row.id}`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
    expect((await t.db.selectFrom("audit_log").select("note").where("id", "=", row.id).executeTakeFirstOrThrow()).note).toBeNull();
  });

  it("records every changed field of a published record with before and after, but not edits of drafts", async () => {
    const o = await org();
    const published = await product(o, { status: "published", name: "审计前" });
    const draft = await product(o, { name: "草稿前" });
    await t.db.updateTable("products").set({ name_zh: "审计后", price_band: "10 元" }).where("id", "=", published).execute();
    await t.db.updateTable("products").set({ name_zh: "草稿后" }).where("id", "=", draft).execute();
    const rows = (await listAudit(t.db, { entityType: "product", entityId: published }, 1, 50)).rows;
    expect(rows.map((r) => [r.field, r.before, r.after]).sort()).toEqual([
      ["name_zh", "审计前", "审计后"],
      ["price_band", null, "10 元"],
    ]);
    expect((await listAudit(t.db, { entityType: "product", entityId: draft }, 1, 50)).total).toBe(0);
  });
});
