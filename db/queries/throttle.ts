import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../schema";

type Executor = Kysely<Database> | Transaction<Database>;

// Events counted by the PostgreSQL sliding windows of app/platform/throttle.server.ts, one row per counted action.

/** Events of `scope` for `keyHash` in the last `windowSeconds`, and when the oldest of them happened. */
export async function recentThrottleEvents(db: Executor, scope: string, keyHash: string, windowSeconds: number) {
  const row = await db
    .selectFrom("throttle_events")
    .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.min("created_at").as("oldest")])
    .where("key_hash", "=", keyHash)
    .where("scope", "=", scope)
    .where(sql<boolean>`created_at > now() - make_interval(secs => ${windowSeconds})`)
    .executeTakeFirstOrThrow();
  return { n: Number(row.n), oldest: row.oldest as Date | null };
}

export async function recordThrottleEvent(db: Executor, scope: string, keyHash: string) {
  await db.insertInto("throttle_events").values({ scope, key_hash: keyHash }).execute();
}

export async function purgeThrottleEvents(db: Executor, olderThanSeconds: number) {
  await db
    .deleteFrom("throttle_events")
    .where(sql<boolean>`created_at < now() - make_interval(secs => ${olderThanSeconds})`)
    .execute();
}
