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
