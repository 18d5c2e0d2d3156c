import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// Product recycle bin (issue 21): deleting a product moves it to the producer's 回收站 for 30 days instead of removing it
// at once. A binned product keeps its row, certifications, pictures and open revision; it is marked by `deleted_at` and
// its status becomes 'archived' (so every public read, all of which ask for 'published', and the review queue, which asks
// for 'submitted', leave it out without a change), while `status_before_delete` remembers what restoring gives back.
// The constraint keeps the three in step; the partial index serves the bin list and the daily purge.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `alter table products add column deleted_at timestamptz;
alter table products add column status_before_delete text check (status_before_delete in ('draft','submitted','published','rejected','archived'));
alter table products add constraint products_binned_in_step check (
  (deleted_at is null and status_before_delete is null) or (deleted_at is not null and status_before_delete is not null and status = 'archived')
);
create index products_deleted_at_idx on products (deleted_at) where deleted_at is not null;`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `update products set status = status_before_delete where deleted_at is not null;
drop index products_deleted_at_idx;
alter table products drop constraint products_binned_in_step;
alter table products drop column status_before_delete;
alter table products drop column deleted_at;`,
    )
    .execute(db);
}
