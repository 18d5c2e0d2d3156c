import type { Role } from "../../db/schema";

/** Where each role lands (a buyer on 我的采购) after signing in (and the header's link to "my area"). */
export const LANDING: Record<Role, string> = { producer: "/producer", buyer: "/buyer", reviewer: "/staff", admin: "/staff", fair_staff: "/events" };
