import { recentMisuseReports } from "../../db/queries/misuse-reports";
import { db } from "../services.server";
import { longestWait, MISUSE_REPORT, throttleKey, windowWait } from "../platform/throttle.server";

// Misuse reports are anonymous, so they are throttled per client address (limits: MISUSE_REPORT in
// app/platform/throttle.server.ts). The windows count the reports themselves (no separate events), with the shared
// retry-after arithmetic. Only a hash of the address is stored.

export function misuseReportClientKey(clientAddress: string) {
  return throttleKey("misuse-report", clientAddress);
}

/** Seconds to wait before this client may file another report, or 0. */
export async function misuseReportRetryAfter(clientKey: string): Promise<number> {
  const waits: number[] = [];
  for (const window of MISUSE_REPORT) {
    const { n, oldest } = await recentMisuseReports(db(), clientKey, window.windowSeconds);
    waits.push(windowWait(window, n, oldest));
  }
  return longestWait(waits);
}
