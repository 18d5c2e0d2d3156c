import path from "node:path";
import { backupDatabase, copyDirectory } from "../db/backup";
import { log, runCli } from "./lib/cli";

// npm run backup -- <dir>: the database (consistent snapshot) and the image files.
await runCli(async ({ services, config }) => {
  const dir = process.argv[2];
  if (!dir) {
    console.error("usage: npm run backup -- <dir>");
    return 2;
  }
  const target = path.resolve(dir);
  const manifest = await backupDatabase(services.databaseUrl, target);
  const images = await copyDirectory(path.join(config.dataDir, "images"), path.join(target, "images"));
  log(`backed up ${manifest.tables.length} tables (${manifest.tables.reduce((n, t) => n + t.rows, 0)} rows) and ${images} image files to ${target}`);
});
