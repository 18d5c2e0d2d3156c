import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { fallbackCatalog } from "../../app/search/fallback.server";
import { catalogQueryFromParams, searchCatalog, type CatalogQuery } from "../../app/search/query.server";
import { ensureCatalogIndex } from "../../app/search/catalog-index.server";
import { createSearchContext } from "../../app/search/client.server";
import { parseSearchParams } from "../../app/search/params-schema";
import { resolveCounty } from "../../app/search/places.server";
import { drainOutbox } from "../../app/search/sync.server";
import { messageLog } from "../../app/platform/log.server";
import { createDb } from "../../db/client";
import { startEmbeddedMeili } from "../embedded/meilisearch";
import { prepareCatalogue } from "../lib/boot";

// success@3 of the degraded mode beside Meilisearch's, on a judged query set (issue 17):
//   DATABASE_URL=postgres://… npx tsx scripts/bench/judged-fallback.ts <module exporting judgedSet>
// A fresh database on DATABASE_URL's server, seeded with the reference data and the sample catalogue (what the judged
// set is written over), indexed into a private Meilisearch through the outbox; both dropped at the end.
// success@3: one of the query's `first` records (or, where it names none, its `relevant` ones) among the first three
// hits; over the queries that have an answer. Unfindable queries: the share answered with no results.

interface Judged {
  q: string;
  class: string;
  filters?: Record<string, string[]>;
  first?: string[];
  relevant?: string[];
}

const [modulePath] = process.argv.slice(2);
const server = process.env.DATABASE_URL;
if (!modulePath || !server) {
  console.error("usage: DATABASE_URL=postgres://… npx tsx scripts/bench/judged-fallback.ts <judged-set module>");
  process.exit(2);
}
const { judgedSet } = (await import(path.resolve(modulePath))) as { judgedSet: Judged[] };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "haidong-judged-"));
process.env.DATA_DIR = tmp;
const name = `haidong_judged_${Date.now()}`;
const admin = postgres(server, { max: 1, onnotice: () => undefined });
await admin.unsafe(`create database ${name}`);
const url = new URL(server);
url.pathname = `/${name}`;
const db = createDb(url.toString(), { max: 4 });
const meili = await startEmbeddedMeili({ dir: path.join(tmp, "meili"), keyFile: path.join(tmp, "meili-key"), binDir: path.join(tmp, "bin") });
try {
  await prepareCatalogue(db, { log: messageLog(() => undefined), seed: true, sample: true });
  const search = createSearchContext({ url: meili.url, key: meili.key, prefix: "judged_", timeoutMs: 30_000 });
  await ensureCatalogIndex(search);
  await drainOutbox(db, search);

  const toQuery = (j: Judged): CatalogQuery => {
    const params = new URLSearchParams({ q: j.q });
    for (const [k, vs] of Object.entries(j.filters ?? {})) for (const v of vs) params.append(k, v);
    const parsed = parseSearchParams(params, { allowed: ["q", ...Object.keys(j.filters ?? {})], resolveCounty });
    if (!parsed.ok) throw new Error(`judged query ${JSON.stringify(j)} is invalid: ${JSON.stringify(parsed.problems)}`);
    return { ...catalogQueryFromParams(parsed.value), page: 1, perPage: 10 };
  };
  const score = async (run: (q: CatalogQuery) => Promise<{ hits: { type: string; name_zh: string }[]; total: number }>) => {
    let answered = 0;
    let success = 0;
    let unfindable = 0;
    let empty = 0;
    const byClass = new Map<string, [number, number]>();
    for (const j of judgedSet) {
      const res = await run(toQuery(j));
      const refs = res.hits.slice(0, 3).map((h) => `${h.type}:${h.name_zh}`);
      const wanted = j.first?.length ? j.first : (j.relevant ?? []);
      if (wanted.length === 0) {
        unfindable++;
        if (res.total === 0) empty++;
        continue;
      }
      answered++;
      const ok = refs.some((r) => wanted.includes(r));
      if (ok) success++;
      const c = byClass.get(j.class) ?? [0, 0];
      byClass.set(j.class, [c[0] + (ok ? 1 : 0), c[1] + 1]);
    }
    return { success3: success / answered, answered, unfindableEmpty: unfindable ? empty / unfindable : null, unfindable, byClass };
  };
  const meiliScore = await score((q) => searchCatalog(db, search, q));
  const fallbackScore = await score((q) => fallbackCatalog(db, q));
  console.log(`judged queries: ${judgedSet.length} (${meiliScore.answered} with an answer, ${meiliScore.unfindable} unfindable)`);
  console.log(`success@3  Meilisearch ${meiliScore.success3.toFixed(3)}  fallback ${fallbackScore.success3.toFixed(3)}`);
  console.log(
    `unfindable answered with no results  Meilisearch ${meiliScore.unfindableEmpty?.toFixed(3)}  fallback ${fallbackScore.unfindableEmpty?.toFixed(3)}`,
  );
  console.log("by class (success@3 Meilisearch / fallback, of n):");
  for (const [c, [m, n]] of meiliScore.byClass) console.log(`  ${c.padEnd(14)} ${m}/${n}  ${fallbackScore.byClass.get(c)?.[0] ?? 0}/${n}`);
} finally {
  await db.destroy();
  await meili.stop();
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
  fs.rmSync(tmp, { recursive: true, force: true });
}
