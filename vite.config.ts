import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  // Source maps stay off in the client build so no server code or secret can leak through them.
  build: {
    sourcemap: false,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod 4 ships /* @__PURE__ */ comments Rollup cannot place; harmless and noisy.
        if (warning.code === "INVALID_ANNOTATION") return;
        warn(warning);
      },
    },
  },
  server: { host: "127.0.0.1" },
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
      },
    }),
  ],
});
