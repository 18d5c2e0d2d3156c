import { sql } from "kysely";
import { enqueueSearchSync } from "../../db/queries/outbox";
import type { BenchEnv } from "./env";
import { makeRow, percentile, type BenchRow } from "./stats";

// Save → searchable through the running server's outbox worker: a product's name changes and is queued in one
// transaction (what every save does), then we poll Meilisearch until the new name is found.

export async function benchSync(env: BenchEnv, quick: boolean): Promise<BenchRow[]> {
  const ids = await env.db
    .selectFrom("products")
    .select("id")
    .orderBy("id")
    .limit(quick ? 10 : 30)
    .execute();
  const index = env.search.client.index(env.search.indexName);
  const ms: number[] = [];
  for (const [n, { id }] of ids.entries()) {
    const marker = `同步测试${n}号${Date.now() % 100000}`;
    const t0 = performance.now();
    await env.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("products")
        .set({ name_zh: marker, updated_at: sql`now()` })
        .where("id", "=", id)
        .execute();
      await enqueueSearchSync(trx, "product", [id]);
    });
    const deadline = t0 + 15_000;
    let seen = false;
    while (!seen && performance.now() < deadline) {
      const res = await index.search<{ name_zh: string }>(marker, { limit: 1, attributesToRetrieve: ["name_zh"] });
      seen = res.hits[0]?.name_zh === marker;
      if (!seen) await new Promise((r) => setTimeout(r, 20));
    }
    ms.push(seen ? performance.now() - t0 : 15_000);
  }
  return [
    makeRow("sync.p50", percentile(ms, 50), "ms", null, { kind: "reported" }),
    makeRow("sync.p95", percentile(ms, 95), "ms", null, { kind: "valueAtMost", max: 2000 }),
  ];
}
