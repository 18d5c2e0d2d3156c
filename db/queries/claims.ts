import { sql, type Kysely, type Transaction, type Updateable } from "kysely";
import type { Database, GiAuthorisedUsersTable, RegionalBrandLicencesTable, Verification } from "../schema";
import { setAuditActor, writeAudit } from "./audit";
import { enqueueSearchSync } from "./outbox";
import { CHINA_TODAY } from "./china-day";
import { evidenceByClaim } from "./claim-evidence";

/** Claims with the evidence files each carries (issue 21), for the producer's list and staff's. */
async function withEvidence<T extends { kind: ClaimKind; id: number }>(db: Executor, claims: T[]) {
  const evidence = await evidenceByClaim(db, claims);
  return claims.map((c) => ({ ...c, evidence: evidence[`${c.kind}-${c.id}`] ?? [] }));
}

type Executor = Kysely<Database> | Transaction<Database>;

// Authorised use: who may use a GI (gi_authorised_users) or a regional public brand (regional_brand_licences).
// Producers file claims for their own organisation; a claim stays pending (no badge anywhere) until staff verify it.

export type ClaimKind = "gi" | "brand";
export type Basis = GiAuthorisedUsersTable["basis"];

export interface ClaimInput {
  kind: ClaimKind;
  targetId: number;
  basis: Basis | null;
  reference: string;
  validFrom: string;
  validTo: string | null;
}

export async function claimChoices(db: Executor) {
  const [gis, brands] = await Promise.all([
    db.selectFrom("gi_products").select(["id", "name_zh", "name_en"]).where("status", "=", "published").orderBy("name_zh").execute(),
    db.selectFrom("regional_brands").select(["id", "name_zh", "name_en"]).where("status", "=", "published").orderBy("name_zh").execute(),
  ]);
  return { gis, brands };
}

/**
 * The two claim tables differ almost only in names, so one query shape serves both: `c` is the claim, `r` its GI or
 * brand. Each kind names its claim table, its GI or brand table and the column pointing there (the same column name
 * on products), the column holding the reference the producer typed, what search calls the GI or brand, and what the
 * audit log calls the claim. The casts name the GI table for Kysely's types; the columns used exist under the same
 * names in both after this mapping.
 */
const CLAIM_KINDS = {
  gi: {
    table: "gi_authorised_users",
    target: "gi_products",
    targetId: "gi_product_id",
    reference: "basis_reference",
    searchType: "gi",
    auditEntity: "gi_authorised_user",
    // The one real difference: a GI authorisation records its legal basis (an announcement, collective membership, a
    // certification licence) in a not-null column, so a claim filed without one is stored as "other_record" for staff
    // to check. A brand licence has no basis, only its licence number (the reference).
    basis: true,
    ownColumns: (input: ClaimInput) => ({ basis: input.basis ?? "other_record" }) satisfies Updateable<GiAuthorisedUsersTable>,
  },
  brand: {
    table: "regional_brand_licences",
    target: "regional_brands",
    targetId: "regional_brand_id",
    reference: "licence_no",
    searchType: "regional_brand",
    auditEntity: "regional_brand_licence",
    basis: false,
    ownColumns: (_input: ClaimInput) => ({}) satisfies Updateable<RegionalBrandLicencesTable>,
  },
} as const;

/** A kind's claims joined to their GI or brand, as `c` and `r`. */
function claimsWithTarget(db: Executor, kind: ClaimKind) {
  const k = CLAIM_KINDS[kind];
  return db
    .selectFrom(`${k.table} as c` as "gi_authorised_users as c")
    .innerJoin(`${k.target} as r` as "gi_products as r", "r.id", `c.${k.targetId}` as "c.gi_product_id");
}

/** The claim's reference under its kind's column name. */
const referenceOf = (kind: ClaimKind) => sql.ref<string | null>(`c.${CLAIM_KINDS[kind].reference}`);

function claimRows(db: Executor, kind: ClaimKind) {
  return claimsWithTarget(db, kind).select([
    "c.id",
    "r.id as target_id",
    "c.valid_from",
    "c.valid_to",
    "c.renews_id",
    (CLAIM_KINDS[kind].basis ? sql<Basis | null>`c.basis` : sql<Basis | null>`null`).as("basis"),
    sql<string>`${referenceOf(kind)}`.as("reference"),
  ]);
}

/**
 * Both kinds of claim for one organisation (all states, superseded ones and pending renewals included), GIs first.
 * `days_left` counts China's days until valid_to (negative once it has passed, null when open-ended): a verified
 * authorisation is "expiring" within 90 days (EXPIRING_DAYS) and expired below 0; the badge goes when it passes.
 */
export async function claimsOf(db: Executor, organizationId: number) {
  const of = (kind: ClaimKind) =>
    claimRows(db, kind)
      .leftJoin("users as v", "v.id", "c.verified_by")
      .select([
        "r.name_zh",
        "r.name_en",
        "c.verification",
        "c.verified_at",
        sql<string | null>`coalesce(v.display_name, v.email)`.as("verified_by_name"),
        sql<boolean>`(c.verification = 'verified' and (c.valid_from is null or c.valid_from <= ${CHINA_TODAY}) and (c.valid_to is null or c.valid_to >= ${CHINA_TODAY}))`.as(
          "current",
        ),
        sql<number | null>`c.valid_to - ${CHINA_TODAY}`.as("days_left"),
      ])
      .where("c.organization_id", "=", organizationId)
      .orderBy("r.name_zh")
      .execute()
      .then((rows) => rows.map((c) => ({ ...c, kind })));
  return withEvidence(db, (await Promise.all([of("gi"), of("brand")])).flat());
}

/**
 * Files (or re-files) a claim for the producer's own organisation. A pending, rejected or revoked one is replaced by
 * the new details and waits for review again. While one is verified, the claim is a renewal: a new row pointing at it
 * (renews_id; a pending or rejected renewal is re-filed in place), which replaces it only when staff verify it — until
 * then the verified one keeps its badge.
 */
export async function fileClaim(trx: Transaction<Database>, organizationId: number, userId: number, input: ClaimInput) {
  const k = CLAIM_KINDS[input.kind];
  const target = await trx
    .selectFrom(k.target as "gi_products")
    .select("id")
    .where("id", "=", input.targetId)
    .where("status", "=", "published")
    .executeTakeFirst();
  if (!target) return "unknown_target" as const;
  // the current authorisation (not a renewal, not superseded): at most one, by a partial unique index
  const current = await trx
    .selectFrom(k.table as "gi_authorised_users")
    .select(["id", "verification"])
    .where(k.targetId as "gi_product_id", "=", input.targetId)
    .where("organization_id", "=", organizationId)
    .where("renews_id", "is", null)
    .where("verification", "<>", "superseded")
    .forUpdate()
    .executeTakeFirst();
  // its renewal, if one was filed (it stays the renewal when staff revoke the current one meanwhile)
  const renewal = current
    ? await trx
        .selectFrom(k.table as "gi_authorised_users")
        .select(["id", "verification"])
        .where("renews_id", "=", current.id)
        .forUpdate()
        .executeTakeFirst()
    : undefined;
  const renews = current && (current.verification === "verified" || renewal) ? current.id : null;
  const existing = renews === null ? current : renewal;
  // typed as the GI table's, like every cast here: for a brand the spread adds nothing and the reference is its licence_no
  const values = {
    ...(k.ownColumns(input) as { basis: Basis }),
    [k.reference as "basis_reference"]: input.reference,
    valid_from: input.validFrom,
    valid_to: input.validTo,
    verification: "pending" as const,
    verified_at: null,
    verified_by: null,
    updated_at: sql<Date>`now()`,
  };
  const id = existing
    ? (
        await trx
          .updateTable(k.table as "gi_authorised_users")
          .set(values)
          .where("id", "=", existing.id)
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id
    : (
        await trx
          .insertInto(k.table as "gi_authorised_users")
          .values({ ...values, [k.targetId as "gi_product_id"]: input.targetId, organization_id: organizationId, renews_id: renews })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
  await writeAudit(trx, {
    actorId: userId,
    action: renews === null ? "claim_filed" : "renewal_filed",
    entityType: k.auditEntity,
    entityId: id,
    after: input.reference,
    note: renews === null ? null : `#${renews}`,
  });
  return renews === null ? ("filed" as const) : ("renewal_filed" as const);
}

/** Withdraws the organisation's own pending claim; anything else (another organisation's, a verified one) finds nothing. */
export async function withdrawClaim(trx: Transaction<Database>, organizationId: number, kind: ClaimKind, id: number) {
  const row = await trx
    .deleteFrom(CLAIM_KINDS[kind].table)
    .where("id", "=", id)
    .where("organization_id", "=", organizationId)
    .where("verification", "=", "pending")
    .returning("id")
    .executeTakeFirst();
  return !!row;
}

/** Claims waiting for staff, oldest first. */
export async function pendingClaims(db: Executor) {
  const of = (kind: ClaimKind) =>
    claimRows(db, kind)
      .innerJoin("organizations as o", "o.id", "c.organization_id")
      .select(["r.name_zh as target", "o.id as organization_id", "o.name_zh as organization", "o.credit_code", "o.credit_status", "c.updated_at"])
      .where("c.verification", "=", "pending")
      .execute()
      .then((rows) => rows.map((c) => ({ ...c, kind })));
  return withEvidence(
    db,
    (await Promise.all([of("gi"), of("brand")])).flat().sort((a, b) => new Date(a.updated_at).getTime() - new Date(b.updated_at).getTime()),
  );
}

export async function pendingClaimCount(db: Executor) {
  const row = await sql<{ n: number }>`
    select (select count(*) from gi_authorised_users where verification = 'pending')
         + (select count(*) from regional_brand_licences where verification = 'pending') as n`.execute(db);
  return Number(row.rows[0]?.n ?? 0);
}

export type ClaimDecision = "verify" | "reject" | "revoke";
const FROM: Record<ClaimDecision, Verification[]> = { verify: ["pending"], reject: ["pending"], revoke: ["verified"] };
const TO: Record<ClaimDecision, Verification> = { verify: "verified", reject: "rejected", revoke: "revoked" };

/**
 * Verifies or rejects a pending claim, or revokes a verified one. A claim whose validity has already ended cannot be
 * verified ("expired"). Verifying a renewal supersedes the authorisation it renews and takes its place, in the same
 * transaction. The products that could show the badge, the organisation and the GI or brand are announced to search
 * in the same transaction.
 */
export async function decideClaim(trx: Transaction<Database>, actorId: number, kind: ClaimKind, id: number, decision: ClaimDecision, note: string | null) {
  await setAuditActor(trx, actorId);
  const k = CLAIM_KINDS[kind];
  const row = await trx
    .selectFrom(k.table as "gi_authorised_users")
    .select([
      "id",
      "organization_id",
      `${k.targetId} as target_id` as "gi_product_id as target_id",
      "verification",
      "renews_id",
      sql<boolean>`valid_to is not null and valid_to < ${CHINA_TODAY}`.as("ended"),
    ])
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return "not_found" as const;
  if (!FROM[decision].includes(row.verification)) return "stale" as const;
  if (decision === "verify") {
    const org = await trx.selectFrom("organizations").select("credit_status").where("id", "=", row.organization_id).executeTakeFirstOrThrow();
    if (org.credit_status !== "normal") return "credit_blocked" as const;
    if (row.ended) return "expired" as const;
  }
  if (decision === "verify" && row.renews_id !== null) {
    // the renewed authorisation leaves the current place first (a partial unique index holds one there)
    const old = await trx
      .selectFrom(k.table as "gi_authorised_users")
      .select(["id", "verification"])
      .where("id", "=", row.renews_id)
      .forUpdate()
      .executeTakeFirst();
    if (old)
      await trx
        .updateTable(k.table)
        .set({ verification: "superseded", updated_at: sql`now()` })
        .where("id", "=", old.id)
        .execute();
    if (old)
      await writeAudit(trx, {
        actorId,
        action: "supersede_claim",
        entityType: k.auditEntity,
        entityId: old.id,
        field: "verification",
        before: old.verification,
        after: "superseded",
        note: `#${id}`,
      });
  }
  await trx
    .updateTable(k.table)
    .set({
      verification: TO[decision],
      verified_at: sql`now()`,
      verified_by: actorId,
      updated_at: sql`now()`,
      ...(decision === "verify" ? { renews_id: null } : {}),
    })
    .where("id", "=", id)
    .execute();
  const products = await trx
    .selectFrom("products")
    .select("id")
    .where("organization_id", "=", row.organization_id)
    .where(k.targetId, "=", row.target_id)
    .execute();
  await enqueueSearchSync(
    trx,
    "product",
    products.map((p) => p.id),
  );
  await enqueueSearchSync(trx, "organization", [row.organization_id]);
  await enqueueSearchSync(trx, k.searchType, [row.target_id]);
  await writeAudit(trx, {
    actorId,
    action: decision === "verify" ? "verify_claim" : decision === "reject" ? "reject_claim" : "revoke_claim",
    entityType: k.auditEntity,
    entityId: id,
    field: "verification",
    before: row.verification,
    after: TO[decision],
    note,
  });
  return "ok" as const;
}

/** What a printed QR label is about: one verified authorised user. */
export async function authorisedUserForLabel(db: Executor, kind: ClaimKind, id: number) {
  return claimsWithTarget(db, kind)
    .innerJoin("organizations as o", "o.id", "c.organization_id")
    .select([
      "c.id",
      "r.name_zh as target",
      "o.id as organization_id",
      "o.name_zh as organization",
      "o.credit_code",
      referenceOf(kind).as("reference"),
      "c.valid_from",
      "c.valid_to",
      "c.verification",
      "o.status as organization_status",
      "o.credit_status",
    ])
    .where("c.id", "=", id)
    .executeTakeFirst();
}
