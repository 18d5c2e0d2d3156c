import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../schema";
import type { ClaimKind } from "./claims";
import { writeAudit } from "./audit";

type Executor = Kysely<Database> | Transaction<Database>;

// Evidence files of GI-use and regional-brand claims (issue 21). The rows say which claim a file backs; the files sit
// in private storage (app/evidence/storage.server.ts). A producer adds and removes evidence of their own
// organisation's claims only; staff read it. Files are written before the row commits and swept by the housekeeping
// when no row points at them, as pictures are.

const CLAIM = {
  gi: { table: "gi_authorised_users", column: "gi_authorised_user_id", target: "gi_products", targetId: "gi_product_id", audit: "gi_authorised_user" },
  brand: {
    table: "regional_brand_licences",
    column: "regional_brand_licence_id",
    target: "regional_brands",
    targetId: "regional_brand_id",
    audit: "regional_brand_licence",
  },
} as const;

export const MAX_EVIDENCE_PER_CLAIM = 5;

/** The claim of `kind` and `id` if it belongs to the organisation, with its GI or brand's name. */
export async function ownClaimForEvidence(db: Executor, organizationId: number, kind: ClaimKind, id: number) {
  const c = CLAIM[kind];
  const row = await sql<{ id: number; name_zh: string; name_en: string | null; verification: string }>`
    select c.id, r.name_zh, r.name_en, c.verification
    from ${sql.table(c.table)} c join ${sql.table(c.target)} r on r.id = ${sql.ref(`c.${c.targetId}`)}
    where c.id = ${id} and c.organization_id = ${organizationId}`.execute(db);
  return row.rows[0];
}

export async function evidenceOfClaim(db: Executor, kind: ClaimKind, claimId: number) {
  return db
    .selectFrom("claim_evidence")
    .select(["id", "file_name", "content_type", "byte_size", "created_at"])
    .where(CLAIM[kind].column, "=", claimId)
    .orderBy("id")
    .execute();
}

/** Evidence of many claims at once, by "kind-id", for the producer's and staff's lists. */
export async function evidenceByClaim(db: Executor, claims: readonly { kind: ClaimKind; id: number }[]) {
  const ids = (kind: ClaimKind) => claims.filter((c) => c.kind === kind).map((c) => c.id);
  const [gi, brand] = [ids("gi"), ids("brand")];
  if (gi.length + brand.length === 0) return {};
  const rows = await db
    .selectFrom("claim_evidence")
    .select(["id", "file_name", "content_type", "byte_size", "gi_authorised_user_id", "regional_brand_licence_id"])
    .where((eb) =>
      eb.or([...(gi.length ? [eb("gi_authorised_user_id", "in", gi)] : []), ...(brand.length ? [eb("regional_brand_licence_id", "in", brand)] : [])]),
    )
    .orderBy("id")
    .execute();
  const out: Record<string, { id: number; file_name: string; content_type: string; byte_size: number }[]> = {};
  for (const r of rows) {
    const key = r.gi_authorised_user_id !== null ? `gi-${r.gi_authorised_user_id}` : `brand-${r.regional_brand_licence_id}`;
    (out[key] ??= []).push({ id: r.id, file_name: r.file_name, content_type: r.content_type, byte_size: r.byte_size });
  }
  return out;
}

export interface NewEvidence {
  storage_key: string;
  content_type: "application/pdf" | "image/jpeg";
  file_name: string;
  byte_size: number;
}

/** Adds a file to the organisation's own claim, at most MAX_EVIDENCE_PER_CLAIM per claim, audited. */
export async function addEvidence(trx: Transaction<Database>, organizationId: number, userId: number, kind: ClaimKind, claimId: number, file: NewEvidence) {
  const claim = await ownClaimForEvidence(trx, organizationId, kind, claimId);
  if (!claim) return "not_found" as const;
  // the claim row is locked so two uploads at once cannot both pass the count
  await sql`select 1 from ${sql.table(CLAIM[kind].table)} where id = ${claimId} for update`.execute(trx);
  const { n } = await trx
    .selectFrom("claim_evidence")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where(CLAIM[kind].column, "=", claimId)
    .executeTakeFirstOrThrow();
  if (Number(n) >= MAX_EVIDENCE_PER_CLAIM) return "too_many" as const;
  const { id } = await trx
    .insertInto("claim_evidence")
    .values({ ...file, [CLAIM[kind].column]: claimId, uploaded_by: userId })
    .returning("id")
    .executeTakeFirstOrThrow();
  await writeAudit(trx, { actorId: userId, action: "add_evidence", entityType: CLAIM[kind].audit, entityId: claimId, after: file.file_name, note: `#${id}` });
  return { id };
}

/** Removes a file from the organisation's own claim; returns its storage key for the sweep, or undefined. */
export async function removeOwnEvidence(
  trx: Transaction<Database>,
  organizationId: number,
  userId: number,
  kind: ClaimKind,
  claimId: number,
  evidenceId: number,
) {
  if (!(await ownClaimForEvidence(trx, organizationId, kind, claimId))) return undefined;
  const row = await trx
    .deleteFrom("claim_evidence")
    .where("id", "=", evidenceId)
    .where(CLAIM[kind].column, "=", claimId)
    .returning(["storage_key", "file_name"])
    .executeTakeFirst();
  if (row)
    await writeAudit(trx, {
      actorId: userId,
      action: "remove_evidence",
      entityType: CLAIM[kind].audit,
      entityId: claimId,
      before: row.file_name,
      note: `#${evidenceId}`,
    });
  return row?.storage_key;
}

/** A file for staff to read. */
export async function evidenceFile(db: Executor, id: number) {
  return db.selectFrom("claim_evidence").select(["storage_key", "content_type", "file_name"]).where("id", "=", id).executeTakeFirst();
}

/** Of `keys`, those some evidence row still points at (a sweep keeps them). */
export async function evidenceKeysInUse(db: Executor, keys: readonly string[]) {
  if (keys.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom("claim_evidence")
    .select("storage_key")
    .distinct()
    .where("storage_key", "in", [...keys])
    .execute();
  return new Set(rows.map((r) => r.storage_key));
}
