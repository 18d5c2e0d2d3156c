import { randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import {
  addShortlistItem,
  addShortlistItemsIn,
  createAnonymousShortlist,
  findAnonymousShortlist,
  mergeAnonymousShortlist,
  purgeExpiredShortlists,
  removeShortlistItem,
  SHORTLIST_DAYS,
  shortlistProductIds,
  userShortlist,
  type AddResult,
} from "../../db/queries/shortlists";
import type { Trx } from "../../db/client";
import { currentUser, hashToken, type SessionUser } from "../auth/session.server";
import { db } from "../services.server";
import { config } from "../platform/config.server";

// The shortlist of a visitor without an account lives in PostgreSQL under the SHA-256 of a random token; the browser
// holds the token in an HttpOnly cookie for 30 days. Signed in, the account's own list is used (the anonymous one is
// merged into it at sign-in, or on the first visit after it when the account was just created).

const COOKIE_NAME = "hd_shortlist";

function shortlistCookie() {
  return createCookie(COOKIE_NAME, {
    httpOnly: true,
    sameSite: "lax",
    secure: config().NODE_ENV === "production",
    path: "/",
    maxAge: SHORTLIST_DAYS * 24 * 3600,
  });
}

async function tokenFrom(request: Request): Promise<string | undefined> {
  if (!request.headers.get("cookie")?.includes(`${COOKIE_NAME}=`)) return undefined;
  try {
    const value = await shortlistCookie().parse(request.headers.get("cookie"));
    return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function clearCookie() {
  return shortlistCookie().serialize("", { maxAge: 0 });
}

// Expired anonymous lists are purged by whichever app server next creates one, at most once an hour per process.
let lastPurge = 0;
async function purgeNowAndThen() {
  if (Date.now() - lastPurge < 3600_000) return;
  lastPurge = Date.now();
  await purgeExpiredShortlists(db());
}

export interface VisitorShortlist {
  user: SessionUser | undefined;
  shortlistId: number | undefined;
  productIds: number[];
}

/** The visitor's shortlist (read only: nothing is created for a visitor who has not added anything). */
export async function readShortlist(request: Request, user?: SessionUser | null): Promise<VisitorShortlist> {
  const who = user === undefined ? await currentUser(request) : (user ?? undefined);
  const token = await tokenFrom(request);
  let shortlistId: number | undefined;
  if (who) {
    // an account created after adding products: its first visit takes the anonymous list along
    if (token) await mergeAnonymousShortlist(db(), hashToken(token), who.id);
    shortlistId = await userShortlist(db(), who.id, false);
  } else if (token) {
    shortlistId = await findAnonymousShortlist(db(), hashToken(token));
  }
  return { user: who, shortlistId, productIds: shortlistId ? await shortlistProductIds(db(), shortlistId) : [] };
}

/** The product ids on the visitor's shortlist, e.g. for search result cards to show which are already on it. */
export async function shortlistedProductIds(request: Request): Promise<number[]> {
  return (await readShortlist(request)).productIds;
}

export async function isShortlisted(request: Request, productId: number): Promise<boolean> {
  return (await shortlistedProductIds(request)).includes(productId);
}

/** Adds or removes a product; returns the result and, for an anonymous visitor, the Set-Cookie that (re)starts 30 days. */
export async function changeShortlist(
  request: Request,
  intent: "add" | "remove",
  productId: number,
): Promise<{ result: AddResult | "removed" | "absent"; setCookie?: string }> {
  const user = await currentUser(request);
  if (user) {
    const id = await userShortlist(db(), user.id, intent === "add");
    if (intent === "remove") return { result: id && (await removeShortlistItem(db(), id, productId)) ? "removed" : "absent" };
    return { result: await addShortlistItem(db(), id!, productId) };
  }
  let token = await tokenFrom(request);
  let id = token ? await findAnonymousShortlist(db(), hashToken(token)) : undefined;
  if (intent === "remove") {
    if (!id || !token) return { result: "absent" };
    const removed = await removeShortlistItem(db(), id, productId);
    return { result: removed ? "removed" : "absent", setCookie: await shortlistCookie().serialize(token) };
  }
  if (!id) {
    await purgeNowAndThen();
    token = randomBytes(32).toString("base64url");
    id = await createAnonymousShortlist(db(), hashToken(token));
  }
  const result = await addShortlistItem(db(), id, productId);
  return { result, setCookie: await shortlistCookie().serialize(token!) };
}

/**
 * Adds several products to the visitor's shortlist in one transaction that first runs `take` (the kiosk hand-off
 * spends its one-time token there): the products are added only if `take` gives them, and the token is spent only if
 * they are added. Undefined when `take` refuses; otherwise one result per product and, for an anonymous visitor, the
 * Set-Cookie of their list (a new one when they had none).
 */
export async function addToShortlistWith(
  request: Request,
  take: (trx: Trx) => Promise<readonly number[] | undefined>,
): Promise<{ results: AddResult[]; setCookie?: string } | undefined> {
  const user = await currentUser(request);
  const token = user ? undefined : await tokenFrom(request);
  if (!user) await purgeNowAndThen();
  let newToken: string | undefined;
  const results = await db()
    .transaction()
    .execute(async (trx) => {
      const ids = await take(trx);
      if (!ids) return undefined;
      let id = user ? await userShortlist(trx, user.id, true) : token ? await findAnonymousShortlist(trx, hashToken(token)) : undefined;
      if (!id) {
        newToken = randomBytes(32).toString("base64url");
        id = await createAnonymousShortlist(trx, hashToken(newToken));
      }
      return addShortlistItemsIn(trx, id, ids);
    });
  if (!results) return undefined;
  const cookieToken = user ? undefined : (newToken ?? token);
  return { results, setCookie: cookieToken ? await shortlistCookie().serialize(cookieToken) : undefined };
}

/** The sign-in hook: merges the anonymous shortlist into the account and returns the Set-Cookie that drops the cookie. */
export async function mergeShortlistAtSignIn(request: Request, userId: number): Promise<string | undefined> {
  const token = await tokenFrom(request);
  if (!token) return undefined;
  await mergeAnonymousShortlist(db(), hashToken(token), userId);
  return clearCookie();
}
