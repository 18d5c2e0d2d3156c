import { note, retryAfter } from "../platform/throttle.server";

// Inquiries reach real people's inboxes, so one client address may send only a few; buyers' replies on their private
// link somewhat more. The limits live with every other throttle in app/platform/throttle.server.ts (scopes `inquiry`
// and `reply`), counted in PostgreSQL so every app server sees the same counts; the address is stored only as a hash.

type Action = "inquiry" | "reply";

/** Seconds to wait before this client may do `action` again, or 0. */
export function matchingRetryAfter(action: Action, clientAddress: string): Promise<number> {
  return retryAfter(action, clientAddress);
}

export function noteMatchingAction(action: Action, clientAddress: string): Promise<void> {
  return note(action, clientAddress);
}
