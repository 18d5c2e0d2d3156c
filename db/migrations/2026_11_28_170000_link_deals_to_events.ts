import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// deals.event_id was created before the events table existed (2026_11_28_120000), so it had no foreign key and a deal
// could name an event that never existed. It now references events(id) ON DELETE SET NULL: a deal is a business outcome
// that the statistics count (成交 totals against the plan's targets), so removing an event must neither erase the deals
// made there (CASCADE) nor be refused because deals mention it (RESTRICT); the deal stays and counts as made outside a
// fair — the same rule inquiries.event_id follows for booth leads. Numbers that name no event are cleared first: they
// carried no meaning the report could use.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
update deals set event_id = null
  where event_id is not null and not exists (select 1 from events e where e.id = deals.event_id);
alter table deals
  add constraint deals_event_id_fkey foreign key (event_id) references events(id) on delete set null;
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`alter table deals drop constraint if exists deals_event_id_fkey;`).execute(db);
}
