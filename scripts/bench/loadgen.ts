import http from "node:http";
// A closed-loop load generator for 127.0.0.1: `concurrency` clients each send the next request as soon as the last
// answered, until `count` requests are done or `maxMs` has passed; it never runs longer than that.

export interface LoadResult {
  latencies: number[];
  errors: number;
  elapsedMs: number;
}

export async function runLoad(send: (i: number) => Promise<void>, options: { concurrency: number; count: number; maxMs: number }): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const start = performance.now();
  const deadline = start + options.maxMs;
  const client = async () => {
    while (next < options.count && performance.now() < deadline) {
      const i = next++;
      const t0 = performance.now();
      try {
        await send(i);
        latencies.push(performance.now() - t0);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  return { latencies, errors, elapsedMs: performance.now() - start };
}

/** GET that reads the whole body and fails on a non-2xx answer. */
export async function getOk(url: string, init?: RequestInit): Promise<string> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
  const body = await res.text();
  if (!res.ok) throw new Error(`${res.status} ${url}: ${body.slice(0, 300)}`);
  return body;
}

/**
 * GET as visitor number `visitor`: from its own loopback address (127.0.x.y; all of 127/8 is local on Linux), so
 * per-address limits (the public API's throttle, nginx's limit_req) count many buyers, as at a fair, rather than one
 * client sending thousands of requests. Reads the whole body and fails on a non-2xx answer, like getOk.
 */
export function getAsVisitor(url: string, visitor: number): Promise<string> {
  const localAddress = `127.0.${1 + (Math.floor(visitor / 250) % 250)}.${2 + (visitor % 250)}`;
  return new Promise((resolve, reject) => {
    const req = http.get(url, { localAddress, agent: false, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        if ((res.statusCode ?? 0) >= 300) reject(new Error(`${res.statusCode} ${url}: ${body.slice(0, 300)}`));
        else resolve(body);
      });
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`timeout ${url}`)));
    req.on("error", reject);
  });
}
