import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { Executor } from "../client";
import type { MailLocale, MailStatus, NotificationKind } from "../schema";

// The outgoing-mail queue (mail_queue; docs/decisions/042-mail-queue-and-notifications.md). Enqueued inside the
// transaction of the change a message reports; sent by app/notifications/mail-worker.server.ts.

export interface NewMail {
  idempotencyKey: string;
  to: string;
  userId: number | null;
  locale: MailLocale;
  kind: NotificationKind;
  subject: string;
  body: string;
  /** false: no SMTP_URL, the row is stored as 'kept' and never sent */
  send: boolean;
}

/** The Message-ID a row keeps through every attempt: a receiving server (or person) can tell a resend from a new mail. */
export function messageIdFor(idempotencyKey: string, domain = "haidong.mail"): string {
  return `<${createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 32)}@${domain}>`;
}

/** Queues one message; the same idempotency key again is a no-op. True when a row was added. */
export async function enqueueMail(db: Executor, mail: NewMail): Promise<boolean> {
  const result = await db
    .insertInto("mail_queue")
    .values({
      idempotency_key: mail.idempotencyKey,
      to_address: mail.to,
      user_id: mail.userId,
      locale: mail.locale,
      kind: mail.kind,
      subject: mail.subject,
      body_text: mail.body,
      message_id: messageIdFor(mail.idempotencyKey),
      status: mail.send ? "queued" : "kept",
    })
    .onConflict((oc) => oc.column("idempotency_key").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export interface ClaimedMail {
  id: number;
  to_address: string;
  subject: string;
  body_text: string;
  message_id: string;
  attempts: number;
}

/**
 * Claims up to `limit` due messages: status 'sending', a lease, and the attempt counted, in one statement under
 * FOR UPDATE SKIP LOCKED, so two workers (two app processes) never hold the same row.
 */
export async function claimDueMail(db: Executor, limit: number, leaseSeconds: number): Promise<ClaimedMail[]> {
  const result = await sql<ClaimedMail>`
    update mail_queue set status = 'sending', attempts = attempts + 1, lease_until = now() + make_interval(secs => ${leaseSeconds})
    where id in (
      select id from mail_queue
      where status = 'queued' and next_attempt_at <= now()
      order by next_attempt_at, id
      limit ${limit}
      for update skip locked
    )
    returning id, to_address, subject, body_text, message_id, attempts`.execute(db);
  return result.rows;
}

/**
 * A row left 'sending' past its lease belongs to a worker that died mid-send: the server may or may not have accepted
 * it, so it is not sent again on its own (never twice) but marked failed for staff to retry or not (never lost).
 */
export async function failAbandonedMail(db: Executor): Promise<number> {
  const result = await db
    .updateTable("mail_queue")
    .set({ status: "failed", last_error: "interrupted while sending: it may or may not have been delivered", lease_until: null })
    .where("status", "=", "sending")
    .where("lease_until", "<", sql<Date>`now()`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function markMailSent(db: Executor, id: number): Promise<void> {
  await db
    .updateTable("mail_queue")
    .set({ status: "sent", sent_at: sql`now()`, lease_until: null, last_error: null })
    .where("id", "=", id)
    .where("status", "=", "sending")
    .execute();
}

/** After a failed attempt: due again after `retryInMs`, or failed for good when `retryInMs` is null. */
export async function markMailAttemptFailed(db: Executor, id: number, error: string, retryInMs: number | null): Promise<void> {
  await db
    .updateTable("mail_queue")
    .set({
      status: retryInMs === null ? "failed" : "queued",
      last_error: error.slice(0, 1000),
      lease_until: null,
      next_attempt_at: retryInMs === null ? sql`next_attempt_at` : sql`now() + make_interval(secs => ${retryInMs / 1000})`,
    })
    .where("id", "=", id)
    .where("status", "=", "sending")
    .execute();
}

/** Staff's retry of a failed message: due now, with a fresh count of attempts. False when it was not failed. */
export async function retryFailedMail(db: Executor, id: number): Promise<boolean> {
  const result = await db
    .updateTable("mail_queue")
    .set({ status: "queued", attempts: 0, next_attempt_at: sql`now()`, last_error: null })
    .where("id", "=", id)
    .where("status", "=", "failed")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export interface OutboxFilter {
  status?: MailStatus;
  limit?: number;
  offset?: number;
}

/** The outbox staff read at /staff/outbox, newest first. */
export async function outboxMessages(db: Executor, filter: OutboxFilter = {}) {
  let q = db
    .selectFrom("mail_queue")
    .select([
      "id",
      "to_address",
      "locale",
      "kind",
      "subject",
      "body_text",
      "message_id",
      "status",
      "attempts",
      "next_attempt_at",
      "last_error",
      "sent_at",
      "created_at",
    ])
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(filter.limit ?? 50)
    .offset(filter.offset ?? 0);
  if (filter.status) q = q.where("status", "=", filter.status);
  return q.execute();
}

export async function outboxCounts(db: Executor): Promise<Record<MailStatus, number>> {
  const rows = await db
    .selectFrom("mail_queue")
    .select(["status", (eb) => eb.fn.countAll<string>().as("n")])
    .groupBy("status")
    .execute();
  const counts: Record<MailStatus, number> = { queued: 0, sending: 0, sent: 0, failed: 0, kept: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}
