import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// Accounts, server-side sessions, staff-issued password resets, sign-in throttling, and revisions of published records
// (a producer's edit of a published record waits for review without changing what the public sees).

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
create extension if not exists citext;

create table users (
  id bigserial primary key,
  email citext unique,
  phone varchar(20) unique,
  password_hash text not null,
  display_name varchar(100),
  role text not null default 'producer' check (role in ('producer','reviewer','fair_staff','admin')),
  organization_id bigint references organizations(id),
  disabled_at timestamptz,
  is_sample boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (email is not null or phone is not null)
);
create index users_organization on users (organization_id);

-- The cookie carries a random token; only its SHA-256 is stored, so a database leak yields no usable sessions.
create table sessions (
  token_hash char(64) primary key,
  user_id bigint not null references users(id) on delete cascade,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  user_agent varchar(300),
  client_address varchar(64)
);
create index sessions_user on sessions (user_id);
create index sessions_expires on sessions (expires_at);

create table password_reset_tokens (
  token_hash char(64) primary key,
  user_id bigint not null references users(id) on delete cascade,
  created_by bigint references users(id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);

create table sign_in_attempts (
  id bigserial primary key,
  account_key varchar(200) not null,
  client_key varchar(64) not null,
  succeeded boolean not null,
  created_at timestamptz not null default now()
);
create index sign_in_attempts_account on sign_in_attempts (account_key, created_at);
create index sign_in_attempts_client on sign_in_attempts (client_key, created_at);

-- Pending changes to a published record: the live row stays as reviewed until a reviewer approves the revision.
create table record_revisions (
  id bigserial primary key,
  entity_type text not null check (entity_type in ('organization','trademark','product','gi_authorised_user','regional_brand_licence')),
  entity_id bigint not null,
  data jsonb not null,
  status text not null default 'draft' check (status in ('draft','submitted','approved','rejected','changes_requested')),
  created_by bigint references users(id),
  submitted_at timestamptz,
  reviewed_by bigint references users(id),
  reviewed_at timestamptz,
  review_comment text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index record_revisions_open on record_revisions (entity_type, entity_id) where status in ('draft','submitted','changes_requested');

-- Reviewer comments on records submitted for the first time (revisions carry their own comment).
alter table products add column review_comment text;
alter table organizations add column review_comment text;
alter table trademarks add column review_comment text;
alter table products add column submitted_at timestamptz;
alter table organizations add column submitted_at timestamptz;
alter table trademarks add column submitted_at timestamptz;
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `drop table if exists record_revisions, sign_in_attempts, password_reset_tokens, sessions, users cascade;
       alter table products drop column if exists review_comment, drop column if exists submitted_at;
       alter table organizations drop column if exists review_comment, drop column if exists submitted_at;
       alter table trademarks drop column if exists review_comment, drop column if exists submitted_at;`,
    )
    .execute(db);
}
