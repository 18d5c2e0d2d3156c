import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// Review and trust: an append-only audit log (field-level changes to published records are written by triggers, so no
// code path can change a public record without a trace), and misuse reports (假冒/滥用地理标志) from the public with
// their staff notes.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
-- Append-only: who did what to which record, and for changed fields the value before and after. actor_id is not a
-- foreign key on purpose: a deleted account must not take its history with it (and SET NULL would be an update).
create table audit_log (
  id bigserial primary key,
  at timestamptz not null default now(),
  actor_id bigint,
  action varchar(40) not null,
  entity_type varchar(40) not null,
  entity_id bigint not null,
  field varchar(80),
  before jsonb,
  after jsonb,
  note text
);
create index audit_log_entity on audit_log (entity_type, entity_id, id);
create index audit_log_at on audit_log (at);
create index audit_log_actor on audit_log (actor_id, at);
create index audit_log_action on audit_log (action, at);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end $$;
create trigger audit_log_no_update before update or delete on audit_log for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log for each statement execute function audit_log_append_only();

-- Field-level history of records while they are (or become, or stop being) published. The acting user comes from
-- the transaction-local setting app.actor_id (set by staff actions), else from the row's updated_by.
-- TG_ARGV[0]: the entity type written to the log; TG_ARGV[1] = 'always' for tables without a status column.
create function audit_record_change() returns trigger language plpgsql as $$
declare
  old_j jsonb := to_jsonb(old);
  new_j jsonb := to_jsonb(new);
  k text;
  actor bigint := coalesce(nullif(current_setting('app.actor_id', true), '')::bigint, (new_j->>'updated_by')::bigint);
begin
  if tg_argv[1] is distinct from 'always' and old_j->>'status' <> 'published' and new_j->>'status' <> 'published' then
    return new;
  end if;
  for k in select jsonb_object_keys(new_j) loop
    continue when k in ('updated_at', 'updated_by');
    if old_j->k is distinct from new_j->k then
      insert into audit_log (actor_id, action, entity_type, entity_id, field, before, after)
      values (actor, 'change', tg_argv[0], (new_j->>'id')::bigint, k, old_j->k, new_j->k);
    end if;
  end loop;
  return new;
end $$;
create trigger products_audit after update on products for each row execute function audit_record_change('product', 'published');
create trigger organizations_audit after update on organizations for each row execute function audit_record_change('organization', 'published');
create trigger trademarks_audit after update on trademarks for each row execute function audit_record_change('trademark', 'published');
create trigger gi_products_audit after update on gi_products for each row execute function audit_record_change('gi', 'published');
create trigger regional_brands_audit after update on regional_brands for each row execute function audit_record_change('regional_brand', 'published');
create trigger gi_authorised_users_audit after update on gi_authorised_users for each row execute function audit_record_change('gi_authorised_user', 'always');
create trigger regional_brand_licences_audit after update on regional_brand_licences for each row execute function audit_record_change('regional_brand_licence', 'always');

-- Reports of counterfeit or misused GIs from the public. The reporter gets a case number and a private status link:
-- only the SHA-256 of its token is stored. client_key is a hash of the client address, kept for throttling only.
create table misuse_reports (
  id bigserial primary key,
  case_no varchar(20) not null unique,
  status_token_hash char(64) not null unique,
  status text not null default 'new' check (status in ('new','investigating','referred','closed')),
  what_seen text not null,
  gi_product_id bigint references gi_products(id) on delete set null,
  place_kind text not null check (place_kind in ('shop','market','online')),
  place_name varchar(300),
  online_url varchar(500) check (online_url is null or online_url ~ '^https?://'),
  seen_on date,
  contact varchar(200),
  client_key char(64) not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (place_kind <> 'online' or online_url is not null)
);
create index misuse_reports_status on misuse_reports (status, created_at);
create index misuse_reports_client on misuse_reports (client_key, created_at);

create table misuse_report_notes (
  id bigserial primary key,
  report_id bigint not null references misuse_reports(id) on delete cascade,
  author_id bigint references users(id),
  body text not null,
  status_from text,
  status_to text,
  created_at timestamptz not null default now()
);
create index misuse_report_notes_report on misuse_report_notes (report_id, id);
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `drop table if exists misuse_report_notes, misuse_reports, audit_log cascade;
       drop trigger if exists products_audit on products;
       drop trigger if exists organizations_audit on organizations;
       drop trigger if exists trademarks_audit on trademarks;
       drop trigger if exists gi_products_audit on gi_products;
       drop trigger if exists regional_brands_audit on regional_brands;
       drop trigger if exists gi_authorised_users_audit on gi_authorised_users;
       drop trigger if exists regional_brand_licences_audit on regional_brand_licences;
       drop function if exists audit_record_change(), audit_log_append_only();`,
    )
    .execute(db);
}
