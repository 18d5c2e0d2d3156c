import path from "node:path";
import { backupDatabase, copyDirectory } from "../db/backup";
import { log, runCli } from "./lib/cli";
import { EVIDENCE_DIR, evidenceStorage, fileEvidenceStorage } from "../app/evidence/storage.server";
import { copyStoredFiles } from "../app/platform/copy-stored-files.server";
import { fileImageStorage, imageStorage } from "../app/images/storage.server";

// npm run backup -- <dir>: the database (consistent snapshot), the image files (from $DATA_DIR/images, or downloaded
// from the bucket when S3_BUCKET is set: the backup is a folder either way) and the private claim evidence.
await runCli(async ({ services, config }) => {
  const dir = process.argv[2];
  if (!dir) {
    console.error("usage: npm run backup -- <dir>");
    return 2;
  }
  const target = path.resolve(dir);
  const manifest = await backupDatabase(services.databaseUrl, target);
  // pictures written after the database snapshot are in the copy too; the ones it needs are all there
  const images = config.S3_BUCKET
    ? (await copyStoredFiles(imageStorage(), fileImageStorage(target))).copied
    : await copyDirectory(path.join(config.dataDir, "images"), path.join(target, "images"));
  const evidence = config.S3_EVIDENCE_BUCKET
    ? (await copyStoredFiles(evidenceStorage(), fileEvidenceStorage(target))).copied
    : await copyDirectory(path.join(config.dataDir, EVIDENCE_DIR), path.join(target, EVIDENCE_DIR));
  log(
    `backed up ${manifest.tables.length} tables (${manifest.tables.reduce((n, t) => n + t.rows, 0)} rows), ${images} image files and ${evidence} evidence files to ${target}`,
  );
});
