import type { Role } from "../../db/schema";
import { requireRole } from "../auth/guards.server";
import { currentUser } from "../auth/session.server";
import { notFound } from "../lib/route-params";

export const FAIR_MANAGERS = ["fair_staff", "admin"] as const satisfies readonly Role[];

export async function requireFairStaff(request: Request) {
  return requireRole(request, FAIR_MANAGERS);
}

export async function isFairStaff(request: Request) {
  const user = await currentUser(request);
  return !!user && (FAIR_MANAGERS as readonly Role[]).includes(user.role);
}

/** A published (or closed) event for everyone; drafts only for fair staff. */
export function visibleOr404<T extends { status: string }>(event: T | undefined, staff: boolean): T {
  if (!event || (event.status === "draft" && !staff)) notFound();
  return event;
}
