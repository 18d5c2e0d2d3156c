import { sql } from "kysely";
import type { Executor } from "../client";
import { changeRecipientStatus } from "./inquiry-lines";

// Booth leads that arrived past a limit (issue 19) wait as 'held' until the exhibitor (in its inbox) or fair staff
// (for the whole event) accept them; accepting makes them 'new', exactly like a lead that never waited.

/** The event's held leads, oldest first, with their booth and what the buyer wrote (staff see contacts anyway). */
export async function heldLeadsOfEvent(db: Executor, eventId: number) {
  return db
    .selectFrom("inquiry_recipients as r")
    .innerJoin("inquiries as i", "i.id", "r.inquiry_id")
    .innerJoin("organizations as o", "o.id", "r.organization_id")
    .leftJoin("event_exhibitors as x", (j) => j.onRef("x.organization_id", "=", "r.organization_id").onRef("x.event_id", "=", "i.event_id"))
    .select([
      "r.id",
      "r.held_reason",
      "r.created_at",
      "i.buyer_name",
      "i.buyer_organization",
      "i.buyer_email",
      "i.buyer_phone",
      "i.buyer_wechat",
      "i.message",
      "o.name_zh",
      "o.name_en",
      "x.hall",
      "x.booth",
    ])
    .where("i.event_id", "=", eventId)
    .where("r.status", "=", "held")
    .orderBy("r.created_at")
    .orderBy("r.id")
    .limit(500)
    .execute();
}

/** How many of the event's leads wait to be accepted (the manage screen's button shows it). */
export async function countHeldLeadsOfEvent(db: Executor, eventId: number) {
  const row = await db
    .selectFrom("inquiry_recipients as r")
    .innerJoin("inquiries as i", "i.id", "r.inquiry_id")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("i.event_id", "=", eventId)
    .where("r.status", "=", "held")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Accepts held leads of the event (the given ones, or all), recorded in each thread's status history as staff's. */
export async function acceptHeldLeadsOfEvent(db: Executor, eventId: number, recipientIds: number[] | "all", userId: number | null = null) {
  let q = db
    .updateTable("inquiry_recipients as r")
    .set({ status: "new", updated_at: sql`now()` })
    .where("r.status", "=", "held")
    .where("r.inquiry_id", "in", (eb) => eb.selectFrom("inquiries").select("id").where("event_id", "=", eventId));
  if (recipientIds !== "all") q = q.where("r.id", "in", recipientIds.length ? recipientIds : [-1]);
  const accepted = await q.returning("r.id").execute();
  if (accepted.length > 0) {
    await db
      .insertInto("inquiry_status_changes")
      .values(
        accepted.map((r) => ({ recipient_id: r.id, from_status: "held" as const, to_status: "new" as const, by_role: "staff" as const, by_user_id: userId })),
      )
      .execute();
  }
  return accepted.length;
}

/** The exhibitor accepts one held lead of its own inbox (kept in the status history); false when there is none such. */
export async function acceptHeldLead(db: Executor, organizationId: number, recipientId: number, userId: number | null = null) {
  return changeRecipientStatus(db, recipientId, "new", { role: "producer", userId }, { from: ["held"], organizationId });
}
