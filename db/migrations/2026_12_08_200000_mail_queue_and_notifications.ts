import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// Issue 18 items 5 and 6 (docs/decisions/042-mail-queue-and-notifications.md):
// - mail_queue: every outgoing e-mail, written in the same transaction as the change it reports and sent by a worker
//   (app/notifications/mail-worker.server.ts). The idempotency key is unique, so one event never enqueues twice; a row
//   is claimed ('sending' with a lease) before it is sent, so two app processes never send it twice. 'kept': no
//   SMTP_URL was configured, the message stays here and staff read it at /staff/outbox.
// - notifications: the in-site list and badge (/notifications).
// - mail_preferences: opt-outs per address, set through the signed link at the foot of every e-mail.
// - users.locale: the language a signed-in person's mail is written in (null: Chinese, the site's default).
// - inquiry_buyer_mail: the language an anonymous buyer wrote in, and their private link sealed (AES-GCM) so the
//   reply mail can carry it; the link itself is still stored only hashed on inquiries.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table mail_queue (
      id bigserial primary key,
      idempotency_key text not null unique check (length(idempotency_key) between 1 and 200),
      to_address text not null check (length(to_address) between 3 and 254),
      user_id bigint references users(id) on delete set null,
      locale text not null check (locale in ('zh-CN', 'en')),
      kind text not null check (length(kind) between 1 and 40),
      subject text not null,
      body_text text not null,
      message_id text not null,
      status text not null default 'queued' check (status in ('queued', 'sending', 'sent', 'failed', 'kept')),
      attempts integer not null default 0 check (attempts >= 0),
      next_attempt_at timestamptz not null default now(),
      lease_until timestamptz,
      last_error text,
      sent_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index mail_queue_due on mail_queue (next_attempt_at) where status in ('queued', 'sending');
    create index mail_queue_created_at on mail_queue (created_at desc);
    create index mail_queue_user_id on mail_queue (user_id);

    create table notifications (
      id bigserial primary key,
      user_id bigint not null references users(id) on delete cascade,
      kind text not null check (length(kind) between 1 and 40),
      -- the event told of (the mail queue's idempotency key): one notice per person per event
      event_key text not null check (length(event_key) between 1 and 200),
      params jsonb not null default '{}'::jsonb,
      link_path text check (link_path like '/%'),
      created_at timestamptz not null default now(),
      read_at timestamptz
    );
    create unique index notifications_user_event on notifications (user_id, event_key);
    create index notifications_user_created on notifications (user_id, created_at desc);
    create index notifications_unread on notifications (user_id) where read_at is null;

    create table mail_preferences (
      address text primary key check (address = lower(address)),
      all_off boolean not null default false,
      off_kinds text[] not null default '{}',
      updated_at timestamptz not null default now()
    );

    alter table users add column locale text check (locale in ('zh-CN', 'en'));

    create table inquiry_buyer_mail (
      inquiry_id bigint primary key references inquiries(id) on delete cascade,
      locale text not null check (locale in ('zh-CN', 'en')),
      sealed_link text
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table inquiry_buyer_mail;
    alter table users drop column locale;
    drop table mail_preferences;
    drop table notifications;
    drop table mail_queue;
  `.execute(db);
}
