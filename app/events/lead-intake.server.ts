import { note, retryAfter } from "../platform/throttle.server";

// Whether a booth lead goes straight to the exhibitor's inbox, waits as held, or (only in a flood) is refused.
// A lead must never be lost (issue 19): at a fair hundreds of buyers share one address, so per-address limits would
// refuse real people. Limits are per device and per booth instead, and passing one only holds the lead for the
// exhibitor or fair staff to accept. The limits themselves live in app/platform/throttle.server.ts.

export type HoldReason = "device" | "booth" | "address";

export interface LeadSender {
  /** the browser's device id; without one (cookies blocked) the address stands in for the device */
  device: string | undefined;
  exhibitorId: number;
  address: string;
}

export type Admission = { refuseFor: number } | { refuseFor: 0; hold: HoldReason | null };

const deviceSubject = (who: LeadSender) => (who.device ? `device:${who.device}` : `address:${who.address}`);

export async function admitLead(who: LeadSender): Promise<Admission> {
  const flood = await retryAfter("lead_flood", who.address);
  if (flood > 0) return { refuseFor: flood };
  if ((await retryAfter("lead_device", deviceSubject(who))) > 0) return { refuseFor: 0, hold: "device" };
  if ((await retryAfter("lead_booth", String(who.exhibitorId))) > 0) return { refuseFor: 0, hold: "booth" };
  if ((await retryAfter("lead_address", who.address)) > 0) return { refuseFor: 0, hold: "address" };
  return { refuseFor: 0, hold: null };
}

/** Counts a lead that was kept (held or not) against every limit. */
export async function noteLead(who: LeadSender): Promise<void> {
  await Promise.all([
    note("lead_flood", who.address),
    note("lead_device", deviceSubject(who)),
    note("lead_booth", String(who.exhibitorId)),
    note("lead_address", who.address),
  ]);
}
