import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// One table of throttle events for every PostgreSQL sliding window that is not counted from its own records (issue
// 16): the buyers' inquiry/reply throttle already had one, sign-up and password reset need the same, so the table is
// renamed and opened to any scope instead of growing a copy per feature. Keys are hashes (addresses are not stored).
// account_notices: what an account's owner must be told at the next sign-in (there is no e-mail or SMS yet), e.g.
// that someone tried to sign up with their address, which sign-up itself must not reveal to the requester.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `alter table matching_throttle_events rename to throttle_events;
alter table throttle_events rename column action to scope;
alter table throttle_events rename column client_key to key_hash;
alter table throttle_events drop constraint matching_throttle_events_action_check;
alter table throttle_events add constraint throttle_events_scope check (scope ~ '^[a-z][a-z_-]{0,39}$');
alter index matching_throttle_events_client rename to throttle_events_key;
alter sequence matching_throttle_events_id_seq rename to throttle_events_id_seq;

create table account_notices (
  id bigserial primary key,
  user_id bigint not null references users(id) on delete cascade,
  kind text not null check (kind in ('signup_attempt')),
  times integer not null default 1,
  first_at timestamptz not null default now(),
  last_at timestamptz not null default now(),
  seen_at timestamptz
);
-- one open notice per account and kind: repeated attempts count up instead of piling rows
create unique index account_notices_open on account_notices (user_id, kind) where seen_at is null;
create index account_notices_user on account_notices (user_id);
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `drop table if exists account_notices;
delete from throttle_events where scope not in ('inquiry','reply');
alter table throttle_events drop constraint throttle_events_scope;
alter table throttle_events add constraint matching_throttle_events_action_check check (scope in ('inquiry','reply'));
alter index throttle_events_key rename to matching_throttle_events_client;
alter sequence throttle_events_id_seq rename to matching_throttle_events_id_seq;
alter table throttle_events rename column key_hash to client_key;
alter table throttle_events rename column scope to action;
alter table throttle_events rename to matching_throttle_events;`,
    )
    .execute(db);
}
