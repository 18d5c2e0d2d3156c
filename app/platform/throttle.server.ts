import { createHash } from "node:crypto";
import { purgeThrottleEvents, recentThrottleEvents, recordThrottleEvent } from "../../db/queries/throttle";
import { db } from "../services.server";

// Every throttle of the app in one place (issue 16). Two kinds:
// - sliding windows in PostgreSQL, for anything that matters across app servers (they are stateless and several may
//   run behind a load balancer): sign-in (counted from sign_in_attempts, app/auth/throttle.server.ts), misuse
//   reports (counted from the reports themselves), and the scopes below, counted from throttle_events. They share one
//   retry-after arithmetic: `windowWait`.
// - an in-memory token bucket, only for the anonymous, read-only open-data and search API (`TokenBucket`).

export interface Window {
  windowSeconds: number;
  max: number;
}

/**
 * Seconds until a sliding window has room again, or 0 when it has room now: once `n` events in the window reach
 * `max`, the answer is when the oldest of them leaves it (at least 1 s, so a Retry-After is never 0).
 */
export function windowWait(window: Window, n: number, oldest: Date | string | null, now = Date.now()): number {
  if (n < window.max) return 0;
  if (!oldest) return 1;
  return Math.max(1, Math.ceil((new Date(oldest).getTime() + window.windowSeconds * 1000 - now) / 1000));
}

/** The longest wait over several windows (e.g. per hour and per day). */
export function longestWait(waits: readonly number[]): number {
  return waits.reduce((a, b) => Math.max(a, b), 0);
}

/** A stable, non-reversible key for a throttle scope and subject (addresses and accounts are stored only as hashes). */
export function throttleKey(scope: string, subject: string): string {
  return createHash("sha256").update(`${scope}:${subject}`).digest("hex");
}

// ---- every limit, in one table ----

/**
 * Sign-in, counted from sign_in_attempts (app/auth/throttle.server.ts), failures in 15 minutes:
 * - `pair`: one account from one address (someone guessing that account's password);
 * - `account`: one account from everywhere; past it, only addresses that already failed for the account are refused,
 *   so the real owner, who has not failed from where they are, still gets through, while each further address an
 *   attacker brings gets one guess per window;
 * - `client`: one address across accounts, a much higher bar: a fair's Wi-Fi or a carrier's NAT puts hundreds of
 *   people behind one address, and 20 of them mistyping must not lock out everyone else (issue 15). It stops a
 *   credential-stuffing script, not a crowd.
 */
export const SIGN_IN = { windowSeconds: 15 * 60, pair: 5, account: 50, client: 200 } as const;

/** Misuse reports are anonymous: per address, counted from the reports themselves (app/misuse-reports/throttle.server.ts). */
export const MISUSE_REPORT: Window[] = [
  { windowSeconds: 3600, max: 5 },
  { windowSeconds: 24 * 3600, max: 20 },
];

/** The open-data and search API, per address per app server (`TokenBucket`): 120 at once, then 2 per second. */
export const PUBLIC_API = { capacity: 120, refillPerSecond: 2 } as const;

/** The printed catalogue (/events/:id/print.pdf), per address per app server: 6 at once, then one every 20 s. */
export const CATALOGUE_PDF = { capacity: 6, refillPerSecond: 1 / 20 } as const;

// Scopes counted in throttle_events. Limits per client address unless the scope says otherwise.
export const SCOPES = {
  // inquiries reach real people's inboxes: a few per address
  inquiry: [
    { windowSeconds: 600, max: 5 },
    { windowSeconds: 86_400, max: 20 },
  ],
  // buyers' replies on their private link
  reply: [{ windowSeconds: 600, max: 30 }],
  // sign-up spends a scrypt hash and may add a notice to someone's account; a fair's registration desk signs up many
  // producers from one address, so the bar is well above one person's need but far below a script's
  signup: [
    { windowSeconds: 3600, max: 30 },
    { windowSeconds: 86_400, max: 100 },
  ],
  // each password-reset POST can spend a scrypt hash; a person needs a handful of tries
  reset: [{ windowSeconds: 900, max: 10 }],
  // deleting one's account asks for the password again: per account, so a stolen session cannot guess it
  account_delete: [{ windowSeconds: 900, max: 5 }],
  // forgot-password requests (each may send an e-mail): per address, a few tries; per account (subject: the user
  // id), fewer, so nobody can fill a person's inbox with reset mails from many addresses — past it the page answers
  // the same and sends nothing
  forgot: [
    { windowSeconds: 900, max: 5 },
    { windowSeconds: 86_400, max: 20 },
  ],
  forgot_account: [
    { windowSeconds: 3600, max: 3 },
    { windowSeconds: 86_400, max: 6 },
  ],
  // Booth leads (展位留资, issue 19) are never refused for these: past one, the lead is kept but held until the
  // exhibitor or fair staff accept it (app/events/lead-intake.server.ts). Per device (cookie, app/platform/device.server.ts):
  // one visitor's normal day at a fair; per booth: more than a crowd at one booth sends, fewer than a script would.
  lead_device: [
    { windowSeconds: 600, max: 5 },
    { windowSeconds: 86_400, max: 40 },
  ],
  lead_booth: [{ windowSeconds: 600, max: 60 }],
  // per address: a whole venue shares one, so only a bar far above any crowd holds leads...
  lead_address: [{ windowSeconds: 600, max: 300 }],
  // ...and only a flood no venue produces is refused outright (429), so a script cannot fill the held queue
  lead_flood: [{ windowSeconds: 3600, max: 3000 }],
} satisfies Record<string, Window[]>;

export type Scope = keyof typeof SCOPES;

/** Seconds before `subject` (usually the client address) may do `scope` again, or 0. */
export async function retryAfter(scope: Scope, subject: string): Promise<number> {
  const key = throttleKey(scope, subject);
  const waits: number[] = [];
  for (const window of SCOPES[scope]) {
    const { n, oldest } = await recentThrottleEvents(db(), scope, key, window.windowSeconds);
    waits.push(windowWait(window, n, oldest));
  }
  return longestWait(waits);
}

const LONGEST_WINDOW = Math.max(...Object.values(SCOPES).flatMap((ws) => ws.map((w) => w.windowSeconds)));
let lastPurge = 0;

/** Counts one `scope` action by `subject`; now and then drops events no window looks at any more. */
export async function note(scope: Scope, subject: string): Promise<void> {
  await recordThrottleEvent(db(), scope, throttleKey(scope, subject));
  if (Date.now() - lastPurge > 3600_000) {
    lastPurge = Date.now();
    await purgeThrottleEvents(db(), LONGEST_WINDOW);
  }
}

// ---- in-memory token bucket ----
// Only for the anonymous, read-only public API (open data and /api/v1/search, via `guard` in
// app/open-data/http.server.ts): a database write per request would cost more than the reads it protects, and losing
// the counters on restart is harmless. The price: each app server keeps its own buckets, so behind N servers a client
// may make up to N times the rate. Anything that guards accounts or writes must use the PostgreSQL windows above.
// Memory is bounded (at most `maxClients` buckets; full, idle buckets are dropped first).

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
