import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { config } from "../app/platform/config.server";
import { logger } from "../app/platform/log.server";
import { configOrExit } from "./lib/cli";
import { serveCatalogue } from "./lib/serve";

// `npm start`: the production build (built here when missing or older than the sources) behind the shared start-up
// (scripts/lib/serve.ts). `npm run dev` (scripts/dev.ts) serves the sources through Vite instead.

const root = path.resolve(import.meta.dirname, "..");
const buildDir = path.join(root, "build");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** `npm start` builds when there is no build or the sources are newer than it. */
function ensureBuilt() {
  // Test runs build once up front (npm test) and start many servers; none of them may rebuild underneath the others.
  if (config().HAIDONG_SKIP_BUILD === "1") return;
  const serverEntry = path.join(buildDir, "server", "index.js");
  const built = fs.existsSync(serverEntry) ? fs.statSync(serverEntry).mtimeMs : 0;
  const sources = Math.max(newestMtime(path.join(root, "app")), newestMtime(path.join(root, "db")), fs.statSync(path.join(root, "vite.config.ts")).mtimeMs);
  if (built > sources) return;
  logger().info({ event: "build.started" }, "building the app (first start or changed sources)");
  const result = spawnSync(process.execPath, [path.join(root, "node_modules", "@remix-run", "dev", "dist", "cli.js"), "vite:build", "--logLevel", "warn"], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("build failed");
}

async function main() {
  const validated = configOrExit();
  ensureBuilt();
  await serveCatalogue(validated, async () => ({
    build: (await import(pathToFileURL(path.join(buildDir, "server", "index.js")).href)) as ServerBuild,
    client: { buildDir },
  }));
}

main().catch((e) => {
  // configOrExit() has validated the environment by now, so the logger can be configured from it
  logger().fatal({ event: "server.failed", err: e }, (e as Error).message);
  process.exit(1);
});
