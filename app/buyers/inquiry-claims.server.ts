import { createCookie } from "@remix-run/node";
import { claimInquiries } from "../../db/queries/buyer-home";
import { hashToken } from "../auth/session.server";
import { config } from "../platform/config.server";
import { db } from "../services.server";

// An anonymous buyer's inquiries and booth leads join their account when they later sign up or sign in from the same
// browser: the browser keeps the private links' tokens (HttpOnly) and sign-in ties those inquiries to the account.
// Holding the link is the proof (it was only ever shown to whoever sent the inquiry), so no address needs confirming;
// on another device the private link page offers "加入我的采购" to a signed-in buyer (decision 041).

const COOKIE_NAME = "hd_inquiries";
const KEEP = 20; // the newest links; older ones still open through the link itself
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

function inquiriesCookie() {
  return createCookie(COOKIE_NAME, {
    httpOnly: true,
    sameSite: "lax",
    secure: config().NODE_ENV === "production",
    path: "/",
    maxAge: 180 * 24 * 3600,
  });
}

async function tokensFrom(request: Request): Promise<string[]> {
  if (!request.headers.get("cookie")?.includes(`${COOKIE_NAME}=`)) return [];
  try {
    const value: unknown = await inquiriesCookie().parse(request.headers.get("cookie"));
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === "string" && TOKEN.test(t)).slice(0, KEEP) : [];
  } catch {
    return [];
  }
}

/** The Set-Cookie that adds a just-sent inquiry's token to what this browser remembers (anonymous senders only). */
export async function rememberInquiry(request: Request, token: string): Promise<string> {
  const tokens = [token, ...(await tokensFrom(request)).filter((t) => t !== token)].slice(0, KEEP);
  return inquiriesCookie().serialize(tokens);
}

/**
 * At sign-in or sign-up of a buyer: ties the inquiries this browser sent anonymously to the account. Returns how many
 * joined and the Set-Cookie that forgets the tokens (undefined when the browser held none).
 */
export async function claimRememberedInquiries(request: Request, userId: number): Promise<{ claimed: number; cookie?: string }> {
  const tokens = await tokensFrom(request);
  if (tokens.length === 0) return { claimed: 0 };
  const claimed = await claimInquiries(db(), userId, tokens.map(hashToken));
  return { claimed, cookie: await inquiriesCookie().serialize([], { maxAge: 0 }) };
}

/** The private link page's "加入我的采购": ties that one inquiry to the signed-in buyer. */
export async function claimInquiryByLink(tokenHash: string, userId: number): Promise<boolean> {
  return (await claimInquiries(db(), userId, [tokenHash])) > 0;
}
