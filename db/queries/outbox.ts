import { sql, type Kysely, type Transaction } from "kysely";
import type { Database, SearchEntityType } from "../schema";
import { refreshSearchRecords } from "./search-table";

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Announces that these records changed; call it inside the transaction that changes them. It also rewrites their rows
 * of the fallback's search table (db/queries/search-table.ts) in that transaction, so a rollback undoes both.
 */
export async function enqueueSearchSync(executor: Executor, entityType: SearchEntityType, entityIds: number[]) {
  if (entityIds.length === 0) return;
  for (let i = 0; i < entityIds.length; i += 5000) {
    await executor
      .insertInto("search_outbox")
      .values(entityIds.slice(i, i + 5000).map((entity_id) => ({ entity_type: entityType, entity_id })))
      .execute();
  }
  await refreshSearchRecords(executor, entityType, entityIds);
}

export interface ClaimedEvent {
  id: number;
  entity_type: SearchEntityType;
  entity_id: number;
  attempts: number;
}

/**
 * Leases up to `limit` due events. SKIP LOCKED plus a lease lets several app servers drain the same outbox without
 * handing one event to two workers; an expired lease (a worker that died) makes the event due again.
 *
 * A record whose earlier event is leased to another worker is not handed out: that worker read the record before this
 * change and may write its (older) document after ours, and Meilisearch keeps the last write. Claims take a short
 * transaction-level advisory lock so that two claims cannot both miss each other's fresh leases.
 */
export async function claimSearchEvents(db: Kysely<Database>, limit: number, leaseSeconds = 120): Promise<ClaimedEvent[]> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('haidong:search_outbox:claim'))`.execute(trx);
    const rows = await sql<ClaimedEvent>`
      update search_outbox set locked_until = now() + make_interval(secs => ${leaseSeconds})
      where id in (
        select id from search_outbox
        where processed_at is null and available_at <= now() and (locked_until is null or locked_until < now())
          and (entity_type, entity_id) not in (
            select entity_type, entity_id from search_outbox where processed_at is null and locked_until >= now()
          )
        order by id
        limit ${limit}
        for update skip locked
      )
      returning id, entity_type, entity_id, attempts`.execute(trx);
    return rows.rows;
  });
}

export async function ackSearchEvents(db: Kysely<Database>, ids: number[]) {
  if (ids.length === 0) return;
  await db
    .updateTable("search_outbox")
    .set({ processed_at: sql`now()`, locked_until: null, last_error: null })
    .where("id", "in", ids)
    .execute();
}

/** Puts events back with exponential backoff (1 s, 2 s, 4 s … capped at 5 min). */
export async function retrySearchEvents(db: Kysely<Database>, ids: number[], error: string) {
  if (ids.length === 0) return;
  await db
    .updateTable("search_outbox")
    .set({
      attempts: sql`attempts + 1`,
      locked_until: null,
      last_error: error.slice(0, 1000),
      available_at: sql`now() + least(interval '5 minutes', interval '1 second' * power(2, attempts))`,
    })
    .where("id", "in", ids)
    .execute();
}

export async function pendingSearchEventCount(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("search_outbox")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("processed_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Entities whose index documents may have changed since `since`, for replaying into a rebuilt index: announced since
 * then, or indexed since then (an event announced by a transaction that began earlier but committed after the rebuild
 * read its rows), or not yet indexed at all.
 */
export async function searchEntitiesChangedSince(db: Kysely<Database>, since: Date) {
  return db
    .selectFrom("search_outbox")
    .select(["entity_type", "entity_id"])
    .distinct()
    .where((eb) => eb.or([eb("created_at", ">=", since as never), eb("processed_at", ">=", since as never), eb("processed_at", "is", null)]))
    .execute();
}

export async function databaseNow(db: Kysely<Database>): Promise<Date> {
  const row = await sql<{ now: Date }>`select clock_timestamp() as now`.execute(db);
  return row.rows[0]!.now;
}

export async function purgeProcessedSearchEvents(db: Kysely<Database>, olderThanDays: number) {
  await db
    .deleteFrom("search_outbox")
    .where("processed_at", "<", sql<Date>`now() - make_interval(days => ${olderThanDays})`)
    .execute();
}
