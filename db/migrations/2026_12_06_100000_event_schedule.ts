import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// The public event page shows the fair's schedule (日程, issue 19): a short list of items ({date, time?, title_zh,
// title_en?, place_zh?}) kept on the event as one jsonb array. Staff edit it as a whole on the manage screen and the
// app checks every item (app/events/schedule.ts); the database insists on an array, so a page never reads anything else.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `alter table events add column schedule jsonb not null default '[]'::jsonb;
alter table events add constraint events_schedule_is_array check (jsonb_typeof(schedule) = 'array');`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`alter table events drop column schedule;`).execute(db);
}
