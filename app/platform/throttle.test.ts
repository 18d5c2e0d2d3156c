import { describe, expect, it } from "vitest";
import { TokenBucket, longestWait, windowWait } from "./throttle.server";

describe("TokenBucket", () => {
  it("allows a burst of `capacity`, then refills at the given rate, per client", () => {
    let now = 0;
    const bucket = new TokenBucket({ capacity: 3, refillPerSecond: 2, now: () => now });
    expect([bucket.take("a"), bucket.take("a"), bucket.take("a")]).toEqual([0, 0, 0]);
    expect(bucket.take("a")).toBeCloseTo(0.5); // one token takes half a second at 2/s
    expect(bucket.take("b")).toBe(0); // another client has its own bucket
    now = 500;
    expect(bucket.take("a")).toBe(0);
    expect(bucket.take("a")).toBeGreaterThan(0);
    now = 60_000;
    expect([bucket.take("a"), bucket.take("a"), bucket.take("a"), bucket.take("a")].map((w) => w === 0)).toEqual([true, true, true, false]);
  });

  it("keeps memory bounded, dropping idle full buckets and then the least recently used", () => {
    let now = 0;
    const bucket = new TokenBucket({ capacity: 2, refillPerSecond: 1, maxClients: 3, now: () => now });
    bucket.take("a");
    bucket.take("b");
    bucket.take("c");
    bucket.take("c");
    bucket.take("c"); // c is empty now
    now = 1000;
    bucket.take("d"); // evicts a (least recently used)
    expect(bucket.size).toBe(3);
    expect(bucket.take("c")).toBe(0); // c kept its state: one token refilled in a second
    expect(bucket.take("c")).toBeGreaterThan(0);
  });
});

describe("windowWait", () => {
  const window = { windowSeconds: 600, max: 3 };
  it("is 0 while the window has room, else the seconds until its oldest event leaves it (never below 1)", () => {
    const now = Date.parse("2026-11-28T10:00:00Z");
    expect(windowWait(window, 2, new Date(now - 1000), now)).toBe(0);
    expect(windowWait(window, 3, new Date(now - 60_000), now)).toBe(540);
    expect(windowWait(window, 3, new Date(now - 599_900), now)).toBe(1);
    expect(windowWait(window, 3, null, now)).toBe(1);
    expect(longestWait([0, 540, 12])).toBe(540);
  });
});
