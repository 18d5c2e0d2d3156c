import { sql, type Transaction } from "kysely";
import { jsonb } from "../json";
import type { Database, RevisionEntity } from "../schema";

// The one open revision of a published record (decision record 009): producers' edits collect here until review.

const OPEN = ["draft", "submitted", "changes_requested"] as const;

/** Stores the edit as the record's open revision (creating it, or replacing its data and reopening it as a draft). */
export async function saveOpenRevision(trx: Transaction<Database>, entity: RevisionEntity, entityId: number, data: Record<string, unknown>, userId: number) {
  const updated = await trx
    .updateTable("record_revisions")
    .set({ data: jsonb(data), status: "draft", updated_at: sql`now()` })
    .where("entity_type", "=", entity)
    .where("entity_id", "=", entityId)
    .where("status", "in", [...OPEN])
    .returning("id")
    .executeTakeFirst();
  if (!updated)
    await trx
      .insertInto("record_revisions")
      .values({ entity_type: entity, entity_id: entityId, data: jsonb(data), created_by: userId })
      .execute();
}

/** Sends the open revision to the review queue; "nothing" when there is no unsubmitted edit. */
export async function submitOpenRevision(trx: Transaction<Database>, entity: RevisionEntity, entityId: number) {
  const revision = await trx
    .updateTable("record_revisions")
    .set({ status: "submitted", submitted_at: sql`now()` })
    .where("entity_type", "=", entity)
    .where("entity_id", "=", entityId)
    .where("status", "in", ["draft", "changes_requested"])
    .returning("id")
    .executeTakeFirst();
  return revision ? ("submitted" as const) : ("nothing" as const);
}
