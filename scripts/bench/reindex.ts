import { catalogSettings } from "../../app/search/catalog-index.server";
import { documentBuilders, ENTITY_TYPES } from "../../app/search/documents.server";
import { reindexCatalog } from "../../app/search/reindex.server";
import type { BenchEnv } from "./env";
import { makeRow, type BenchRow } from "./stats";

// The full reindex + swap (what `npm run search:reindex` runs, in-process so the tsx start-up is not counted) vs one
// raw addDocuments of the same documents into an empty index carrying the same settings.

export async function benchReindex(env: BenchEnv): Promise<BenchRow[]> {
  let t0 = performance.now();
  const total = await reindexCatalog(env.db, env.search);
  const reindexMs = performance.now() - t0;

  const docs = [];
  for (const type of ENTITY_TYPES) docs.push(...(await documentBuilders[type](env.db, undefined)));
  const name = `${env.indexPrefix}reindex_baseline`;
  await env.search.client.createIndex(name, { primaryKey: "id" }).waitTask();
  await env.search.client.index(name).updateSettings(catalogSettings).waitTask();
  t0 = performance.now();
  const task = await env.search.client.index(name).addDocuments(docs, { primaryKey: "id" }).waitTask({ timeout: 600_000 });
  const baseMs = performance.now() - t0;
  if (task.status !== "succeeded") throw new Error(`reindex baseline: ${task.error?.message}`);
  await env.search.client.deleteIndex(name).waitTask();
  if (total !== docs.length) throw new Error(`reindex wrote ${total} documents, baseline ${docs.length}`);
  return [makeRow("reindex", reindexMs / 1000, "s", baseMs / 1000, { kind: "ratioAtMost", max: 1.2 })];
}
