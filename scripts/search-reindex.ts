import { rebuildSearchTable } from "../db/queries/search-table";
import { reindexCatalog } from "../app/search/reindex.server";
import { log, runCli } from "./lib/cli";

await runCli(async ({ db, search }) => {
  const total = await reindexCatalog(db, search, log);
  log(`reindexed ${total} document(s) and swapped the new index in`);
  // the degraded mode's search table too (docs/decisions/040): after a change to what its rows hold, and to give rows
  // backfilled by the migration the pinyin of every name
  await rebuildSearchTable(db, log);
});
