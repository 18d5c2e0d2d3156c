import { migrateToLatest } from "../db/migrate";
import { seedReference } from "../db/seed/reference";
import { log, runCli } from "./lib/cli";

// `npm run db:seed` seeds the reference data; `-- --reference-only` is what production uses (sample data arrives with
// the producer features and is never seeded when NODE_ENV=production).
await runCli(async ({ db }) => {
  await migrateToLatest(db);
  await seedReference(db);
  log("reference data seeded; search picks it up through the outbox (npm run search:sync, or the running app)");
});
