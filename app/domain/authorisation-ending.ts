import type { MessageKey } from "../i18n/messages";

// When a verified GI or regional-brand authorisation should catch its producer's eye (issue 21): once it has expired
// (the badge is gone) and within 90 days before (time to renew). `days_left` is China's days until valid_to, computed
// by the query against China's today (db/queries/claims.ts claimsOf, producer-organization.ts producerDashboard).

/** How many days before valid_to an authorisation counts as expiring. */
export const EXPIRING_DAYS = 90;

/** The label of a verified authorisation's end (已过期 / N 天后到期 / 今天到期), or null when it is not near. */
export function endingState(c: { verification: string; days_left: number | null }): { key: MessageKey; days: number } | null {
  if (c.verification !== "verified" || c.days_left === null || c.days_left > EXPIRING_DAYS) return null;
  if (c.days_left < 0) return { key: "claims.expired", days: 0 };
  if (c.days_left === 0) return { key: "claims.expiresToday", days: 0 };
  return { key: "claims.expiresIn", days: c.days_left };
}
