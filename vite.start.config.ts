import { defineConfig } from "vite";

// The server's own start-up (scripts/start.ts: embedded services, migrations, the search worker, the HTTP server and
// its guards), compiled once by `npm run build` into build/start/, so a production start runs
// plain JavaScript and never compiles TypeScript (docs/decisions/037-production-build.md). Dependencies stay in
// node_modules (an SSR build externalises them); the Remix app itself is the other half of the build (vite.config.ts).
export default defineConfig({
  build: {
    ssr: true,
    target: "node20",
    outDir: "build/start",
    emptyOutDir: true,
    sourcemap: true,
    copyPublicDir: false,
    rollupOptions: {
      input: { start: "scripts/start.ts" },
      output: { format: "esm", entryFileNames: "[name].js", chunkFileNames: "[name]-[hash].js" },
      onwarn(warning, warn) {
        if (warning.code === "INVALID_ANNOTATION") return;
        warn(warning);
      },
    },
  },
  logLevel: "warn",
});
