import { randomBytes } from "node:crypto";
import { data } from "@remix-run/node";
import { hashToken } from "../auth/session.server";

// The buyer's private link carries a random token; only its SHA-256 is stored (like sessions), so the database alone
// opens no inquiry.

export function newBuyerToken() {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

/** The hash of a well-formed token from the URL; anything else is a 404 before the database is asked. */
export function buyerTokenHashOr404(raw: string | undefined): string {
  if (!raw || !/^[A-Za-z0-9_-]{43}$/.test(raw)) throw data({ error: "not found" }, { status: 404 });
  return hashToken(raw);
}

/**
 * Pages behind a private link or showing a buyer's contact: never cached, never sent on to another site as a Referer.
 * "same-origin" rather than "no-referrer": under no-referrer a browser without JavaScript posts this page's forms
 * (reply, quote, deal) with `Origin: null`, which the global origin check refuses with a 403.
 */
export const PRIVATE_HEADERS = {
  "Cache-Control": "private, no-store",
  "Referrer-Policy": "same-origin",
  "X-Robots-Tag": "noindex, nofollow",
} as const;
