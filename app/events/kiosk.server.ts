import { createHash, randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import type { Db, Executor } from "../../db/client";
import { exhibitorProductIds } from "../../db/queries/event-exhibitors";
import {
  addKioskShortlistItem,
  createKioskSession,
  deleteKioskSession,
  insertKioskHandoff,
  kioskSessionId,
  kioskShortlistIds,
  removeKioskShortlistItem,
  kioskHandoffUsed,
  spendKioskHandoff,
} from "../../db/queries/kiosk";
import { productSearchRows, type PublicProduct } from "../../db/queries/products";
import type { AddResult } from "../../db/queries/shortlists";
import type { SearchContext } from "../search/client.server";
import { searchCatalog } from "../search/query.server";
import { config } from "../platform/config.server";

// The kiosk keeps its visitor's shortlist server-side, keyed by the SHA-256 of a random token in a cookie scoped to
// the event's pages; resetting the kiosk deletes the list. A hand-off token (shown as a QR code) lets the
// visitor's phone take a copy once.

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

function kioskCookie(eventId: number) {
  return createCookie(`hd_kiosk_${eventId}`, {
    httpOnly: true,
    sameSite: "lax",
    secure: config().NODE_ENV === "production",
    // the event's path, not just /kiosk: single-fetch data requests go to /events/:id/kiosk.data
    path: `/events/${eventId}`,
    maxAge: 12 * 3600,
  });
}

async function tokenFrom(request: Request, eventId: number) {
  try {
    const value = await kioskCookie(eventId).parse(request.headers.get("cookie"));
    return typeof value === "string" && TOKEN.test(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

async function findSession(db: Db, request: Request, eventId: number) {
  const token = await tokenFrom(request, eventId);
  if (!token) return undefined;
  return kioskSessionId(db, eventId, sha256(token));
}

export async function kioskShortlist(db: Db, request: Request, eventId: number): Promise<number[]> {
  const session = await findSession(db, request, eventId);
  return session ? kioskShortlistIds(db, session) : [];
}

/** Adds a product of one of the event's exhibitors; returns the Set-Cookie header when a session was started. */
export async function kioskAdd(db: Db, request: Request, eventId: number, productId: number): Promise<string | undefined> {
  if (!(await exhibitorProductIds(db, eventId)).includes(productId)) return undefined;
  let session = await findSession(db, request, eventId);
  let setCookie: string | undefined;
  if (!session) {
    const token = randomBytes(32).toString("base64url");
    session = await createKioskSession(db, eventId, sha256(token));
    setCookie = await kioskCookie(eventId).serialize(token);
  }
  await addKioskShortlistItem(db, session, productId);
  return setCookie;
}

export async function kioskRemove(db: Db, request: Request, eventId: number, productId: number) {
  const session = await findSession(db, request, eventId);
  if (session) await removeKioskShortlistItem(db, session, productId);
}

/** Back to the start: the kiosk's session and its shortlist are deleted and the cookie cleared. */
export async function kioskReset(db: Db, request: Request, eventId: number) {
  const session = await findSession(db, request, eventId);
  if (session) await deleteKioskSession(db, session);
  return kioskCookie(eventId).serialize("", { maxAge: 0 });
}

/** A one-time hand-off token for the current list (only its SHA-256 is stored). */
export async function createHandoff(db: Db, eventId: number, productIds: number[]) {
  const token = randomBytes(32).toString("base64url");
  await insertKioskHandoff(db, eventId, sha256(token), productIds);
  return token;
}

/** Spends a hand-off token (valid for 30 minutes, once); returns its products or undefined. */
export async function redeemHandoff(db: Executor, eventId: number, token: string): Promise<number[] | undefined> {
  if (!TOKEN.test(token)) return undefined;
  return spendKioskHandoff(db, eventId, sha256(token), 30 * 60_000);
}

/**
 * Where the phone lands once its hand-off is in the visitor's own shortlist: /shortlist, told how many products came
 * from the kiosk (already there counts as arrived), how many did not fit and how many left the catalogue meanwhile.
 */
export function handoffLanding(results: readonly AddResult[]) {
  const n = (...kinds: AddResult[]) => results.filter((r) => kinds.includes(r)).length;
  const q = new URLSearchParams({ kiosk: String(n("added", "already")) });
  if (n("full")) q.set("kioskFull", String(n("full")));
  if (n("not_found")) q.set("kioskGone", String(n("not_found")));
  return `/shortlist?${q.toString()}`;
}

/** The notice /shortlist shows after a hand-off; counts only (a crafted link can show nothing but a number). */
export function handoffNotice(params: URLSearchParams) {
  const count = (name: string) => {
    const v = params.get(name);
    return v && /^\d{1,3}$/.test(v) ? Math.min(Number(v), 100) : 0;
  };
  if (!params.has("kiosk")) return null;
  return { added: count("kiosk"), full: count("kioskFull"), gone: count("kioskGone") };
}

/** Whether the phone has taken this hand-off: the kiosk then starts over, so the next visitor sees neither list nor QR. */
export async function handoffTaken(db: Db, eventId: number, token: string): Promise<boolean> {
  if (!TOKEN.test(token)) return false;
  return kioskHandoffUsed(db, eventId, sha256(token));
}

/**
 * The search within an event, on the kiosk and the public event page alike: the catalogue's own search (Meilisearch,
 * PostgreSQL when it cannot answer; one search engine for every screen) over the exhibitors' published products
 * (public read model), optionally in one category and one county (the producer's, by its Chinese name), in order of
 * relevance; without words, every such product in the exhibitors' order. Also the categories and counties there are to
 * choose from.
 */
export async function kioskSearch(db: Db, search: SearchContext, eventId: number, q: string, category: string | null, county: string | null = null) {
  const products = await productSearchRows(db, await exhibitorProductIds(db, eventId));
  const categories = [...new Set(products.map((p) => p.category).filter((c): c is string => !!c))].sort();
  const counties = [...new Map(products.filter((p) => p.county_zh).map((p) => [p.county_zh!, { zh: p.county_zh!, en: p.county_en }])).values()].sort((a, b) =>
    a.zh.localeCompare(b.zh, "zh-CN"),
  );
  const shown = products.filter((p) => (!category || p.category === category) && (!county || p.county_zh === county));
  if (!q.trim() || shown.length === 0) return { categories, counties, results: q.trim() ? [] : shown };
  const found = await searchCatalog(db, search, { q, productIds: shown.map((p) => p.id), page: 1, perPage: shown.length, facets: [] });
  const byId = new Map(shown.map((p) => [p.id, p]));
  return { categories, counties, results: found.hits.map((h) => byId.get(h.record_id)).filter((p): p is PublicProduct => p !== undefined) };
}
