import { createHash, randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { deleteSession, insertSession, touchSession, userForSession } from "../../db/queries/sessions";
import { db } from "../services.server";
import { config } from "../platform/config.server";

// Server-side sessions: the cookie holds a random token (signed with SESSION_SECRET), the sessions table its hash.
// Signing in always issues a new token (no session fixation); signing out or disabling the account deletes the row,
// so a copied cookie stops working at once.

const SESSION_DAYS = 14;

function sessionCookie() {
  const { SESSION_SECRET: secret, NODE_ENV } = config();
  if (!secret) throw new Error("SESSION_SECRET is not set");
  return createCookie("hd_session", {
    httpOnly: true,
    sameSite: "lax",
    secure: NODE_ENV === "production",
    path: "/",
    secrets: [secret],
    maxAge: SESSION_DAYS * 24 * 3600,
  });
}

export function hashToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

function expiry() {
  return new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000);
}

async function tokenFrom(request: Request): Promise<string | undefined> {
  const value = await sessionCookie().parse(request.headers.get("cookie"));
  return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
}

export type SessionUser = NonNullable<Awaited<ReturnType<typeof userForSession>>>;

export async function currentUser(request: Request): Promise<SessionUser | undefined> {
  const token = await tokenFrom(request);
  if (!token) return undefined;
  const hash = hashToken(token);
  const user = await userForSession(db(), hash);
  // sliding expiry, refreshed at most once an hour to keep writes off the hot path
  if (user && Date.now() - new Date(user.last_seen_at).getTime() > 3600_000) await touchSession(db(), hash, expiry());
  return user;
}

/** Starts a fresh session and returns its Set-Cookie header. */
export async function startSession(userId: number, meta: { userAgent: string | null; clientAddress: string | null }): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await insertSession(db(), {
    token_hash: hashToken(token),
    user_id: userId,
    expires_at: expiry(),
    user_agent: meta.userAgent?.slice(0, 300) ?? null,
    client_address: meta.clientAddress,
  });
  return sessionCookie().serialize(token);
}

/** Ends the session on the server and returns the Set-Cookie header that clears the cookie. */
export async function endSession(request: Request): Promise<string> {
  const token = await tokenFrom(request);
  if (token) await deleteSession(db(), hashToken(token));
  return sessionCookie().serialize("", { maxAge: 0 });
}
