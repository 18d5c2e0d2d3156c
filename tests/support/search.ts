import { inject } from "vitest";
import { ensureCatalogIndex } from "../../app/search/catalog-index.server";
import { createSearchContext, type SearchContext } from "../../app/search/client.server";

let counter = 0;

/** A search context on the run's Meilisearch with its own index prefix; `drop` deletes its indexes. */
export async function createTestSearch(options: { timeoutMs?: number } = {}): Promise<SearchContext & { prefix: string; drop(): Promise<void> }> {
  const prefix = `t${inject("runId")}_${process.pid}_${++counter}_`;
  const ctx = createSearchContext({ url: inject("meiliUrl"), key: inject("meiliKey"), prefix, timeoutMs: options.timeoutMs ?? 5000 });
  await ensureCatalogIndex(ctx);
  return {
    ...ctx,
    prefix,
    drop: async () => {
      const { results } = await ctx.client.getIndexes({ limit: 1000 });
      for (const index of results.filter((i) => i.uid.startsWith(prefix))) await ctx.client.deleteIndex(index.uid).waitTask();
    },
  };
}
