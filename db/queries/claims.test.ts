import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withCheckCharacter } from "../../app/domain/credit-code";
import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import { authorisedUserForLabel, decideClaim, fileClaim, type ClaimInput, type ClaimKind } from "./claims";

// Filing, deciding and labelling a claim, for both kinds against real PostgreSQL: the two kinds share one query each
// (CLAIM_KINDS), so these pin what each kind writes to its own table, search outbox and audit log.

let t: TestDatabase;
let staffId: number;
let seq = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  staffId = (
    await t.db.insertInto("users").values({ email: "claims@test.example", password_hash: "x", role: "reviewer" }).returning("id").executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  await t?.drop();
});

async function org() {
  const n = ++seq;
  return (
    await t.db
      .insertInto("organizations")
      .values({ name_zh: `认领测试社${n}`, credit_code: withCheckCharacter(`93630223MA7C${String(n).padStart(5, "0")}`), status: "published" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

const KINDS = {
  gi: { table: "gi_authorised_users", target: "gi_products", productColumn: "gi_product_id", searchType: "gi", auditEntity: "gi_authorised_user" },
  brand: {
    table: "regional_brand_licences",
    target: "regional_brands",
    productColumn: "regional_brand_id",
    searchType: "regional_brand",
    auditEntity: "regional_brand_licence",
  },
} as const;

describe.each(["gi", "brand"] as const)("a %s claim", (kind: ClaimKind) => {
  const k = KINDS[kind];
  const file = (o: number, input: Partial<ClaimInput> & { targetId: number }) =>
    t.db
      .transaction()
      .execute((trx) => fileClaim(trx, o, staffId, { kind, basis: null, reference: "证 1 号", validFrom: "2024-01-01", validTo: null, ...input }));
  const claimOf = (o: number) =>
    t.db
      .selectFrom(k.table)
      .selectAll()
      .where("organization_id", "=", o)
      .executeTakeFirstOrThrow()
      .then((r) => r as Record<string, unknown> & { id: number; verification: string });

  it("is filed pending, re-filed with new details, verified, announced to search, audited and labelled", async () => {
    const o = await org();
    const target = (await t.db.selectFrom(k.target).select("id").where("status", "=", "published").orderBy("id").executeTakeFirstOrThrow()).id;
    const product = (
      await t.db
        .insertInto("products")
        .values({ organization_id: o, name_zh: `认领产品${seq}`, category: "水果", status: "published", [k.productColumn]: target })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    expect(await file(o, { targetId: 2_000_000_000 })).toBe("unknown_target");
    expect(await file(o, { targetId: target })).toBe("filed");
    const first = await claimOf(o);
    expect(first.verification).toBe("pending");
    // a GI authorisation needs a basis (other_record when the producer gives none); a brand licence has none
    if (kind === "gi") expect(first).toMatchObject({ basis: "other_record", basis_reference: "证 1 号" });
    else expect(first).toMatchObject({ licence_no: "证 1 号" });
    expect(first).not.toHaveProperty(kind === "gi" ? "licence_no" : "basis");

    expect(await file(o, { targetId: target, basis: "announcement", reference: "证 2 号", validTo: "2030-12-31" })).toBe("filed");
    const second = await claimOf(o);
    expect(second.id).toBe(first.id);
    expect(second).toMatchObject(kind === "gi" ? { basis: "announcement", basis_reference: "证 2 号" } : { licence_no: "证 2 号" });

    const before = await sql<{ n: number }>`select count(*)::int as n from search_outbox`.execute(t.db);
    expect(await t.db.transaction().execute((trx) => decideClaim(trx, staffId, kind, first.id, "verify", "核实"))).toBe("ok");
    const announced = await t.db.selectFrom("search_outbox").select(["entity_type", "entity_id"]).orderBy("id").offset(before.rows[0]!.n).execute();
    expect(announced).toEqual([
      { entity_type: "product", entity_id: product },
      { entity_type: "organization", entity_id: o },
      { entity_type: k.searchType, entity_id: target },
    ]);
    const audit = await t.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_type", "=", k.auditEntity)
      .where("entity_id", "=", first.id)
      // the table's trigger also logs each column "change"; these are the query's own entries
      .where("action", "!=", "change")
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["claim_filed", "claim_filed", "verify_claim"]);

    expect(await authorisedUserForLabel(t.db, kind, first.id)).toMatchObject({
      id: first.id,
      organization_id: o,
      reference: "证 2 号",
      valid_to: "2030-12-31",
      verification: "verified",
      credit_status: "normal",
    });
    expect(await authorisedUserForLabel(t.db, kind, 2_000_000_000)).toBeUndefined();
    expect(await t.db.transaction().execute((trx) => decideClaim(trx, staffId, kind, first.id, "reject", null))).toBe("stale");
    expect(await t.db.transaction().execute((trx) => decideClaim(trx, staffId, kind, first.id, "revoke", null))).toBe("ok");
    expect((await claimOf(o)).verification).toBe("revoked");
  });

  it("refuses to verify a claim whose validity has ended, and a renewal supersedes the verified one when verified", async () => {
    const o = await org();
    const target = (await t.db.selectFrom(k.target).select("id").where("status", "=", "published").orderBy("id").executeTakeFirstOrThrow()).id;
    const rows = () =>
      t.db.selectFrom(k.table).select(["id", "verification", "valid_to", "renews_id"]).where("organization_id", "=", o).orderBy("id").execute();
    // filed straight into the table: the form refuses past dates, an old claim (or a slow review) can still hold them
    expect(await file(o, { targetId: target, validFrom: "2024-03-01", validTo: "2026-01-01" })).toBe("filed");
    const [ended] = await rows();
    expect(await t.db.transaction().execute((trx) => decideClaim(trx, staffId, kind, ended!.id, "verify", null))).toBe("expired");
    expect((await rows())[0]!.verification).toBe("pending");
    // re-filed with current dates, it is verified
    expect(await file(o, { targetId: target, validFrom: "2024-03-01", validTo: "2099-01-01" })).toBe("filed");
    expect(await t.db.transaction().execute((trx) => decideClaim(trx, staffId, kind, ended!.id, "verify", null))).toBe("ok");

    // a renewal while verified is a new pending row pointing at it; re-filing it changes that row, not a third
    expect(await file(o, { targetId: target, validFrom: "2098-01-01", validTo: "2100-01-01" })).toBe("renewal_filed");
    expect(await file(o, { targetId: target, validFrom: "2098-01-01", validTo: "2101-01-01" })).toBe("renewal_filed");
    const [old, renewal] = await rows();
    expect(await rows()).toHaveLength(2);
    expect(old).toMatchObject({ id: ended!.id, verification: "verified", renews_id: null });
    expect(renewal).toMatchObject({ verification: "pending", valid_to: "2101-01-01", renews_id: old!.id });

    expect(await t.db.transaction().execute((trx) => decideClaim(trx, staffId, kind, renewal!.id, "verify", "续期"))).toBe("ok");
    expect(await rows()).toEqual([
      { id: old!.id, verification: "superseded", valid_to: "2099-01-01", renews_id: null },
      { id: renewal!.id, verification: "verified", valid_to: "2101-01-01", renews_id: null },
    ]);
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["action", "before", "after", "note"])
      .where("entity_type", "=", k.auditEntity)
      .where("entity_id", "=", old!.id)
      .where("action", "=", "supersede_claim")
      .execute();
    expect(audit).toEqual([{ action: "supersede_claim", before: "verified", after: "superseded", note: `#${renewal!.id}` }]);
    // the next claim renews the new authorisation; revoked meanwhile, a further claim still re-files that renewal
    expect(await file(o, { targetId: target })).toBe("renewal_filed");
    expect(await t.db.transaction().execute((trx) => decideClaim(trx, staffId, kind, renewal!.id, "revoke", "注销"))).toBe("ok");
    expect(await file(o, { targetId: target, validTo: "2102-01-01" })).toBe("renewal_filed");
    expect((await rows()).map((r) => [r.verification, r.valid_to, r.renews_id])).toEqual([
      ["superseded", "2099-01-01", null],
      ["revoked", "2101-01-01", null],
      ["pending", "2102-01-01", renewal!.id],
    ]);
  });
});
