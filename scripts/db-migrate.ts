import { migrateToLatest } from "../db/migrate";
import { log, runCli } from "./lib/cli";

await runCli(async ({ db }) => {
  const result = await migrateToLatest(db);
  const applied = result.results?.filter((r) => r.status === "Success").map((r) => r.migrationName) ?? [];
  log(applied.length ? `applied: ${applied.join(", ")}` : "already at the latest migration");
});
