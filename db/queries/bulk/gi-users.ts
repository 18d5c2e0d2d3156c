import { sql } from "kysely";
import type { GiAuthorisedUsersTable, Verification } from "../../schema";
import { enqueueSearchSync } from "../outbox";
import { productIdsReferencing, upsertRows, type Executor, type SqlValue } from "./batch";

export interface GiUserRecord {
  id: number;
  gi_product_id: number;
  gi_name_zh: string;
  organization_id: number;
  credit_code: string | null;
  organization_name: string;
  basis: GiAuthorisedUsersTable["basis"];
  basis_reference: string | null;
  valid_from: string | null;
  valid_to: string | null;
  verification: Verification;
}

function selectGiUsers(db: Executor) {
  return db
    .selectFrom("gi_authorised_users as u")
    .innerJoin("gi_products as g", "g.id", "u.gi_product_id")
    .innerJoin("organizations as o", "o.id", "u.organization_id")
    .select([
      "u.id",
      "u.gi_product_id",
      "g.name_zh as gi_name_zh",
      "u.organization_id",
      "o.credit_code",
      "o.name_zh as organization_name",
      "u.basis",
      "u.basis_reference",
      "u.valid_from",
      "u.valid_to",
      "u.verification",
    ]);
}

export async function giUsersForImport(db: Executor, giIds: readonly number[], organizationIds: readonly number[]): Promise<GiUserRecord[]> {
  if (giIds.length === 0) return [];
  return selectGiUsers(db)
    .where("u.gi_product_id", "=", sql<number>`any(${giIds}::bigint[])`)
    .where("u.organization_id", "=", sql<number>`any(${organizationIds}::bigint[])`)
    .where("u.renews_id", "is", null)
    .where("u.verification", "<>", "superseded")
    .execute();
}

/** Authorised users of published GIs, for organisations that are exported too (published, not samples). */
export async function giUsersForExport(db: Executor): Promise<GiUserRecord[]> {
  return selectGiUsers(db)
    .where("g.status", "=", "published")
    .where("g.is_sample", "=", false)
    .where("o.status", "=", "published")
    .where("o.is_sample", "=", false)
    .where("u.renews_id", "is", null)
    .where("u.verification", "<>", "superseded")
    .orderBy("g.name_zh")
    .orderBy(sql`o.credit_code nulls last`)
    .orderBy("o.name_zh")
    .execute();
}

/**
 * Upserts authorised uses on (GI, organisation). A use that becomes verified gets verified_at; the organisation's
 * products are announced, since their GI badge depends on it.
 */
export async function writeGiUsers(db: Executor, rows: readonly Record<string, SqlValue>[], columns: readonly string[], onBatch?: (n: number) => void) {
  const update = columns.filter((c) => c !== "gi_product_id" && c !== "organization_id");
  await upsertRows(
    db,
    {
      table: "gi_authorised_users",
      columns,
      conflict: ["gi_product_id", "organization_id"],
      // the current authorisation of (GI, organisation): a pending renewal and superseded ones are left alone
      conflictWhere: sql<boolean>`renews_id is null and verification <> 'superseded'`,
      update,
      touch: true,
      returning: ["id"],
    },
    rows,
    onBatch,
  );
  // keep the first verification time; clear it when a use is no longer verified
  await sql`
    update gi_authorised_users set verified_at = case when verification = 'verified' then coalesce(verified_at, now()) end
    where renews_id is null and verification <> 'superseded' and (gi_product_id, organization_id) in (
      select * from unnest(${rows.map((r) => r.gi_product_id as number)}::bigint[], ${rows.map((r) => r.organization_id as number)}::bigint[]))`.execute(db);
  const organizations = [...new Set(rows.map((r) => r.organization_id as number))];
  await enqueueSearchSync(db, "product", await productIdsReferencing(db, "organization_id", organizations));
}
