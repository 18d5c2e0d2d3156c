import zlib from "node:zlib";
import { getOk } from "./loadgen";
import { makeRow, type BenchRow } from "./stats";

// Gzipped JavaScript a page loads: every <script src>, modulepreload link and import("…") of the HTML, fetched from the
// running server and gzipped (level 9), against the 150 KB budget.

const BUDGET_KB = 150;

export function scriptUrls(html: string): string[] {
  const found = new Set<string>();
  for (const re of [
    /<script[^>]+src="([^"]+)"/g,
    /<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g,
    /<link[^>]+href="([^"]+)"[^>]+rel="modulepreload"/g,
    /import\(\s*"([^"]+\.js)"\s*\)/g,
    /import\s+"([^"]+\.js)"/g,
  ]) {
    for (const m of html.matchAll(re)) found.add(m[1]!);
  }
  return [...found];
}

export async function benchJs(serverUrl: string, productId: number | null): Promise<BenchRow[]> {
  const pages: [string, string][] = [
    ["home", "/"],
    ["search", "/search?q=%E9%9D%92%E7%A8%9E"],
  ];
  if (productId !== null) pages.push(["product", `/products/${productId}`]);
  const cache = new Map<string, number>();
  const rows: BenchRow[] = [];
  for (const [name, path] of pages) {
    const html = await getOk(`${serverUrl}${path}`);
    let bytes = 0;
    for (const src of scriptUrls(html)) {
      const url = new URL(src, serverUrl).toString();
      if (!cache.has(url)) cache.set(url, zlib.gzipSync(Buffer.from(await getOk(url)), { level: 9 }).length);
      bytes += cache.get(url)!;
    }
    rows.push(makeRow(`js.${name}`, bytes / 1024, "KB", BUDGET_KB, { kind: "ratioAtMost", max: 1 }));
  }
  return rows;
}
