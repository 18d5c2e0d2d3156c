import type { Db } from "../../db/client";
import type { SearchEntityType } from "../../db/schema";
import { ackSearchEvents, claimSearchEvents, purgeProcessedSearchEvents, retrySearchEvents, type ClaimedEvent } from "../../db/queries/outbox";
import type { SearchContext } from "./client.server";
import { ensureCatalogIndex } from "./catalog-index.server";
import { documentBuilders } from "./documents.server";

/**
 * Brings the named records in `indexName` up to date with PostgreSQL: re-reads each one, writes the published ones and
 * deletes the rest. Re-reading (instead of trusting event payloads) makes events idempotent and order-independent.
 * Resolves only after Meilisearch reports the tasks succeeded.
 */
export async function applyEntities(db: Db, search: SearchContext, entities: { entity_type: SearchEntityType; entity_id: number }[], indexName = search.indexName) {
  const byType = new Map<SearchEntityType, number[]>();
  for (const e of entities) byType.set(e.entity_type, [...(byType.get(e.entity_type) ?? []), e.entity_id]);
  const index = search.client.index(indexName);
  for (const [type, rawIds] of byType) {
    const ids = [...new Set(rawIds)];
    const docs = await documentBuilders[type](db, ids);
    const present = new Set(docs.map((d) => d.record_id));
    const gone = ids.filter((id) => !present.has(id)).map((id) => `${type}-${id}`);
    if (docs.length > 0) {
      const task = await index.addDocuments(docs, { primaryKey: "id" }).waitTask({ timeout: 60_000, interval: 25 });
      if (task.status !== "succeeded") throw new Error(`add documents ${task.status}: ${task.error?.message ?? ""}`);
    }
    if (gone.length > 0) {
      const task = await index.deleteDocuments(gone).waitTask({ timeout: 60_000, interval: 25 });
      if (task.status !== "succeeded") throw new Error(`delete documents ${task.status}: ${task.error?.message ?? ""}`);
    }
  }
}

/** Drains one batch of the outbox; returns how many events were handled (0 when nothing was due). */
export async function drainOutboxOnce(db: Db, search: SearchContext, batchSize = 2000): Promise<number> {
  const events: ClaimedEvent[] = await claimSearchEvents(db, batchSize);
  if (events.length === 0) return 0;
  const ids = events.map((e) => e.id);
  try {
    await applyEntities(db, search, events);
  } catch (e) {
    await retrySearchEvents(db, ids, (e as Error).message);
    throw e;
  }
  await ackSearchEvents(db, ids);
  return events.length;
}

/**
 * Drains until nothing is due; for `npm run search:sync`, imports and tests. Bigger batches than the worker's: after an
 * import each Meilisearch task carries a fixed cost, so fewer, larger tasks finish sooner.
 */
export async function drainOutbox(db: Db, search: SearchContext): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await drainOutboxOnce(db, search, 5000);
    if (n === 0) return total;
    total += n;
  }
}

export interface SyncWorker {
  stop(): Promise<void>;
}

/**
 * The in-server worker: polls every `idleMs` while idle, loops at once while busy, and logs (not throws) failures.
 * It applies the index settings before its first batch, so the app can start while Meilisearch is still down.
 */
export function startSyncWorker(db: Db, search: SearchContext, options: { idleMs?: number; log?: (msg: string) => void } = {}): SyncWorker {
  const idleMs = options.idleMs ?? 200;
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
        }
        handled = await drainOutboxOnce(db, search);
        lastError = "";
        if (Date.now() - lastPurge > 3_600_000) {
          lastPurge = Date.now();
          await purgeProcessedSearchEvents(db, 7);
        }
      } catch (e) {
        // log each distinct failure once, not every poll while Meilisearch is down
        const message = (e as Error).message;
        if (message !== lastError) options.log?.(`search sync: ${message}`);
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
