import { randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { config } from "./config.server";

// A random id per browser, in an HttpOnly cookie, so limits meant for one person count that person's phone and not
// the address it shares with everyone else on a fair's Wi-Fi or a carrier's NAT (issue 19). It identifies nothing
// else: not stored anywhere except hashed inside throttle keys, and not tied to an account. A visitor can clear it, so
// it is only ever one limit among others (per booth, per address), never the only one.

const COOKIE_NAME = "hd_device";

function deviceCookie() {
  return createCookie(COOKIE_NAME, {
    httpOnly: true,
    sameSite: "lax",
    secure: config().NODE_ENV === "production",
    path: "/",
    maxAge: 365 * 24 * 3600,
  });
}

/** The browser's device id, or undefined when it has none (first visit, cookies blocked, a script). */
export async function deviceId(request: Request): Promise<string | undefined> {
  const header = request.headers.get("cookie");
  if (!header?.includes(`${COOKIE_NAME}=`)) return undefined;
  try {
    const value = await deviceCookie().parse(header);
    return typeof value === "string" && /^[A-Za-z0-9_-]{22}$/.test(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The Set-Cookie header that gives this browser a device id, or null when it already has one. */
export async function deviceCookieIfMissing(request: Request): Promise<string | null> {
  if (await deviceId(request)) return null;
  return deviceCookie().serialize(randomBytes(16).toString("base64url"));
}
