import http from "node:http";
import type { AddressInfo } from "node:net";
import { getOk, runLoad } from "./loadgen";
import { makeRow, type BenchRow } from "./stats";

// Search page requests/s at 16 connections vs the same HTML bytes from a bare node:http handler.

export const SSR_PATH = "/search?q=%E9%9D%92%E7%A8%9E";

/** A bare node:http server answering every request with `html`: the baseline of the ssr rows. */
export async function bareHtmlServer(html: Buffer, port = 0) {
  const bare = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": html.length });
    res.end(html);
  });
  await new Promise<void>((r) => bare.listen(port, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(bare.address() as AddressInfo).port}`, close: () => new Promise((r) => bare.close(r)) };
}

/** Requests/s of GET `path` at 16 connections. */
export async function ssrRate(base: string, quick: boolean, path = SSR_PATH) {
  const opts = { concurrency: 16, count: quick ? 400 : 3000, maxMs: quick ? 8_000 : 20_000 };
  await getOk(`${base}${path}`);
  const r = await runLoad(() => getOk(`${base}${path}`).then(() => undefined), opts);
  return r.latencies.length / (r.elapsedMs / 1000);
}

export async function benchSsr(serverUrl: string, quick: boolean): Promise<BenchRow[]> {
  const path = SSR_PATH;
  const html = Buffer.from(await getOk(`${serverUrl}${path}`));
  const bare = await bareHtmlServer(html);
  try {
    const app = await ssrRate(serverUrl, quick, path);
    const baseline = await ssrRate(bare.url, quick, path);
    return [makeRow("ssr", app, "req/s", baseline, { kind: "ratioAtLeast", min: 0.2 })];
  } finally {
    await bare.close();
  }
}
