import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// Issue 17 / decision 039: search documents gained fields the ranking reads (record_rank: the official record first,
// samples last; certificate_nos) and a product's text lost its producer's name. Documents indexed before lack them and
// would rank last, so every published record is announced to the search outbox once: the worker re-indexes them in
// batches, as after a bulk import, with no step for the operator to remember. (The fallback's search table was
// backfilled by 2026_12_07_120000.) On an empty database this queues nothing.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    insert into search_outbox (entity_type, entity_id)
    select 'gi', id from gi_products where status = 'published'
    union all select 'trademark', id from trademarks where status = 'published'
    union all select 'regional_brand', id from regional_brands where status = 'published'
    union all select 'organization', id from organizations where status = 'published'
    union all select 'product', id from products where status = 'published'
  `.execute(db);
}

export async function down(): Promise<void> {
  // re-indexing is not structure: nothing to undo
}
