import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { drainOutbox } from "../../app/search/sync.server";
import { jsonb } from "../json";
import { listAudit } from "./audit";
import { reviewQueue } from "./review";
import { decide } from "./review-decisions";
import { reviewItem } from "./review-item";
import { reviewFixture } from "./review-fixture";

// Review decisions and revisions of every record kind, against real PostgreSQL and Meilisearch.

const fx = reviewFixture();

describe("review decisions", () => {
  it("lists new records and revisions oldest first, and approving a new product publishes and indexes it", async () => {
    const o = await fx.org();
    const p = await fx.product(o, { name: "审核通过的沙棘汁" });
    await fx.t.db
      .updateTable("products")
      .set({ submitted_at: sql`now() - interval '3 days'` })
      .where("id", "=", p)
      .execute();
    const queue = await reviewQueue(fx.t.db);
    expect(queue[0]).toMatchObject({ kind: "product", id: p });
    const item = await reviewItem(fx.t.db, "product", p);
    expect(item?.isNew).toBe(true);
    expect(item?.diff.find((r) => r.field === "name_zh")?.after).toBe("审核通过的沙棘汁");

    await drainOutbox(fx.t.db, fx.search);
    expect(await fx.inIndex(`product-${p}`)).toBe(false);
    const result = await fx.t.db
      .transaction()
      .execute((trx) => decide(trx, { kind: "product", id: p, version: item!.version, decision: "approve", comment: null, actorId: fx.reviewerId }));
    expect(result).toBe("ok");
    expect((await fx.t.db.selectFrom("products").select("status").where("id", "=", p).executeTakeFirstOrThrow()).status).toBe("published");
    await drainOutbox(fx.t.db, fx.search);
    expect(await fx.inIndex(`product-${p}`)).toBe(true);
    const audit = await listAudit(fx.t.db, { entityType: "product", entityId: p }, 1, 50);
    expect(audit.rows.map((r) => r.action)).toEqual(expect.arrayContaining(["approve", "change"]));
    const statusChange = audit.rows.find((r) => r.action === "change" && r.field === "status");
    expect(statusChange).toMatchObject({ before: "submitted", after: "published", actor_id: fx.reviewerId, actor_name: "审核员甲" });
  });

  it("rejects or sends back a new record with the reviewer's comment, which the producer sees", async () => {
    const o = await fx.org();
    const a = await fx.product(o);
    const b = await fx.product(o);
    await fx.t.db
      .transaction()
      .execute((trx) => decide(trx, { kind: "product", id: a, version: "", decision: "reject", comment: "x", actorId: fx.reviewerId }));
    expect((await fx.t.db.selectFrom("products").select("status").where("id", "=", a).executeTakeFirstOrThrow()).status).toBe("submitted"); // wrong version: nothing happened
    expect(
      await fx.t.db
        .transaction()
        .execute((trx) => decide(trx, { kind: "product", id: a, version: "1", decision: "reject", comment: "x", actorId: fx.reviewerId })),
    ).toBe("stale");

    await fx.t.db.transaction().execute(async (trx) =>
      decide(trx, {
        kind: "product",
        id: a,
        version: await fx.version("products", a),
        decision: "reject",
        comment: "图片与产品不符",
        actorId: fx.reviewerId,
      }),
    );
    await fx.t.db.transaction().execute(async (trx) =>
      decide(trx, {
        kind: "product",
        id: b,
        version: await fx.version("products", b),
        decision: "request_changes",
        comment: "请补充起订量",
        actorId: fx.reviewerId,
      }),
    );
    const rows = await fx.t.db.selectFrom("products").select(["id", "status", "review_comment"]).where("id", "in", [a, b]).orderBy("id").execute();
    expect(rows).toEqual([
      { id: a, status: "rejected", review_comment: "图片与产品不符" },
      { id: b, status: "draft", review_comment: "请补充起订量" },
    ]);
  });

  it("applies an approved revision of a published product to the live row, certifications included", async () => {
    const o = await fx.org();
    const p = await fx.product(o, { status: "published", name: "修订前名称" });
    await fx.t.db.insertInto("product_certifications").values({ product_id: p, kind: "organic", certificate_no: "OLD-1", expires_on: null }).execute();
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
    const rev = await fx.t.db
      .insertInto("record_revisions")
      .values({ entity_type: "product", entity_id: p, data: jsonb(data), status: "submitted", submitted_at: sql`now()` })
      .returning("id")
      .executeTakeFirstOrThrow();
    const item = await reviewItem(fx.t.db, "revision", rev.id);
    const changed = item!.diff.filter((r) => r.changed).map((r) => r.field);
    expect(changed).toEqual(expect.arrayContaining(["name_zh", "name_en", "availability_months", "annual_volume", "storage", "certifications"]));
    expect(changed).not.toContain("category");

    expect(
      await fx.t.db
        .transaction()
        .execute((trx) => decide(trx, { kind: "revision", id: rev.id, version: item!.version, decision: "approve", comment: "好", actorId: fx.reviewerId })),
    ).toBe("ok");
    const live = await fx.t.db.selectFrom("products").selectAll().where("id", "=", p).executeTakeFirstOrThrow();
    expect(live).toMatchObject({
      name_zh: "修订后名称",
      name_en: "Revised",
      availability_months: [7, 8],
      annual_volume: "300.00",
      storage: "chilled",
      status: "published",
    });
    const certs = await fx.t.db.selectFrom("product_certifications").select(["kind", "certificate_no", "expires_on"]).where("product_id", "=", p).execute();
    expect(certs).toEqual([{ kind: "green_food", certificate_no: "LB-1", expires_on: "2030-01-01" }]);
    expect(await fx.t.db.selectFrom("record_revisions").select(["status", "reviewed_by"]).where("id", "=", rev.id).executeTakeFirstOrThrow()).toEqual({
      status: "approved",
      reviewed_by: fx.reviewerId,
    });
    // the field change to a published record is in the audit log with the value before and after
    const audit = await listAudit(fx.t.db, { entityType: "product", entityId: p, action: "change" }, 1, 50);
    expect(audit.rows.find((r) => r.field === "name_zh")).toMatchObject({ before: "修订前名称", after: "修订后名称", actor_id: fx.reviewerId });
  });
});

describe("revisions of organisations and trademarks", () => {
  it("applies an organisation's revision (contacts included) and refuses a credit code another organisation has", async () => {
    const o = await fx.org();
    const other = await fx.t.db
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
    const own = (await fx.t.db.selectFrom("organizations").select("credit_code").where("id", "=", o).executeTakeFirstOrThrow()).credit_code!;
    const clash = await fx.t.db
      .insertInto("record_revisions")
      .values({ entity_type: "organization", entity_id: o, data: jsonb(data(other.credit_code!)), status: "submitted", submitted_at: sql`now()` })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(
      await fx.t.db.transaction().execute(async (trx) =>
        decide(trx, {
          kind: "revision",
          id: clash.id,
          version: await fx.version("record_revisions", clash.id),
          decision: "approve",
          comment: null,
          actorId: fx.reviewerId,
        }),
      ),
    ).toBe("duplicate_key");
    await fx.t.db.transaction().execute(async (trx) =>
      decide(trx, {
        kind: "revision",
        id: clash.id,
        version: await fx.version("record_revisions", clash.id),
        decision: "reject",
        comment: "代码有误",
        actorId: fx.reviewerId,
      }),
    );
    const rev = await fx.t.db
      .insertInto("record_revisions")
      .values({ entity_type: "organization", entity_id: o, data: jsonb(data(own)), status: "submitted", submitted_at: sql`now()` })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(
      await fx.t.db.transaction().execute(async (trx) =>
        decide(trx, {
          kind: "revision",
          id: rev.id,
          version: await fx.version("record_revisions", rev.id),
          decision: "approve",
          comment: null,
          actorId: fx.reviewerId,
        }),
      ),
    ).toBe("ok");
    expect(
      await fx.t.db.selectFrom("organizations").select(["name_zh", "address", "contacts", "review_comment"]).where("id", "=", o).executeTakeFirstOrThrow(),
    ).toEqual({
      name_zh: "改名后的合作社",
      address: "新地址 1 号",
      contacts: [{ kind: "phone", value: "0972-1234567", public: true }],
      review_comment: null,
    });
    // the organisation's products were announced too: their documents show its name
    expect(
      await fx.t.db.selectFrom("search_outbox").select("id").where("entity_type", "=", "organization").where("entity_id", "=", o).executeTakeFirst(),
    ).toBeDefined();
  });

  it("applies a trademark's revision with its Nice classes, and a request for changes keeps it open for the producer", async () => {
    const o = await fx.org();
    const tm = (
      await fx.t.db.insertInto("trademarks").values({ name_zh: "修订商标", holder_org_id: o, status: "published" }).returning("id").executeTakeFirstOrThrow()
    ).id;
    await fx.t.db.insertInto("trademark_classes").values({ trademark_id: tm, class_no: 29 }).execute();
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
    const first = await fx.t.db
      .insertInto("record_revisions")
      .values({ entity_type: "trademark", entity_id: tm, data: jsonb(data), status: "submitted", submitted_at: sql`now()` })
      .returning("id")
      .executeTakeFirstOrThrow();
    const item = await reviewItem(fx.t.db, "revision", first.id);
    expect(item!.diff.find((r) => r.field === "nice_classes")).toMatchObject({ before: [29], after: [30, 33], changed: true });
    await fx.t.db
      .transaction()
      .execute((trx) =>
        decide(trx, { kind: "revision", id: first.id, version: item!.version, decision: "request_changes", comment: "请附注册证", actorId: fx.reviewerId }),
      );
    expect(await fx.t.db.selectFrom("record_revisions").select(["status", "review_comment"]).where("id", "=", first.id).executeTakeFirstOrThrow()).toEqual({
      status: "changes_requested",
      review_comment: "请附注册证",
    });
    await fx.t.db
      .updateTable("record_revisions")
      .set({ status: "submitted", submitted_at: sql`now() + interval '1 second'` })
      .where("id", "=", first.id)
      .execute();
    expect(
      await fx.t.db.transaction().execute(async (trx) =>
        decide(trx, {
          kind: "revision",
          id: first.id,
          version: await fx.version("record_revisions", first.id),
          decision: "approve",
          comment: null,
          actorId: fx.reviewerId,
        }),
      ),
    ).toBe("ok");
    expect(await fx.t.db.selectFrom("trademarks").select(["reg_no", "goods"]).where("id", "=", tm).executeTakeFirstOrThrow()).toEqual({
      reg_no: "77000001",
      goods: "青稞酒",
    });
    expect(
      (await fx.t.db.selectFrom("trademark_classes").select("class_no").where("trademark_id", "=", tm).orderBy("class_no").execute()).map((c) => c.class_no),
    ).toEqual([30, 33]);
  });
});
