import type { Db } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { seedReference } from "../../db/seed/reference";
import { seedSampleCatalogue } from "../../db/seed/sample";
import { SAMPLE_PASSWORD, seedSampleAccounts } from "../../db/seed/sample-accounts";
import { seedSampleEvent } from "../../db/seed/sample-event";
import { seedSampleReview } from "../../db/seed/sample-review";
import type { EventLog } from "../../app/platform/log.server";
import { hashPassword } from "../../app/auth/password.server";
import { imageStorage } from "../../app/images/storage.server";
import { sampleImageMaker } from "./sample-images";

export async function isCatalogueEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom("places").select("id").limit(1).executeTakeFirst();
  return !row;
}

/**
 * Every start: migrate; the first one also seeds the Haidong reference data and, outside production, the sample
 * catalogue (both indexed later by the outbox worker).
 */
export async function prepareCatalogue(db: Db, options: { log: EventLog; seed: boolean; sample: boolean }) {
  const result = await migrateToLatest(db);
  const applied = result.results?.filter((r) => r.status === "Success").map((r) => r.migrationName) ?? [];
  if (applied.length > 0) options.log.info({ event: "migrations.applied", count: applied.length, names: applied }, `applied ${applied.length} migration(s)`);
  else options.log.debug({ event: "migrations.current" }, "database schema is up to date");
  if (options.seed && (await isCatalogueEmpty(db))) {
    options.log.info({ event: "seed.reference" }, "seeding the Haidong reference data");
    await seedReference(db);
    if (options.sample) {
      options.log.info({ event: "seed.sample" }, "seeding sample producers and products (labelled 示例数据)");
      await seedSampleCatalogue(db, sampleImageMaker(imageStorage()));
      await seedSampleAccounts(db, await hashPassword(SAMPLE_PASSWORD));
      await seedSampleEvent(db);
      await seedSampleReview(db);
    }
  }
}
