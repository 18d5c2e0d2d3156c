import { migrateToLatest } from "../db/migrate";
import { seedReference } from "../db/seed/reference";
import { seedSampleCatalogue } from "../db/seed/sample";
import { imageStorage } from "../app/images/storage.server";
import { sampleImageMaker } from "./lib/sample-images";
import { SAMPLE_PASSWORD, seedSampleAccounts } from "../db/seed/sample-accounts";
import { seedSampleEvent } from "../db/seed/sample-event";
import { hashPassword } from "../app/auth/password.server";
import { log, runCli } from "./lib/cli";

// `npm run db:seed` seeds the reference data and the sample catalogue; `-- --reference-only` (and NODE_ENV=production)
// seeds the reference data alone.
await runCli(async ({ db, config }) => {
  const referenceOnly = process.argv.includes("--reference-only") || config.NODE_ENV === "production";
  await migrateToLatest(db);
  await seedReference(db);
  log("reference data seeded");
  if (!referenceOnly) {
    // the configured store, as the app's own first-start seeding (scripts/lib/boot.ts): the bucket when S3_BUCKET is set
    await seedSampleCatalogue(db, sampleImageMaker(imageStorage()));
    await seedSampleAccounts(db, await hashPassword(SAMPLE_PASSWORD));
    await seedSampleEvent(db);
    log("sample catalogue seeded (labelled 示例数据)");
  }
  log("search picks the changes up through the outbox (the running app, or npm run search:sync)");
});
