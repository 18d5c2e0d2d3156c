import { createHash } from "node:crypto";
import { purgeThrottleEvents, recentThrottleEvents, recordThrottleEvent } from "../../db/queries/inquiries";
import { db } from "../services.server";

// Inquiries reach real people's inboxes, so one client address may send only a few: 5 per 10 minutes and 20 per day;
// buyers' replies on their private link: 30 per 10 minutes. Kept in PostgreSQL so every app server sees the same
// counts; the address is stored only as a hash.
const LIMITS = {
  inquiry: [
    { windowSeconds: 600, max: 5 },
    { windowSeconds: 86_400, max: 20 },
  ],
  reply: [{ windowSeconds: 600, max: 30 }],
} as const;

type Action = keyof typeof LIMITS;

function clientKey(clientAddress: string) {
  return createHash("sha256").update(`matching:${clientAddress}`).digest("hex");
}

/** Seconds to wait before this client may do `action` again, or 0. */
export async function matchingRetryAfter(action: Action, clientAddress: string): Promise<number> {
  const key = clientKey(clientAddress);
  let wait = 0;
  for (const limit of LIMITS[action]) {
    const { n, oldest } = await recentThrottleEvents(db(), action, key, limit.windowSeconds);
    if (n >= limit.max) {
      const until = oldest ? new Date(oldest).getTime() + limit.windowSeconds * 1000 : Date.now() + 1000;
      wait = Math.max(wait, Math.max(1, Math.ceil((until - Date.now()) / 1000)));
    }
  }
  return wait;
}

let lastPurge = 0;
export async function noteMatchingAction(action: Action, clientAddress: string) {
  await recordThrottleEvent(db(), action, clientKey(clientAddress));
  if (Date.now() - lastPurge > 3600_000) {
    lastPurge = Date.now();
    await purgeThrottleEvents(db(), 86_400);
  }
}
