import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { logger } from "../app/platform/log.server";
import { configOrExit } from "./lib/cli";
import { serveCatalogue } from "./lib/serve";

// The server: the Remix build behind the shared start-up (scripts/lib/serve.ts). `npm run build` compiles this file
// into build/start/start.js, which `npm start` (scripts/start.mjs) runs; `npm run dev` (scripts/dev.ts) serves the
// sources through Vite instead.

/** The checkout: the nearest folder with a package.json above this file (scripts/ from source, build/start/ built). */
function projectRoot(): string {
  for (let dir = import.meta.dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "package.json"))) return dir;
  }
  throw new Error("no package.json above the server");
}

async function main() {
  const validated = configOrExit();
  const buildDir = path.join(projectRoot(), "build");
  // one process per core in production unless WEB_CONCURRENCY says otherwise (scripts/lib/cluster.ts)
  const processes = validated.WEB_CONCURRENCY ?? (validated.NODE_ENV === "production" ? os.availableParallelism() : 1);
  await serveCatalogue(
    validated,
    async () => ({
      build: (await import(pathToFileURL(path.join(buildDir, "server", "index.js")).href)) as ServerBuild,
      client: { buildDir },
    }),
    { processes },
  );
}

main().catch((e) => {
  // configOrExit() has validated the environment by now, so the logger can be configured from it
  logger().fatal({ event: "server.failed", err: e }, (e as Error).message);
  process.exit(1);
});
