import type { Db } from "../../db/client";
import { databaseNow, searchEntitiesChangedSince } from "../../db/queries/outbox";
import { ensureCatalogIndex } from "./catalog-index.server";
import type { SearchContext } from "./client.server";
import { documentBuilders, ENTITY_TYPES } from "./documents.server";
import { applyEntities } from "./sync.server";

/**
 * Zero-downtime rebuild: fill a fresh index from PostgreSQL, replay what changed meanwhile, swap it in atomically,
 * replay once more (changes made during the swap), then drop the old copy.
 */
export async function reindexCatalog(db: Db, search: SearchContext, log: (msg: string) => void = () => undefined) {
  const startedAt = await databaseNow(db);
  const buildName = `${search.indexName}_build_${Date.now()}`;
  await ensureCatalogIndex(search, buildName);
  const build = search.client.index(buildName);
  let total = 0;
  // Chunks are sent without waiting for each: Meilisearch batches consecutive additions to one index together, and the
  // next entity type's documents are built from PostgreSQL while the previous ones are being indexed.
  const pending: { type: string; task: ReturnType<typeof build.addDocuments> }[] = [];
  for (const type of ENTITY_TYPES) {
    const docs = await documentBuilders[type](db, undefined);
    for (let i = 0; i < docs.length; i += 5000) {
      const task = build.addDocuments(docs.slice(i, i + 5000), { primaryKey: "id" });
      // a refused request is reported by waitTask below; until then it must not count as an unhandled rejection
      task.catch(() => undefined);
      pending.push({ type, task });
    }
    total += docs.length;
    log(`${type}: ${docs.length} documents`);
  }
  for (const { type, task } of pending) {
    const done = await task.waitTask({ timeout: 300_000 });
    if (done.status !== "succeeded") throw new Error(`indexing ${type} failed: ${done.error?.message ?? done.status}`);
  }
  await applyEntities(db, search, await searchEntitiesChangedSince(db, startedAt), buildName);
  await ensureCatalogIndex(search);
  const swap = await search.client.swapIndexes([{ indexes: [search.indexName, buildName], rename: false }]).waitTask({ timeout: 60_000 });
  if (swap.status !== "succeeded") throw new Error(`swap failed: ${swap.error?.message ?? swap.status}`);
  await applyEntities(db, search, await searchEntitiesChangedSince(db, startedAt));
  await search.client.deleteIndex(buildName).waitTask({ timeout: 60_000 });
  return total;
}
