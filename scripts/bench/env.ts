import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { ensureCatalogIndex } from "../../app/search/catalog-index.server";
import { createSearchContext, type SearchContext } from "../../app/search/client.server";
import { createDb, type Db } from "../../db/client";
import { startEmbeddedMeili, type EmbeddedMeili } from "../embedded/meilisearch";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../embedded/postgres";
import { messageLog } from "../../app/platform/log.server";
import { prepareCatalogue } from "../lib/boot";
import { config } from "../../app/platform/config.server";

// A fresh database (on DATABASE_URL's server, or a dedicated embedded PostgreSQL) and a dedicated Meilisearch, both in
// a temp dir that close() removes again.

export interface BenchEnv {
  tmp: string;
  databaseUrl: string;
  meiliUrl: string;
  meiliKey: string;
  meiliPid: number;
  postgresPid: number | null;
  indexPrefix: string;
  db: Db;
  search: SearchContext;
  close(): Promise<void>;
}

/** `sample`: also the sample catalogue, as `npm start` serves it (search:eval judges queries over both). */
export async function openBenchEnv(log: (m: string) => void, { sample = false } = {}): Promise<BenchEnv> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "haidong-bench-"));
  // as root PostgreSQL runs as the postgres user, which must be able to enter the temp dir
  fs.chmodSync(tmp, 0o755);
  const cleanups: (() => Promise<void>)[] = [async () => fs.rmSync(tmp, { recursive: true, force: true })];
  // Each step is bounded: closing the pool waits for a running query, and one stuck (a fallback query at --scale 10
  // ran for minutes) must not keep the embedded servers from being stopped after it.
  const bounded = (step: () => Promise<void>) =>
    Promise.race([step(), new Promise<void>((_, reject) => setTimeout(() => reject(new Error("timed out after 15 s")), 15_000).unref())]);
  const close = async () => {
    for (const c of cleanups.splice(0).reverse()) await bounded(c).catch((e: Error) => log(`cleanup: ${e.message}`));
  };
  try {
    let databaseUrl: string;
    let pg: EmbeddedPostgres | undefined;
    const operatorDatabase = config().DATABASE_URL;
    if (operatorDatabase) {
      const name = `haidong_bench_${Date.now()}`;
      const admin = postgres(operatorDatabase, { max: 1, onnotice: () => undefined });
      await admin.unsafe(`create database ${name}`);
      await admin.end();
      const url = new URL(operatorDatabase);
      url.pathname = `/${name}`;
      databaseUrl = url.toString();
      cleanups.push(async () => {
        const a = postgres(operatorDatabase, { max: 1, onnotice: () => undefined });
        await a.unsafe(`drop database if exists ${name} with (force)`);
        await a.end();
      });
    } else {
      pg = await startEmbeddedPostgres({ dir: path.join(tmp, "postgres"), passwordFile: path.join(tmp, "pg-password"), database: "bench" });
      databaseUrl = pg.url;
      cleanups.push(() => pg!.stop());
    }
    const meili: EmbeddedMeili = await startEmbeddedMeili({
      dir: path.join(tmp, "meili"),
      keyFile: path.join(tmp, "meili-key"),
      binDir: path.join(tmp, "bin"),
    });
    cleanups.push(() => meili.stop());
    const indexPrefix = "bench_";
    const db = createDb(databaseUrl, { max: 8 });
    cleanups.push(() => db.destroy());
    await prepareCatalogue(db, { log: messageLog(log), seed: true, sample });
    const search = createSearchContext({ url: meili.url, key: meili.key, prefix: indexPrefix, timeoutMs: 30_000 });
    // the index settings first, as the server's worker applies them before its first batch
    await ensureCatalogIndex(search);
    return { tmp, databaseUrl, meiliUrl: meili.url, meiliKey: meili.key, meiliPid: meili.pid, postgresPid: pg?.pid ?? null, indexPrefix, db, search, close };
  } catch (e) {
    await close();
    throw e;
  }
}
