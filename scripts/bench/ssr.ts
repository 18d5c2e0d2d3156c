import http from "node:http";
import type { AddressInfo } from "node:net";
import { getOk, runLoad } from "./loadgen";
import { makeRow, type BenchRow } from "./stats";

// Search page requests/s at 16 connections vs the same HTML bytes from a bare node:http handler.

export async function benchSsr(serverUrl: string, quick: boolean): Promise<BenchRow[]> {
  const path = "/search?q=%E9%9D%92%E7%A8%9E";
  const html = Buffer.from(await getOk(`${serverUrl}${path}`));
  const bare = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": html.length });
    res.end(html);
  });
  await new Promise<void>((r) => bare.listen(0, "127.0.0.1", r));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;
  const opts = { concurrency: 16, count: quick ? 400 : 3000, maxMs: quick ? 8_000 : 20_000 };
  try {
    const rps = async (base: string) => {
      await getOk(`${base}${path}`);
      const r = await runLoad(() => getOk(`${base}${path}`).then(() => undefined), opts);
      return r.latencies.length / (r.elapsedMs / 1000);
    };
    const app = await rps(serverUrl);
    const baseline = await rps(bareUrl);
    return [makeRow("ssr", app, "req/s", baseline, { kind: "ratioAtLeast", min: 0.2 })];
  } finally {
    await new Promise((r) => bare.close(r));
  }
}
