import { buyerProfile } from "../../db/queries/buyer-profiles";
import type { SessionUser } from "../auth/session.server";
import { db } from "../services.server";

/**
 * What an inquiry form starts with for a signed-in person: a buyer's profile (name or company, contacts), else the
 * account's own name and address. The buyer may still change them for this inquiry.
 */
export async function buyerDefaults(user: SessionUser) {
  const profile = user.role === "buyer" ? await buyerProfile(db(), user.id) : undefined;
  return {
    name: user.display_name ?? profile?.name ?? "",
    organization: profile && profile.name !== user.display_name ? profile.name : "",
    email: profile?.email ?? user.email ?? "",
    phone: profile?.phone ?? user.phone ?? "",
  };
}
