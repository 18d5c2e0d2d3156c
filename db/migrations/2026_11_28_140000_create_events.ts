import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// Trade fairs (产销对接会): events, exhibitors with hall and booth, a curated catalogue of sections filled by hand and/or
// from a saved search (resolved live through the public product read model), versions frozen at a cut-off (snapshot rows;
// what is added later reads as an addendum), and the kiosk's own shortlist and its one-time hand-off to a phone.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
create table events (
  id bigserial primary key,
  name_zh varchar(200) not null,
  name_en varchar(200),
  starts_on date not null,
  ends_on date not null,
  venue_zh varchar(200) not null,
  venue_en varchar(200),
  organiser_zh varchar(200) not null,
  organiser_en varchar(200),
  status text not null default 'draft' check (status in ('draft','published','closed')),
  is_sample boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_on >= starts_on)
);
create index events_status_starts on events (status, starts_on);

create table event_exhibitors (
  id bigserial primary key,
  event_id bigint not null references events(id) on delete cascade,
  organization_id bigint not null references organizations(id) on delete cascade,
  hall varchar(20),
  booth varchar(20) not null,
  unique (event_id, organization_id)
);
create index event_exhibitors_organization on event_exhibitors (organization_id);

-- A section lists its hand-picked entries first (in their order), then what its saved search finds today among the
-- event's exhibitors' published products. saved_query: {"q": text, "county_id": number, "category": text} or null.
create table event_sections (
  id bigserial primary key,
  event_id bigint not null references events(id) on delete cascade,
  title_zh varchar(200) not null,
  title_en varchar(200),
  position integer not null,
  saved_query jsonb,
  created_at timestamptz not null default now()
);
create index event_sections_event on event_sections (event_id, position);

create table event_entries (
  id bigserial primary key,
  section_id bigint not null references event_sections(id) on delete cascade,
  product_id bigint not null references products(id) on delete cascade,
  position integer not null,
  note_zh text,
  note_en text,
  added_at timestamptz not null default now(),
  unique (section_id, product_id)
);
create index event_entries_section on event_entries (section_id, position);

-- A frozen version of the catalogue at its cut-off: the rows as resolved then (search results included).
create table event_catalogue_versions (
  id bigserial primary key,
  event_id bigint not null references events(id) on delete cascade,
  version integer not null,
  cutoff_at timestamptz not null,
  created_at timestamptz not null default now(),
  unique (event_id, version)
);

create table event_catalogue_rows (
  version_id bigint not null references event_catalogue_versions(id) on delete cascade,
  section_id bigint,
  section_title_zh varchar(200) not null,
  section_title_en varchar(200),
  section_position integer not null,
  product_id bigint not null references products(id) on delete cascade,
  position integer not null,
  note_zh text,
  note_en text,
  primary key (version_id, section_position, product_id)
);

-- The kiosk's shortlist, keyed by the SHA-256 of the kiosk session's cookie token; cleared when the kiosk resets.
create table kiosk_sessions (
  id bigserial primary key,
  event_id bigint not null references events(id) on delete cascade,
  token_hash char(64) not null unique,
  created_at timestamptz not null default now()
);

create table kiosk_shortlist_items (
  kiosk_session_id bigint not null references kiosk_sessions(id) on delete cascade,
  product_id bigint not null references products(id) on delete cascade,
  added_at timestamptz not null default now(),
  primary key (kiosk_session_id, product_id)
);

-- A one-time hand-off of a kiosk shortlist to a phone: only the token's SHA-256 is kept; used_at marks it spent.
create table kiosk_handoffs (
  token_hash char(64) primary key,
  event_id bigint not null references events(id) on delete cascade,
  product_ids bigint[] not null,
  created_at timestamptz not null default now(),
  used_at timestamptz
);
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `drop table if exists kiosk_handoffs, kiosk_shortlist_items, kiosk_sessions, event_catalogue_rows, event_catalogue_versions,
       event_entries, event_sections, event_exhibitors, events cascade;`,
    )
    .execute(db);
}
