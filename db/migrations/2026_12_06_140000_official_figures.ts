import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// The city's official figures, entered by staff (issue 21): the catalogue holds only some of Haidong's trademarks,
// so /stats sets the city's own published number for a year, with its source, beside the catalogue's count instead of
// a percentage of the target computed from the catalogue. One value per metric and year; the metric codes are the
// app's (app/domain/official-figures.ts). Who entered a figure and when is kept here and in the audit log.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table official_figures (
  id bigserial primary key,
  metric varchar(40) not null check (metric ~ '^[a-z_]+$'),
  year smallint not null check (year between 2000 and 2100),
  value integer not null check (value >= 0),
  source_text varchar(300) not null check (btrim(source_text) <> ''),
  source_url varchar(500) check (source_url ~ '^https://'),
  entered_by bigint references users(id) on delete set null,
  entered_at timestamptz not null default now(),
  unique (metric, year)
)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table official_figures`.execute(db);
}
