import type { Role } from "../../db/schema";

/** Staff who may see every inquiry, buyers' contacts included. */
export const MATCHING_STAFF = ["reviewer", "admin", "fair_staff"] as const satisfies readonly Role[];

/** Staff who may record a deal outcome themselves (producers and buyers record theirs on their inquiry thread). */
export const DEAL_RECORDERS = ["fair_staff", "admin"] as const satisfies readonly Role[];
