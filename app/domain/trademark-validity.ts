import { addDays } from "../platform/china-time";

// A registered trademark is valid for 10 years from its registration date (商标法 第三十九条); renewal may be filed in
// the 12 months before expiry, or in a 6-month grace period after it (第四十条).

export type TrademarkValidity =
  | { state: "not_registered" }
  | { state: "valid" | "renewal_window" | "grace_period" | "expired"; expiresOn: string; renewalOpensOn: string; graceEndsOn: string };

function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** `today` is an ISO date (YYYY-MM-DD) in China time (todayInChina, app/platform/china-time.ts); pass it in so results are reproducible. */
export function trademarkValidity(
  registrationDate: string | null,
  legalStatus: "applied" | "registered" | "expired" | "revoked",
  today: string,
): TrademarkValidity {
  if (!registrationDate || legalStatus === "applied" || legalStatus === "revoked") return { state: "not_registered" };
  // the term ends the day before the tenth anniversary of registration
  const expiresOn = addDays(addMonths(registrationDate, 120), -1);
  const renewalOpensOn = addDays(addMonths(expiresOn, -12), 1);
  const graceEndsOn = addMonths(expiresOn, 6);
  const dates = { expiresOn, renewalOpensOn, graceEndsOn };
  if (legalStatus === "expired" || today > graceEndsOn) return { state: "expired", ...dates };
  if (today > expiresOn) return { state: "grace_period", ...dates };
  if (today >= renewalOpensOn) return { state: "renewal_window", ...dates };
  return { state: "valid", ...dates };
}
