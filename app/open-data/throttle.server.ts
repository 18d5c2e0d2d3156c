// An in-process token bucket per client key. Chosen over a counter in PostgreSQL because the open-data API is
// read-only and public: a database write per request would cost more than the reads it protects, and losing the
// counters on restart is harmless. The price: each app server keeps its own buckets, so behind N servers a client may
// make up to N times the rate. Memory is bounded (at most `maxClients` buckets; full, idle buckets are dropped first).

export interface TokenBucketOptions {
  capacity: number;
  refillPerSecond: number;
  maxClients?: number;
  now?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBucket {
  private readonly buckets = new Map<string, Bucket>();
  private readonly capacity: number;
  private readonly rate: number;
  private readonly maxClients: number;
  private readonly now: () => number;

  constructor(options: TokenBucketOptions) {
    this.capacity = options.capacity;
    this.rate = options.refillPerSecond;
    this.maxClients = options.maxClients ?? 10_000;
    this.now = options.now ?? (() => Date.now());
  }

  /** Takes one token for `key`. Returns 0 when allowed, else the seconds until a token is available. */
  take(key: string): number {
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (bucket) {
      bucket.tokens = Math.min(this.capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.rate);
      bucket.at = now;
      // keep Map order = least recently used first
      this.buckets.delete(key);
    } else {
      if (this.buckets.size >= this.maxClients) this.evict(now);
      bucket = { tokens: this.capacity, at: now };
    }
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return (1 - bucket.tokens) / this.rate;
  }

  private evict(now: number) {
    // a bucket idle long enough to be full again carries no state worth keeping
    const refillMs = (this.capacity / this.rate) * 1000;
    for (const [key, b] of this.buckets) {
      if (now - b.at >= refillMs) this.buckets.delete(key);
    }
    // still full: drop the least recently used
    while (this.buckets.size >= this.maxClients) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) break;
      this.buckets.delete(oldest);
    }
  }

  get size() {
    return this.buckets.size;
  }
}
