import { createDb, type Db } from "../../db/client";
import { migrateToLatest, pendingMigrations } from "../../db/migrate";
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

/**
 * Before a server serves: outside production, migrate and (first start) seed, as `npm start`'s two-command promise
 * needs; in production, and in a cluster's workers, only check. Production migrates once per deploy
 * (`npm run db:migrate`, decision 037), not from every server process as it starts: a server refuses a database its
 * code is ahead of rather than serve it half-understood. Its own small pool: migrations and the first seeding may run
 * longer than a request's query bound (DB_QUERY_TIMEOUT_MS).
 */
export async function prepareDatabase(databaseUrl: string, options: { production: boolean; log: EventLog }) {
  const boot = createDb(databaseUrl, { max: 2 });
  try {
    if (!options.production) return await prepareCatalogue(boot, { log: options.log, seed: true, sample: true });
    const pending = await pendingMigrations(boot);
    if (pending.length) {
      throw new Error(`the database lacks ${pending.length} migration(s) (${pending.join(", ")}): run \`npm run db:migrate\` once, then start the servers`);
    }
  } finally {
    await boot.destroy();
  }
}
