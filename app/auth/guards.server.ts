import { data, redirect } from "@remix-run/node";
import type { Role } from "../../db/schema";
import { currentUser, type SessionUser } from "./session.server";

// Guards throw: a loader or action that calls one never runs its body for the wrong visitor.

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await currentUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return user;
}

export async function requireRole(request: Request, roles: readonly Role[]): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!roles.includes(user.role)) throw data({ error: "forbidden" }, { status: 403 });
  return user;
}

/** A producer and the organisation they act for; producers without one are sent to create it. */
export async function requireProducer(request: Request): Promise<SessionUser & { organization_id: number }> {
  const user = await requireRole(request, ["producer"]);
  if (!user.organization_id) {
    if (!new URL(request.url).pathname.startsWith("/producer/organization")) throw redirect("/producer/organization");
    throw data({ error: "no organisation" }, { status: 403 });
  }
  return user as SessionUser & { organization_id: number };
}

export const STAFF_ROLES = ["reviewer", "admin"] as const satisfies readonly Role[];

/** A buyer (采购商) account: 我的采购 and the buyer's own profile. */
export async function requireBuyer(request: Request): Promise<SessionUser> {
  return requireRole(request, ["buyer"]);
}
