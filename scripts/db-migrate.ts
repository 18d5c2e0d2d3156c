import { messageLog } from "../app/platform/log.server";
import { log, runCli } from "./lib/cli";
import { prepareCatalogue } from "./lib/boot";

// `npm run db:migrate`: once per deploy, before the servers start (production servers refuse a database that lacks
// a migration). On an empty catalogue it also seeds the Haidong reference data, never the sample catalogue.
await runCli(async ({ db }) => {
  await prepareCatalogue(db, { log: messageLog(log), seed: true, sample: false });
  log("the database is at the latest migration");
});
