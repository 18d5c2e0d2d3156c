import { ensureCatalogIndex } from "../app/search/catalog-index.server";
import { drainOutbox } from "../app/search/sync.server";
import { log, runCli } from "./lib/cli";

await runCli(async ({ db, search }) => {
  await ensureCatalogIndex(search);
  const n = await drainOutbox(db, search);
  log(`search outbox drained: ${n} event(s)`);
});
