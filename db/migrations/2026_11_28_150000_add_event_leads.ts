import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// Leads at a fair's booth (展位留资): a buyer scanning an exhibitor's booth QR code leaves a contact and an interest.
// A lead is an inquiry (source 'booth', tagged with the event) so the producer's inbox, reply thread, deal outcomes and
// privacy rules apply unchanged; it has no quantity or delivery window, so those columns become optional for leads
// only. Booth-page views are counted per exhibitor per day (China time) with no visitor data at all.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
alter table inquiries
  add column source text not null default 'shortlist' check (source in ('shortlist','booth')),
  add column event_id bigint references events(id) on delete set null,
  alter column quantity drop not null,
  alter column quantity_unit drop not null,
  alter column delivery_from drop not null,
  alter column delivery_to drop not null,
  alter column destination_province drop not null;
-- an inquiry from the shortlist still states its need in full; only a booth lead may leave it out
alter table inquiries add constraint inquiries_need_stated check (
  source = 'booth'
  or (quantity is not null and quantity_unit is not null and delivery_from is not null and delivery_to is not null
      and destination_province is not null)
);
create index inquiries_event on inquiries (event_id) where event_id is not null;

create table event_booth_views (
  exhibitor_id bigint not null references event_exhibitors(id) on delete cascade,
  day date not null,
  views integer not null default 0 check (views >= 0),
  primary key (exhibitor_id, day)
);
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
drop table if exists event_booth_views;
delete from inquiries where source = 'booth';
alter table inquiries drop constraint if exists inquiries_need_stated;
drop index if exists inquiries_event;
alter table inquiries
  drop column if exists event_id,
  drop column if exists source,
  alter column quantity set not null,
  alter column quantity_unit set not null,
  alter column delivery_from set not null,
  alter column delivery_to set not null,
  alter column destination_province set not null;
`,
    )
    .execute(db);
}
