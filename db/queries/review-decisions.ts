import { sql, type Transaction } from "kysely";
import { jsonb } from "../json";
import type { Database } from "../schema";
import { setAuditActor, writeAudit } from "./audit";
import { countyExists } from "./places";
import { applyProductForm } from "./producer-products";
import type { ProductInput } from "./record-inputs";
import { applyRevisionPictures, revisionPictures } from "./product-pictures";
import { ORG_FIELDS, owningOrganization, pick, TRADEMARK_FIELDS } from "./review-item";
import { announce, epoch, TABLE, type Decision, type ReviewEntity, type ReviewKind, type Values } from "./review";

// Decisions on waiting items: lock, check the version the reviewer saw, apply, announce to search, audit — one transaction.

export type DecisionResult = "ok" | "not_found" | "stale" | "credit_blocked" | "duplicate_key" | "invalid_reference";

async function applyRevision(trx: Transaction<Database>, entity: ReviewEntity, id: number, data: Values, actorId: number): Promise<DecisionResult> {
  if (entity === "product") {
    await applyProductForm(trx, id, data as unknown as ProductInput, { updated_by: actorId });
    // files of pictures the revision dropped are swept by the caller after the commit (reviewPictureKeys)
    const pictures = revisionPictures(data);
    if (pictures) await applyRevisionPictures(trx, id, pictures);
    return "ok";
  }
  if (entity === "organization") {
    const v = pick(data, ORG_FIELDS);
    // checked at submission too; a county removed since (or a revision written before that check) must not 500 here
    if (v.county_id !== undefined && v.county_id !== null && !(await countyExists(trx, Number(v.county_id)))) return "invalid_reference";
    if (v.credit_code) {
      const other = await trx
        .selectFrom("organizations")
        .select("id")
        .where("credit_code", "=", String(v.credit_code))
        .where("id", "<>", id)
        .executeTakeFirst();
      if (other) return "duplicate_key";
    }
    await trx
      .updateTable("organizations")
      .set({ ...(v as Record<string, never>), contacts: jsonb(Array.isArray(data.contacts) ? data.contacts : []), updated_by: actorId, updated_at: sql`now()` })
      .where("id", "=", id)
      .execute();
    return "ok";
  }
  const v = pick(data, TRADEMARK_FIELDS);
  if (v.reg_no) {
    const other = await trx.selectFrom("trademarks").select("id").where("reg_no", "=", String(v.reg_no)).where("id", "<>", id).executeTakeFirst();
    if (other) return "duplicate_key";
  }
  await trx
    .updateTable("trademarks")
    .set({ ...(v as Record<string, never>), updated_by: actorId, updated_at: sql`now()` })
    .where("id", "=", id)
    .execute();
  if (Array.isArray(data.nice_classes)) {
    const classes = (data.nice_classes as unknown[]).map(Number).filter((n) => Number.isInteger(n) && n >= 1 && n <= 45);
    await trx.deleteFrom("trademark_classes").where("trademark_id", "=", id).execute();
    if (classes.length) {
      await trx
        .insertInto("trademark_classes")
        .values(classes.map((c) => ({ trademark_id: id, class_no: c, goods: (v.goods as string | null) ?? null })))
        .execute();
    }
  }
  return "ok";
}

/**
 * Approves, rejects or sends back one waiting item. `version` is what the reviewer saw (the submission time): if the
 * producer changed or re-submitted since, nothing happens and "stale" is returned. Approval is refused while the
 * organisation carries a credit mark (经营异常 / 严重违法失信).
 */
export async function decide(
  trx: Transaction<Database>,
  input: { kind: ReviewKind; id: number; version: string; decision: Decision; comment: string | null; actorId: number },
): Promise<DecisionResult> {
  const { kind, id, decision, comment, actorId } = input;
  await setAuditActor(trx, actorId);
  let entity: ReviewEntity;
  let entityId: number;
  let revision: { id: number; data: Values } | undefined;
  if (kind === "revision") {
    const r = await trx
      .selectFrom("record_revisions")
      .select(["id", "entity_type", "entity_id", "data", "status", epoch("submitted_at").as("version")])
      .where("id", "=", id)
      .where("entity_type", "in", ["product", "organization", "trademark"])
      .forUpdate()
      .executeTakeFirst();
    if (!r) return "not_found";
    if (r.status !== "submitted" || r.version !== input.version) return "stale";
    entity = r.entity_type as ReviewEntity;
    entityId = r.entity_id;
    revision = { id: r.id, data: r.data };
  } else {
    entity = kind;
    entityId = id;
  }
  const row = await trx
    .selectFrom(TABLE[entity])
    .select(["id", "status", epoch("submitted_at").as("version")])
    .where("id", "=", entityId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return "not_found";
  if (!revision && (row.status !== "submitted" || row.version !== input.version)) return "stale";

  if (decision === "approve") {
    const org = await owningOrganization(trx, entity, entityId);
    if (org && org.credit_status !== "normal") return "credit_blocked";
  }

  if (revision) {
    if (decision === "approve") {
      const applied = await applyRevision(trx, entity, entityId, revision.data, actorId);
      if (applied !== "ok") return applied;
    }
    const status = decision === "approve" ? "approved" : decision === "reject" ? "rejected" : "changes_requested";
    await trx
      .updateTable("record_revisions")
      .set({ status, reviewed_by: actorId, reviewed_at: sql`now()`, review_comment: comment, updated_at: sql`now()` })
      .where("id", "=", revision.id)
      .execute();
    // the producer's screens show the live row's comment once the revision is closed
    if (decision !== "request_changes") {
      await trx
        .updateTable(TABLE[entity])
        .set({ review_comment: decision === "reject" ? comment : null })
        .where("id", "=", entityId)
        .execute();
    }
  } else {
    const status = decision === "approve" ? "published" : decision === "reject" ? "rejected" : "draft";
    await trx
      .updateTable(TABLE[entity])
      .set({ status, review_comment: comment, updated_by: actorId, updated_at: sql`now()` })
      .where("id", "=", entityId)
      .execute();
  }
  if (decision === "approve") await announce(trx, entity, entityId);
  await writeAudit(trx, {
    actorId,
    action: decision,
    entityType: entity,
    entityId,
    before: { status: row.status },
    after: revision ? { revision: revision.id } : { status: decision === "approve" ? "published" : decision === "reject" ? "rejected" : "draft" },
    note: comment,
  });
  return "ok";
}
