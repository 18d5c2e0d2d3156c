import { copyStoredFiles } from "../app/platform/copy-stored-files.server";
import { fileImageStorage, imageStorage } from "../app/images/storage.server";
import { configOrExit, log } from "./lib/cli";

// npm run images:migrate: once, when a catalogue that kept its pictures on disk moves them to the bucket. Copies every
// picture under $DATA_DIR/images that the bucket (S3_BUCKET) does not hold yet; safe to run again (keys are content
// hashes), and the disk copy stays until the operator removes it. Needs no database.
const config = configOrExit();
if (!config.S3_BUCKET) {
  console.error("images:migrate copies $DATA_DIR/images into the bucket: set S3_BUCKET (and S3_ENDPOINT, credentials) first");
  process.exit(2);
}
try {
  const { copied, skipped } = await copyStoredFiles(fileImageStorage(config.dataDir), imageStorage(), { concurrency: 8 });
  log(`copied ${copied} picture files from ${config.dataDir}/images to bucket ${config.S3_BUCKET}; ${skipped} were already there`);
} catch (e) {
  console.error(`[haidong] images:migrate failed: ${(e as Error).message}`);
  process.exit(1);
}
