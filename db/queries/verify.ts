import { sql, type Kysely, type Transaction } from "kysely";
import type { Database, SearchEntityType } from "../schema";
import { setAuditActor, writeAudit } from "./audit";
import { currentAuthorisations, getPublicOrganization, publishedProductsOf } from "./organizations";
import { enqueueSearchSync } from "./outbox";

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * /verify: what a label's 统一社会信用代码 stands for. Only organisations in the public catalogue are shown (published
 * and in good standing); anything else is "not in the catalogue", which accuses no one.
 */
export async function verifyByCreditCode(db: Executor, code: string) {
  const row = await db.selectFrom("organizations").select("id").where("credit_code", "=", code).executeTakeFirst();
  if (!row) return undefined;
  const org = await getPublicOrganization(db, row.id);
  if (!org) return undefined;
  const [authorisations, products] = await Promise.all([currentAuthorisations(db, row.id), publishedProductsOf(db, row.id)]);
  return { org, authorisations, products };
}

// ---------------------------------------------------------------------------------------------------------------
// Reference facts: records taken from public sources (confidence below high) show 待核实 until staff check them.

export const FACT_TYPES = ["gi", "trademark", "regional_brand", "organization", "product"] as const;
export type FactType = (typeof FACT_TYPES)[number];
const FACT_TABLE = {
  gi: "gi_products",
  trademark: "trademarks",
  regional_brand: "regional_brands",
  organization: "organizations",
  product: "products",
} as const;

/** Published records not yet verified by staff, per type (those that show 待核实 first). */
export async function unverifiedFacts(db: Executor, type: FactType, limit = 200) {
  return db
    .selectFrom(FACT_TABLE[type])
    .select(["id", "name_zh", "confidence", "source", "is_sample"])
    .where("status", "=", "published")
    .where("last_verified_at", "is", null)
    .orderBy(sql`confidence = 'high'`)
    .orderBy("name_zh")
    .limit(limit)
    .execute();
}

/** Marks a published record verified now by this staff member; the record leaves 待核实 and search follows. */
export async function markFactVerified(trx: Transaction<Database>, actorId: number, type: FactType, id: number, note: string | null) {
  await setAuditActor(trx, actorId);
  const table = FACT_TABLE[type];
  const row = await trx
    .updateTable(table)
    .set({ last_verified_at: sql`now()`, last_verified_by: actorId })
    .where("id", "=", id)
    .where("status", "=", "published")
    .returning("id")
    .executeTakeFirst();
  if (!row) return false;
  await enqueueSearchSync(trx, type as SearchEntityType, [id]);
  await writeAudit(trx, { actorId, action: "mark_verified", entityType: type, entityId: id, note });
  return true;
}

/** Who verified a record and when, for "verified by … on …". */
export async function verifiedBy(db: Executor, type: FactType, id: number) {
  return db
    .selectFrom(`${FACT_TABLE[type]} as r` as "trademarks as r")
    .innerJoin("users as u", "u.id", "r.last_verified_by")
    .select(["r.last_verified_at as at", "u.display_name as name"])
    .where("r.id", "=", id)
    .where("r.last_verified_at", "is not", null)
    .executeTakeFirst();
}
