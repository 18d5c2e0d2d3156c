import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { drainOutbox } from "../../app/search/sync.server";
import { listAudit } from "./audit";
import { decideClaim, fileClaim } from "./claims";
import { getPublishedProduct } from "./products";
import { setCreditStatus } from "./credit-marks";
import { decide } from "./review-decisions";
import { reviewFixture } from "./review-fixture";

// Credit marks, badge rules and the audit log, against real PostgreSQL and Meilisearch.

const fx = reviewFixture();

describe("credit marks", () => {
  it("unpublish an organisation's records from search and block approval while the mark stands", async () => {
    const o = await fx.org();
    const published = await fx.product(o, { status: "published", name: "信用测试青稞" });
    const waiting = await fx.product(o);
    await fx.t.db
      .insertInto("search_outbox")
      .values([
        { entity_type: "product", entity_id: published },
        { entity_type: "organization", entity_id: o },
      ])
      .execute();
    await drainOutbox(fx.t.db, fx.search);
    expect(await fx.inIndex(`product-${published}`)).toBe(true);
    expect(await fx.inIndex(`organization-${o}`)).toBe(true);

    await fx.t.db
      .transaction()
      .execute((trx) => setCreditStatus(trx, fx.reviewerId, o, { status: "serious", source: "公示系统 2026-001", date: "2026-11-01", note: null }));
    await drainOutbox(fx.t.db, fx.search);
    expect(await fx.inIndex(`product-${published}`)).toBe(false);
    expect(await fx.inIndex(`organization-${o}`)).toBe(false);
    expect(await getPublishedProduct(fx.t.db, published)).toBeUndefined();

    const v = await fx.version("products", waiting);
    expect(
      await fx.t.db
        .transaction()
        .execute((trx) => decide(trx, { kind: "product", id: waiting, version: v, decision: "approve", comment: null, actorId: fx.reviewerId })),
    ).toBe("credit_blocked");
    expect((await fx.t.db.selectFrom("products").select("status").where("id", "=", waiting).executeTakeFirstOrThrow()).status).toBe("submitted");

    const marks = await listAudit(fx.t.db, { entityType: "organization", entityId: o, action: "credit_mark" }, 1, 10);
    expect(marks.rows[0]).toMatchObject({ before: { status: "normal" }, after: { status: "serious", source: "公示系统 2026-001", date: "2026-11-01" } });

    await fx.t.db.transaction().execute((trx) => setCreditStatus(trx, fx.reviewerId, o, { status: "normal", source: null, date: null, note: "已移出" }));
    await drainOutbox(fx.t.db, fx.search);
    expect(await fx.inIndex(`product-${published}`)).toBe(true);
    expect(
      await fx.t.db
        .transaction()
        .execute((trx) => decide(trx, { kind: "product", id: waiting, version: v, decision: "approve", comment: null, actorId: fx.reviewerId })),
    ).toBe("ok");
  });
});

describe("badge rules", () => {
  async function badgeFor(setup: { verification?: "pending" | "verified" | "rejected" | "revoked"; from?: string | null; to?: string | null } | null) {
    const gi = await fx.t.db.selectFrom("gi_products").select("id").where("status", "=", "published").orderBy("id").executeTakeFirstOrThrow();
    const o = await fx.org();
    const p = await fx.product(o, { status: "published", gi_product_id: gi.id });
    if (setup) {
      await fx.t.db
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
    return (await getPublishedProduct(fx.t.db, p))!.gi_authorised;
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
    const gi = await fx.t.db.selectFrom("gi_products").select("id").where("status", "=", "published").orderBy("id", "desc").executeTakeFirstOrThrow();
    const o = await fx.org();
    const p = await fx.product(o, { status: "published", gi_product_id: gi.id });
    expect(
      await fx.t.db.transaction().execute((trx) =>
        fileClaim(trx, o, fx.reviewerId, {
          kind: "gi",
          targetId: gi.id,
          basis: "collective_member",
          reference: "成员证 7 号",
          validFrom: "2024-01-01",
          validTo: null,
        }),
      ),
    ).toBe("filed");
    expect((await getPublishedProduct(fx.t.db, p))!.gi_authorised).toBe(false);
    const claim = await fx.t.db.selectFrom("gi_authorised_users").select("id").where("organization_id", "=", o).executeTakeFirstOrThrow();
    expect(await fx.t.db.transaction().execute((trx) => decideClaim(trx, fx.reviewerId, "gi", claim.id, "verify", null))).toBe("ok");
    expect((await getPublishedProduct(fx.t.db, p))!.gi_authorised).toBe(true);
    const row = await fx.t.db.selectFrom("gi_authorised_users").select(["verified_by", "verified_at"]).where("id", "=", claim.id).executeTakeFirstOrThrow();
    expect(row.verified_by).toBe(fx.reviewerId);
    expect(row.verified_at).not.toBeNull();
    // a verified claim cannot be overwritten by the producer: a new claim is a renewal beside it (issue 21), and the
    // verified one keeps its badge until staff verify the renewal
    expect(
      await fx.t.db
        .transaction()
        .execute((trx) =>
          fileClaim(trx, o, fx.reviewerId, { kind: "gi", targetId: gi.id, basis: "announcement", reference: "x", validFrom: "2024-01-01", validTo: null }),
        ),
    ).toBe("renewal_filed");
    expect((await getPublishedProduct(fx.t.db, p))!.gi_authorised).toBe(true);
    expect(await fx.t.db.transaction().execute((trx) => decideClaim(trx, fx.reviewerId, "gi", claim.id, "revoke", "许可到期"))).toBe("ok");
    expect((await getPublishedProduct(fx.t.db, p))!.gi_authorised).toBe(false);
    // the product was announced to search with each decision
    const announced = await fx.t.db.selectFrom("search_outbox").select("id").where("entity_type", "=", "product").where("entity_id", "=", p).execute();
    expect(announced.length).toBeGreaterThanOrEqual(2);
  });
});

describe("the audit log", () => {
  it("is append-only: UPDATE, DELETE and TRUNCATE raise", async () => {
    const o = await fx.org();
    await fx.t.db.transaction().execute((trx) => setCreditStatus(trx, fx.reviewerId, o, { status: "abnormal", source: "s", date: "2026-01-01", note: null }));
    const row = await fx.t.db
      .selectFrom("audit_log")
      .select("id")
      .where("entity_id", "=", o)
      .where("entity_type", "=", "organization")
      .executeTakeFirstOrThrow();
    await expect(sql`update audit_log set note = 'tampered' where id = ${row.id}`.execute(fx.t.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where id = ${row.id}`.execute(fx.t.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(fx.t.db)).rejects.toThrow(/append-only/);
    expect((await fx.t.db.selectFrom("audit_log").select("note").where("id", "=", row.id).executeTakeFirstOrThrow()).note).toBeNull();
  });

  it("records every changed field of a published record with before and after, but not edits of drafts", async () => {
    const o = await fx.org();
    const published = await fx.product(o, { status: "published", name: "审计前" });
    const draft = await fx.product(o, { name: "草稿前" });
    await fx.t.db.updateTable("products").set({ name_zh: "审计后", price_band: "10 元" }).where("id", "=", published).execute();
    await fx.t.db.updateTable("products").set({ name_zh: "草稿后" }).where("id", "=", draft).execute();
    const rows = (await listAudit(fx.t.db, { entityType: "product", entityId: published }, 1, 50)).rows;
    expect(rows.map((r) => [r.field, r.before, r.after]).sort()).toEqual([
      ["name_zh", "审计前", "审计后"],
      ["price_band", null, "10 元"],
    ]);
    expect((await listAudit(fx.t.db, { entityType: "product", entityId: draft }, 1, 50)).total).toBe(0);
  });
});
