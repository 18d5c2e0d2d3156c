import net from "node:net";

export interface LatencyProxy {
  url: string;
  port: number;
  /** Latency added to every chunk from the server (a slow answer); change it at any time (new chunks use the new value). */
  delayMs: number;
  /**
   * Latency added to every chunk from the client (a request that arrives late). Keep it under 5 s: Meilisearch
   * answers 408 when a request's headers take longer than that to arrive.
   */
  requestDelayMs: number;
  /**
   * While true nothing passes in either direction, and new connections are accepted but get no answer: a server that
   * stopped answering (SIGSTOP) as its clients see it. Held traffic flows on, in order, once it is set back to false.
   */
  frozen: boolean;
  /** A mark in the client traffic: how many bytes clients have sent so far. */
  mark(): number;
  /** What clients sent after `mark` (as latin1 text), for "has the request left yet?" polls. */
  receivedSince(mark: number): string;
  close(): Promise<void>;
}

/**
 * A TCP proxy that holds every chunk for a while before passing it on, keeping the order: an overloaded search
 * server (slow answers) or a slow network (late requests) as the client sees it, without touching the server itself.
 */
export async function startLatencyProxy(target: string, delayMs: number): Promise<LatencyProxy> {
  const upstream = new URL(target);
  const sockets = new Set<net.Socket>();
  // the last KEPT bytes of client traffic; `total` counts all of it, so a mark stays valid while the text slides
  const KEPT = 1_000_000;
  let seen = "";
  let total = 0;
  const thaw: (() => void)[] = [];
  const unfrozen = () => (proxy.frozen ? new Promise<void>((r) => thaw.push(r)) : Promise.resolve());
  const forward = (from: net.Socket, to: net.Socket, record: boolean, delay: () => number) => {
    // a per-direction chain keeps chunks in order even when delayMs changes between them
    let chain = Promise.resolve();
    from.on("data", (chunk: Buffer) => {
      if (record) {
        seen = (seen + chunk.toString("latin1")).slice(-KEPT);
        total += chunk.length;
      }
      // due time fixed on arrival: latency, not a delay that adds up chunk after chunk
      const due = Date.now() + delay();
      chain = chain
        .then(() => new Promise<void>((r) => setTimeout(r, Math.max(0, due - Date.now()))))
        .then(unfrozen)
        .then(() => {
          if (!to.destroyed) to.write(chunk);
        });
    });
    from.on("end", () => void chain.then(unfrozen).then(() => to.end()));
    from.on("error", () => void unfrozen().then(() => to.destroy()));
    from.on("close", () => void chain.then(unfrozen).then(() => to.destroy()));
  };
  const server = net.createServer((client) => {
    const backend = net.connect({ host: upstream.hostname, port: Number(upstream.port) });
    sockets.add(client).add(backend);
    client.on("close", () => sockets.delete(client));
    backend.on("close", () => sockets.delete(backend));
    forward(client, backend, true, () => proxy.requestDelayMs);
    forward(backend, client, false, () => proxy.delayMs);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const address = server.address() as net.AddressInfo;
  let frozen = false;
  const proxy: LatencyProxy = {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    delayMs,
    get frozen() {
      return frozen;
    },
    set frozen(value: boolean) {
      frozen = value;
      if (!value) for (const r of thaw.splice(0)) r();
    },
    requestDelayMs: 0,
    mark: () => total,
    receivedSince: (mark) => seen.slice(Math.max(0, seen.length - (total - mark))),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  return proxy;
}
