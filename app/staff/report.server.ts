import { recentReports } from "../../db/queries/misuse-reports";
import { db } from "../services.server";
import { longestWait, throttleKey, windowWait } from "../platform/throttle.server";

// Misuse reports are anonymous, so they are throttled per client address: at most 5 an hour and 20 a day. The window
// counts the reports themselves (no separate events), with the shared retry-after arithmetic of
// app/platform/throttle.server.ts. Only a hash of the address is stored.
const LIMITS = [
  { windowSeconds: 3600, max: 5 },
  { windowSeconds: 24 * 3600, max: 20 },
];

export function reportClientKey(clientAddress: string) {
  return throttleKey("misuse-report", clientAddress);
}

/** Seconds to wait before this client may file another report, or 0. */
export async function reportRetryAfter(clientKey: string): Promise<number> {
  const waits: number[] = [];
  for (const window of LIMITS) {
    const { n, oldest } = await recentReports(db(), clientKey, window.windowSeconds);
    waits.push(windowWait(window, n, oldest));
  }
  return longestWait(waits);
}
