import { sql, type Transaction } from "kysely";
import type { Database } from "../schema";
import { setAuditActor, writeAudit } from "./audit";
import { announce, type Executor } from "./review";

// Credit marks (经营异常 / 严重违法失信) set by staff, and the staff view of organisations.

export type CreditStatus = "normal" | "abnormal" | "serious";

/**
 * Sets or clears an organisation's credit mark. Public queries hide marked organisations and their products, so the
 * organisation, its products and trademarks are announced to search in the same transaction and the index follows.
 */
export async function setCreditStatus(
  trx: Transaction<Database>,
  actorId: number,
  organizationId: number,
  mark: { status: CreditStatus; source: string | null; date: string | null; note: string | null },
) {
  await setAuditActor(trx, actorId);
  const org = await trx
    .selectFrom("organizations")
    .select(["id", "credit_status", "credit_status_source", "credit_status_date"])
    .where("id", "=", organizationId)
    .forUpdate()
    .executeTakeFirst();
  if (!org) return "not_found" as const;
  await trx
    .updateTable("organizations")
    .set({
      credit_status: mark.status,
      credit_status_source: mark.status === "normal" ? null : mark.source,
      credit_status_date: mark.status === "normal" ? null : mark.date,
      updated_by: actorId,
      updated_at: sql`now()`,
    })
    .where("id", "=", organizationId)
    .execute();
  await announce(trx, "organization", organizationId);
  await writeAudit(trx, {
    actorId,
    action: mark.status === "normal" ? "credit_clear" : "credit_mark",
    entityType: "organization",
    entityId: organizationId,
    field: "credit_status",
    before: { status: org.credit_status, source: org.credit_status_source, date: org.credit_status_date },
    after: { status: mark.status, source: mark.source, date: mark.date },
    note: mark.note,
  });
  return "ok" as const;
}

/** Organisations for staff, all statuses, optionally filtered by name or credit code. */
export async function staffOrganizations(db: Executor, q: string | null, onlyMarked = false) {
  let query = db
    .selectFrom("organizations")
    .select(["id", "name_zh", "credit_code", "status", "credit_status", "credit_status_date", "is_sample"])
    .orderBy("name_zh")
    .limit(200);
  if (q) query = query.where((eb) => eb.or([eb("name_zh", "like", `%${q.replace(/[\\%_]/g, "\\$&")}%`), eb("credit_code", "=", q.toUpperCase())]));
  if (onlyMarked) query = query.where("credit_status", "<>", "normal");
  return query.execute();
}

export async function staffOrganization(db: Executor, id: number) {
  const org = await db
    .selectFrom("organizations as o")
    .leftJoin("places as c", "c.id", "o.county_id")
    .leftJoin("users as v", "v.id", "o.last_verified_by")
    .select([
      "o.id",
      "o.name_zh",
      "o.name_en",
      "o.credit_code",
      "o.status",
      "o.credit_status",
      "o.credit_status_source",
      "o.credit_status_date",
      "o.is_sample",
      "o.confidence",
      "o.last_verified_at",
      "c.name_zh as county_zh",
      sql<string | null>`coalesce(v.display_name, v.email)`.as("verified_by_name"),
    ])
    .where("o.id", "=", id)
    .executeTakeFirst();
  if (!org) return undefined;
  const [products, trademarks, users] = await Promise.all([
    db.selectFrom("products").select(["id", "name_zh", "status"]).where("organization_id", "=", id).orderBy("name_zh").execute(),
    db.selectFrom("trademarks").select(["id", "name_zh", "reg_no", "status", "last_verified_at"]).where("holder_org_id", "=", id).orderBy("name_zh").execute(),
    db.selectFrom("users").select(["id", "email", "phone", "display_name", "disabled_at"]).where("organization_id", "=", id).orderBy("id").execute(),
  ]);
  return { ...org, products, trademarks, users };
}
