import path from "node:path";
import { ensureCatalogIndex } from "../app/search/catalog-index.server";
import { reindexCatalog } from "../app/search/reindex.server";
import { rebuildSearchTable } from "../db/queries/search-table";
import { copyDirectory, restoreDatabase } from "../db/backup";
import { migrateToLatest } from "../db/migrate";
import { log, runCli } from "./lib/cli";
import { EVIDENCE_DIR, evidenceStorage, fileEvidenceStorage } from "../app/evidence/storage.server";
import { copyStoredFiles } from "../app/platform/copy-stored-files.server";
import { fileImageStorage, imageStorage } from "../app/images/storage.server";

// npm run restore -- <dir>: into an empty database (migrated here first), images back into $DATA_DIR/images (or
// uploaded into the bucket when S3_BUCKET is set; what it already holds is skipped), and the search index rebuilt from
// the restored database.
await runCli(async ({ services, config, db, search }) => {
  const dir = process.argv[2];
  if (!dir) {
    console.error("usage: npm run restore -- <dir>");
    return 2;
  }
  const source = path.resolve(dir);
  await migrateToLatest(db);
  const manifest = await restoreDatabase(services.databaseUrl, source);
  const images = config.S3_BUCKET
    ? (await copyStoredFiles(fileImageStorage(source), imageStorage())).copied
    : await copyDirectory(path.join(source, "images"), path.join(config.dataDir, "images"));
  const evidence = config.S3_EVIDENCE_BUCKET
    ? (await copyStoredFiles(fileEvidenceStorage(source), evidenceStorage())).copied
    : await copyDirectory(path.join(source, EVIDENCE_DIR), path.join(config.dataDir, EVIDENCE_DIR));
  await ensureCatalogIndex(search);
  const documents = await reindexCatalog(db, search, log);
  // a backup taken before the search table existed has no copy of it
  await rebuildSearchTable(db, log);
  log(`restored ${manifest.tables.length} tables, ${images} image files and ${evidence} evidence files; search rebuilt with ${documents} documents`);
});
