import { reindexCatalog } from "../app/search/reindex.server";
import { log, runCli } from "./lib/cli";

await runCli(async ({ db, search }) => {
  const total = await reindexCatalog(db, search, log);
  log(`reindexed ${total} document(s) and swapped the new index in`);
});
