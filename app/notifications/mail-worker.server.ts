import nodemailer from "nodemailer";
import type { Db } from "../../db/client";
import { claimDueMail, failAbandonedMail, markMailAttemptFailed, markMailSent, type ClaimedMail } from "../../db/queries/mail-queue";
import { quietLog, type EventLog } from "../platform/log.server";

// The mail queue's sender (docs/decisions/042-mail-queue-and-notifications.md), run in every app process beside the
// search sync worker (scripts/lib/serve.ts) only when SMTP_URL is set. The queue lives in PostgreSQL, so the app
// servers stay stateless and any number of them may drain it:
// - a row is claimed first (status 'sending', a lease, the attempt counted; FOR UPDATE SKIP LOCKED), so two processes
//   never send one message;
// - it keeps one Message-ID through every attempt;
// - a refused or failed attempt is retried with exponential backoff, up to `maxAttempts`, then 'failed' (staff can
//   send it again from /staff/outbox); a permanent refusal (5xx) fails at once;
// - a row left 'sending' past its lease (the process died mid-send) is marked failed, not resent: the server may have
//   accepted it, and a duplicate is worse than a message staff look at.

export interface MailWorkerOptions {
  smtpUrl: string;
  from: string;
  /** poll interval while the queue is empty */
  idleMs?: number;
  /** the first retry's delay; each later one doubles it */
  baseDelayMs?: number;
  maxAttempts?: number;
  /** how long a claimed row is this worker's; past it the row is taken as abandoned */
  leaseSeconds?: number;
  batch?: number;
  log?: EventLog;
}

export const MAIL_DEFAULTS = { idleMs: 2000, baseDelayMs: 60_000, maxAttempts: 6, leaseSeconds: 300, batch: 20 } as const;

export interface MailWorker {
  /** one pass: claims what is due and sends it; the number of messages handled */
  drainOnce(): Promise<number>;
  stop(): Promise<void>;
}

/** The delay before attempt `attempts + 1`, or null when `attempts` was the last one allowed. */
export function retryDelay(attempts: number, baseDelayMs: number, maxAttempts: number): number | null {
  if (attempts >= maxAttempts) return null;
  return baseDelayMs * 2 ** (attempts - 1);
}

function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

/** A transport for SMTP_URL; smtp:// upgrades with STARTTLS when the server offers it, smtps:// is TLS from the start. */
export function createTransport(smtpUrl: string) {
  return nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 });
}

/** Creates the worker; `start: false` leaves the loop to the caller's `drainOnce` (tests). */
export function startMailWorker(db: Db, options: MailWorkerOptions, { start = true } = {}): MailWorker {
  const o = { ...MAIL_DEFAULTS, ...options };
  const log = options.log ?? quietLog;
  const transport = createTransport(o.smtpUrl);

  async function sendOne(row: ClaimedMail) {
    try {
      await transport.sendMail({ from: o.from, to: row.to_address, subject: row.subject, text: row.body_text, messageId: row.message_id });
      await markMailSent(db, row.id);
      log.info({ event: "mail.sent", id: row.id, attempts: row.attempts }, "mail sent");
    } catch (e) {
      const delay = isPermanent(e) ? null : retryDelay(row.attempts, o.baseDelayMs, o.maxAttempts);
      await markMailAttemptFailed(db, row.id, (e as Error).message ?? String(e), delay);
      log.warn({ event: delay === null ? "mail.failed" : "mail.retry", id: row.id, attempts: row.attempts, err: e }, `mail: ${(e as Error).message}`);
    }
  }

  async function drainOnce(): Promise<number> {
    await failAbandonedMail(db);
    const rows = await claimDueMail(db, o.batch, o.leaseSeconds);
    for (const row of rows) await sendOne(row);
    return rows.length;
  }

  let running = start;
  let wake: (() => void) | undefined;
  const loop = start
    ? (async () => {
        let lastError = "";
        while (running) {
          let handled = 0;
          try {
            handled = await drainOnce();
            lastError = "";
          } catch (e) {
            const message = (e as Error).message;
            if (message !== lastError) log.warn({ event: "mail.worker.failed", err: e }, `mail queue: ${message}`);
            lastError = message;
          }
          if (handled === 0 && running) {
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, o.idleMs);
              wake = () => {
                clearTimeout(timer);
                resolve();
              };
            });
          }
        }
      })()
    : Promise.resolve();

  return {
    drainOnce,
    stop: async () => {
      running = false;
      wake?.();
      await loop;
      transport.close();
    },
  };
}
