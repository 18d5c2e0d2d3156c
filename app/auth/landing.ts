import type { Role } from "../../db/schema";

/** Where each role lands after signing in (and the header's link to "my area"). */
export const LANDING: Record<Role, string> = { producer: "/producer", reviewer: "/staff", admin: "/staff", fair_staff: "/events" };
