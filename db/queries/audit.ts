import { sql, type Kysely, type Transaction } from "kysely";
import { jsonb } from "../json";
import { chinaDayStartSql } from "./china-day";
import type { Database } from "../schema";

type Executor = Kysely<Database> | Transaction<Database>;

// The audit log is append-only (a trigger refuses UPDATE, DELETE and TRUNCATE). Field changes to published records
// are written by triggers (see the review-and-trust migration); staff actions are written here, in the transaction
// of the action itself, so an action and its trace commit or roll back together.

export type AuditAction =
  | "approve"
  | "reject"
  | "request_changes"
  | "verify_claim"
  | "reject_claim"
  | "revoke_claim"
  | "credit_mark"
  | "credit_clear"
  | "mark_verified"
  | "report_status"
  | "report_note"
  | "reset_link"
  | "disable_user"
  | "enable_user"
  | "claim_filed"
  | "renewal_filed"
  | "supersede_claim"
  | "add_evidence"
  | "remove_evidence"
  | "guidance_restore"
  | "official_figure_set"
  | "official_figure_delete"
  | "export_personal_data"
  | "retention_set"
  | "account_deleted"
  | "change";

export const AUDIT_ACTIONS: readonly AuditAction[] = [
  "approve",
  "reject",
  "request_changes",
  "verify_claim",
  "reject_claim",
  "revoke_claim",
  "credit_mark",
  "credit_clear",
  "mark_verified",
  "report_status",
  "report_note",
  "reset_link",
  "disable_user",
  "enable_user",
  "claim_filed",
  "renewal_filed",
  "supersede_claim",
  "add_evidence",
  "remove_evidence",
  "guidance_restore",
  "official_figure_set",
  "official_figure_delete",
  "export_personal_data",
  "retention_set",
  "account_deleted",
  "change",
];

export const AUDIT_ENTITIES = [
  "product",
  "organization",
  "trademark",
  "gi",
  "regional_brand",
  "gi_authorised_user",
  "regional_brand_licence",
  "revision",
  "misuse_report",
  "user",
  "guidance_text",
  "guidance_contact",
  "official_figure",
  "event",
  "privacy_settings",
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

/** Names the acting user for the field-change triggers for the rest of this transaction. */
export async function setAuditActor(trx: Transaction<Database>, userId: number) {
  await sql`select set_config('app.actor_id', ${String(userId)}, true)`.execute(trx);
}

export async function writeAudit(
  executor: Executor,
  entry: {
    actorId: number | null;
    action: AuditAction;
    entityType: AuditEntity;
    entityId: number;
    field?: string;
    before?: unknown;
    after?: unknown;
    note?: string | null;
  },
) {
  await executor
    .insertInto("audit_log")
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      field: entry.field ?? null,
      before: entry.before === undefined ? null : jsonb(entry.before),
      after: entry.after === undefined ? null : jsonb(entry.after),
      note: entry.note ?? null,
    })
    .execute();
}

export interface AuditFilter {
  entityType?: string;
  entityId?: number;
  actorId?: number;
  action?: string;
  from?: string;
  to?: string;
}

/** Newest first, with the actor's name; `page` is 1-based. */
export async function listAudit(db: Executor, filter: AuditFilter, page = 1, perPage = 50) {
  let q = db.selectFrom("audit_log as a").leftJoin("users as u", "u.id", "a.actor_id");
  if (filter.entityType) q = q.where("a.entity_type", "=", filter.entityType);
  if (filter.entityId) q = q.where("a.entity_id", "=", filter.entityId);
  if (filter.actorId) q = q.where("a.actor_id", "=", filter.actorId);
  if (filter.action) q = q.where("a.action", "=", filter.action);
  // dates are days in China (the catalogue's time zone)
  if (filter.from) q = q.where(sql<boolean>`a.at >= ${chinaDayStartSql(sql`${filter.from}::date`)}`);
  if (filter.to) q = q.where(sql<boolean>`a.at < ${chinaDayStartSql(sql`${filter.to}::date + 1`)}`);
  const [rows, total] = await Promise.all([
    q
      .select([
        "a.id",
        "a.at",
        "a.actor_id",
        "a.action",
        "a.entity_type",
        "a.entity_id",
        "a.field",
        "a.before",
        "a.after",
        "a.note",
        sql<string | null>`coalesce(u.display_name, u.email, u.phone)`.as("actor_name"),
      ])
      .orderBy("a.id", "desc")
      .limit(perPage)
      .offset((page - 1) * perPage)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function auditActors(db: Executor) {
  return db
    .selectFrom("users")
    .select(["id", sql<string>`coalesce(display_name, email, phone)`.as("name")])
    .where("role", "in", ["reviewer", "admin"])
    .orderBy("id")
    .execute();
}
