import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import { createServer as createViteServer } from "vite";
import { logger } from "../app/platform/log.server";
import { configOrExit } from "./lib/cli";
import { serveCatalogue } from "./lib/serve";

// `npm run dev`: the same start-up as `npm start` (scripts/lib/serve.ts: embedded services, migrations, sample data,
// every request guard), but the app comes from Vite's dev server, so an edit shows in the browser without a rebuild
// (docs/decisions/024-dev-server.md).

const root = path.resolve(import.meta.dirname, "..");

async function main() {
  const validated = configOrExit();
  // The dev server compiles on request and shows error details: never what an operator should run in production.
  if (validated.NODE_ENV === "production") {
    console.error("[haidong] npm run dev is for development; use npm start with NODE_ENV=production");
    process.exit(1);
  }
  await serveCatalogue(validated, async (server) => {
    const vite = await createViteServer({
      root,
      // "custom": Remix renders every page, so Vite serves no index.html of its own. Its hot-reload socket shares our
      // HTTP server and port, which the CSP's connect-src 'self' already allows and no second port needs opening.
      appType: "custom",
      server: { middlewareMode: true, hmr: { server } },
    });
    return {
      // Loaded per request: Vite hands back the cached module graph, recompiled where a file changed.
      build: () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>,
      client: { vite },
      remixMode: "development",
      close: () => vite.close(),
    };
  });
}

main().catch((e) => {
  logger().fatal({ event: "server.failed", err: e }, (e as Error).message);
  process.exit(1);
});
