import { setUserLocale, unreadCount } from "../../db/queries/notifications";
import type { SessionUser } from "../auth/session.server";
import { readPreferences } from "../i18n/preferences.server";
import { db } from "../services.server";

/**
 * The header's unread count for a signed-in person (the root loader). When they switch the page language (?lang=),
 * their e-mail follows: the choice is remembered on the account (users.locale), the language notices are written in.
 */
export async function headerNotifications(request: Request, user: SessionUser | null | undefined): Promise<number> {
  if (!user) return 0;
  const { prefs, changed } = readPreferences(request);
  if (changed) await setUserLocale(db(), user.id, prefs.lang);
  return unreadCount(db(), user.id);
}
