import type { Db } from "../../db/client";
import type { SearchEntityType } from "../../db/schema";
import { ackSearchEvents, claimSearchEvents, retrySearchEvents, type ClaimedEvent } from "../../db/queries/outbox";
import { housekeeping } from "../images/housekeeping.server";
import type { ImageStorage } from "../images/storage.server";
import type { PrivateFileStorage } from "../evidence/storage.server";
import { quietLog, type EventLog } from "../platform/log.server";
import type { SearchContext } from "./client.server";
import { ensureCatalogIndex } from "./catalog-index.server";
import { documentBuilders } from "./documents.server";

/**
 * Sends Meilisearch what the named records in `indexName` now are: re-reads each one, writes the published ones and
 * deletes the rest. Re-reading (instead of trusting event payloads) makes events idempotent and order-independent.
 * Resolves once Meilisearch has accepted the tasks; the returned function resolves when it reports them succeeded.
 */
async function sendEntities(db: Db, search: SearchContext, entities: { entity_type: SearchEntityType; entity_id: number }[], indexName: string) {
  const byType = new Map<SearchEntityType, number[]>();
  for (const e of entities) byType.set(e.entity_type, [...(byType.get(e.entity_type) ?? []), e.entity_id]);
  const index = search.client.index(indexName);
  const tasks: { what: string; uid: number }[] = [];
  for (const [type, rawIds] of byType) {
    const ids = [...new Set(rawIds)];
    const docs = await documentBuilders[type](db, ids);
    const present = new Set(docs.map((d) => d.record_id));
    const gone = ids.filter((id) => !present.has(id)).map((id) => `${type}-${id}`);
    if (docs.length > 0) tasks.push({ what: "add documents", uid: (await index.addDocuments(docs, { primaryKey: "id" })).taskUid });
    if (gone.length > 0) tasks.push({ what: "delete documents", uid: (await index.deleteDocuments(gone)).taskUid });
  }
  return async () => {
    for (const { what, uid } of tasks) {
      const task = await search.client.tasks.waitForTask(uid, { timeout: 60_000, interval: 25 });
      if (task.status !== "succeeded") throw new Error(`${what} ${task.status}: ${task.error?.message ?? ""}`);
    }
  };
}

/** Brings the named records up to date in `indexName`; resolves only after Meilisearch reports the tasks succeeded. */
export async function applyEntities(
  db: Db,
  search: SearchContext,
  entities: { entity_type: SearchEntityType; entity_id: number }[],
  indexName = search.indexName,
) {
  await (
    await sendEntities(db, search, entities, indexName)
  )();
}

/** One claimed batch on its way to Meilisearch: `settle` acks it once Meilisearch confirms, or puts it back. */
async function sendBatch(db: Db, search: SearchContext, batchSize: number) {
  const events: ClaimedEvent[] = await claimSearchEvents(db, batchSize);
  if (events.length === 0) return undefined;
  const ids = events.map((e) => e.id);
  const fail = async (e: unknown) => {
    await retrySearchEvents(db, ids, (e as Error).message);
    throw e;
  };
  const confirmed = await sendEntities(db, search, events, search.indexName).catch(fail);
  return {
    count: events.length,
    settle: async () => {
      await confirmed().catch(fail);
      await ackSearchEvents(db, ids);
    },
  };
}

/** Drains one batch of the outbox; returns how many events were handled (0 when nothing was due). */
export async function drainOutboxOnce(db: Db, search: SearchContext, batchSize = 2000): Promise<number> {
  const batch = await sendBatch(db, search, batchSize);
  await batch?.settle();
  return batch?.count ?? 0;
}

/**
 * Drains until nothing is due; for `npm run search:sync`, imports and tests. Bigger batches than the worker's, and the
 * next batch is read and sent while Meilisearch indexes the previous one (a claimed batch never shares a record with
 * one in flight), so after an import Meilisearch is never idle waiting for us. Each batch is still acknowledged only
 * after Meilisearch confirms it.
 */
export async function drainOutbox(db: Db, search: SearchContext, { batchSize = 5000 } = {}): Promise<number> {
  let total = 0;
  let inFlight: Awaited<ReturnType<typeof sendBatch>>;
  for (;;) {
    // whichever step fails, the other batch is still settled (acked or put back) rather than left to its lease
    const next = await sendBatch(db, search, batchSize).catch(async (e: unknown) => {
      await inFlight?.settle().catch(() => undefined);
      throw e;
    });
    await inFlight?.settle().catch(async (e: unknown) => {
      await next?.settle().catch(() => undefined);
      throw e;
    });
    if (!next) return total;
    inFlight = next;
    total += next.count;
  }
}

export interface SyncWorker {
  stop(): Promise<void>;
}

/**
 * The in-server worker: polls every `idleMs` while idle, loops at once while busy, and logs (not throws) failures.
 * It applies the index settings before its first batch, so the app can start while Meilisearch is still down.
 * Events: outbox.drained (info, once per busy stretch, with its count), outbox.failed (warn, once per distinct
 * failure), outbox.recovered (info), search.index.ready and housekeeping.done (debug).
 */
export function startSyncWorker(
  db: Db,
  search: SearchContext,
  /** storage: where purged products' picture files are swept from (the server's; tests may leave it out) */
  options: { idleMs?: number; log?: EventLog; storage?: ImageStorage; evidence?: PrivateFileStorage } = {},
): SyncWorker {
  const idleMs = options.idleMs ?? 200;
  const log = options.log ?? quietLog;
  // events handled since the outbox was last empty, and since when: one outbox.drained line per busy stretch
  let stretch = { count: 0, since: 0 };
  let running = true;
  let wake: (() => void) | undefined;
  let lastPurge = 0;
  let indexReady = false;
  let lastError = "";
  const loop = (async () => {
    while (running) {
      let handled = 0;
      try {
        // While Meilisearch is down, leave the events alone: claiming them would only push each one's retry further
        // out (exponential backoff), so a ten-minute outage would delay the catch-up by minutes after it ended.
        if (!(await search.client.isHealthy())) throw new Error(`Meilisearch unreachable at ${search.client.config.host}`);
        if (!indexReady) {
          await ensureCatalogIndex(search);
          indexReady = true;
          log.debug({ event: "search.index.ready", index: search.indexName }, "search index settings applied");
        }
        handled = await drainOutboxOnce(db, search);
        if (lastError) log.info({ event: "outbox.recovered" }, "search sync: working again");
        lastError = "";
        if (handled > 0) stretch = { count: stretch.count + handled, since: stretch.since || Date.now() };
        else if (stretch.count > 0) {
          const ms = Date.now() - stretch.since;
          log.info({ event: "outbox.drained", count: stretch.count, ms }, `search sync: ${stretch.count} event(s) indexed`);
          stretch = { count: 0, since: 0 };
        }
        if (Date.now() - lastPurge > 3_600_000) {
          lastPurge = Date.now();
          // old outbox events and products binned 30 days ago (db/queries/product-bin.ts), under one lock
          const purged = await housekeeping(db, options.storage, options.evidence);
          log.debug({ event: "housekeeping.done", ran: !!purged }, "housekeeping done");
        }
      } catch (e) {
        // log each distinct failure once, not every poll while Meilisearch is down
        const message = (e as Error).message;
        if (message !== lastError) log.warn({ event: "outbox.failed", err: e }, `search sync: ${message}`);
        lastError = message;
      }
      if (handled === 0 && running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, idleMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  })();
  return {
    stop: async () => {
      running = false;
      wake?.();
      await loop;
    },
  };
}
