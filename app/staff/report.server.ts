import { createHash } from "node:crypto";
import { recentReports } from "../../db/queries/misuse-reports";
import { db } from "../services.server";

// Misuse reports are anonymous, so they are throttled per client address: at most 5 an hour and 20 a day. Only a hash
// of the address is stored.
const LIMITS = [
  { windowSeconds: 3600, max: 5 },
  { windowSeconds: 24 * 3600, max: 20 },
];

export function reportClientKey(clientAddress: string) {
  return createHash("sha256").update(`misuse-report:${clientAddress}`).digest("hex");
}

/** Seconds to wait before this client may file another report, or 0. */
export async function reportRetryAfter(clientKey: string): Promise<number> {
  let wait = 0;
  for (const { windowSeconds, max } of LIMITS) {
    const { n, oldest } = await recentReports(db(), clientKey, windowSeconds);
    if (n >= max && oldest) wait = Math.max(wait, Math.ceil((new Date(oldest).getTime() + windowSeconds * 1000 - Date.now()) / 1000), 1);
  }
  return wait;
}
