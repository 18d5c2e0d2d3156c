import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// Issue 18, item 8 — personal information as PIPL (个人信息保护法) requires:
// - consents: each form that collects a person's contact records the consent given, with its time and the version of
//   the text shown (purpose: account, buyer_profile, inquiry, lead);
// - privacy_settings: at most one row (none = the default, 24 months; a restore must find the table empty); how long anonymous buyers' inquiries and leads keep their contact details (months);
// - inquiries.anonymised_at: when an inquiry's personal data was erased (retention, or its sender deleted the account);
// - users.deleted_at: an account its owner deleted — the row stays as a tombstone with every personal field erased,
//   so the records that point at it (revisions, deals, audit) keep their integrity.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table consents (
      id bigserial primary key,
      purpose text not null check (purpose in ('account', 'buyer_profile', 'inquiry', 'lead')),
      text_version text not null check (length(text_version) between 1 and 40),
      user_id bigint references users(id) on delete set null,
      inquiry_id bigint references inquiries(id) on delete cascade,
      given_at timestamptz not null default now()
    );
    create index consents_user_id on consents (user_id);
    create index consents_inquiry_id on consents (inquiry_id);
    create table privacy_settings (
      id integer primary key default 1 check (id = 1),
      anonymous_retention_months integer not null default 24 check (anonymous_retention_months between 1 and 120),
      updated_by bigint references users(id) on delete set null,
      updated_at timestamptz not null default now()
    );
    alter table inquiries add column anonymised_at timestamptz;
    -- an erased inquiry keeps no e-mail or phone: the "a contact is given" rule holds until then
    do $$
    declare c text;
    begin
      select conname into c from pg_constraint
       where conrelid = 'inquiries'::regclass and contype = 'c'
         and pg_get_constraintdef(oid) like '%buyer_email IS NOT NULL%buyer_phone IS NOT NULL%';
      if c is not null then execute format('alter table inquiries drop constraint %I', c); end if;
    end $$;
    alter table inquiries add constraint inquiries_contact_given check (anonymised_at is not null or buyer_email is not null or buyer_phone is not null);
    create index inquiries_anonymous_created_at on inquiries (created_at) where buyer_user_id is null and anonymised_at is null;
    alter table users add column deleted_at timestamptz;
    -- likewise a deleted account keeps neither e-mail nor phone
    do $$
    declare c text;
    begin
      select conname into c from pg_constraint
       where conrelid = 'users'::regclass and contype = 'c'
         and pg_get_constraintdef(oid) like '%email IS NOT NULL%phone IS NOT NULL%';
      if c is not null then execute format('alter table users drop constraint %I', c); end if;
    end $$;
    alter table users add constraint users_account_given check (deleted_at is not null or email is not null or phone is not null);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table users drop constraint users_account_given;
    delete from sessions where user_id in (select id from users where deleted_at is not null);
    update users set email = 'erased-' || id || '@invalid' where deleted_at is not null;
    alter table users add constraint users_check check (email is not null or phone is not null);
    alter table users drop column deleted_at;
    drop index inquiries_anonymous_created_at;
    alter table inquiries drop constraint inquiries_contact_given;
    update inquiries set buyer_email = 'erased@invalid' where anonymised_at is not null;
    alter table inquiries add constraint inquiries_check check (buyer_email is not null or buyer_phone is not null);
    alter table inquiries drop column anonymised_at;
    drop table privacy_settings;
    drop table consents;
  `.execute(db);
}
