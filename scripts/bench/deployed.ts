import { freePort } from "../embedded/process-utils";
import { nginxAvailable, startNginx } from "../lib/nginx";
import type { BenchEnv } from "./env";
import { getOk } from "./loadgen";
import { benchSearch } from "./search";
import { startServer } from "./server";
import { bareHtmlServer, ssrRate, SSR_PATH } from "./ssr";
import { makeRow, type BenchRow } from "./stats";

// The app as deployed (issue 20 item 7): two production server processes behind deploy/'s nginx files
// (scripts/lib/nginx.ts), measured like the one-process rows and each against its own baseline in the same run:
// - ssr.nginx2: the search page through nginx, against two bare node:http handlers with the same bytes behind the
//   same nginx, so nginx's own cost is in both;
// - search.p50/p95/p99.c16.nginx2: the API through nginx, against the app's multi-search sent straight to Meilisearch.
// The one-process server is stopped first: on two cores the four processes would otherwise share them with a fifth.

export async function benchDeployed(env: BenchEnv, quick: boolean, log: (m: string) => void): Promise<BenchRow[]> {
  if (!nginxAvailable) throw new Error("no nginx (apt-get install nginx-light)");
  const ports: [number, number] = [await freePort(), await freePort()];
  const servers = await Promise.all(ports.map((port) => startServer(env, { port, behindProxy: true })));
  const rows: BenchRow[] = [];
  try {
    const nginx = await startNginx(ports);
    try {
      log(`  two servers (${ports.join(", ")}) behind nginx at ${nginx.url}`);
      rows.push(...(await benchSearch(env, nginx.url, quick, log, { concurrencies: [16], suffix: ".nginx2" })));
      const html = Buffer.from(await getOk(`${nginx.url}${SSR_PATH}`));
      const app = await ssrRate(nginx.url, quick);
      rows.push(await bareBehindNginx(html, quick, app));
    } finally {
      await nginx.stop();
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
  return rows;
}

/** The ssr.nginx2 row: `app` req/s against two bare handlers of the same bytes behind the same nginx files. */
async function bareBehindNginx(html: Buffer, quick: boolean, app: number): Promise<BenchRow> {
  const ports: [number, number] = [await freePort(), await freePort()];
  const bare = await Promise.all(ports.map((port) => bareHtmlServer(html, port)));
  try {
    const nginx = await startNginx(ports);
    try {
      const baseline = await ssrRate(nginx.url, quick);
      return makeRow("ssr.nginx2", app, "req/s", baseline, { kind: "ratioAtLeast", min: 0.2 });
    } finally {
      await nginx.stop();
    }
  } finally {
    await Promise.all(bare.map((b) => b.close()));
  }
}
