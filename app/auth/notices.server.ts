import { addAccountNotice, hasOpenAccountNotices, markAccountNoticesSeen, openAccountNotices } from "../../db/queries/account-notices";
import { db } from "../services.server";

// Account notices are how the owner of an account is told about something done with it by someone else, as long as
// the project sends no e-mail or SMS: they are shown once, on a page the next sign-in passes through (/account/notices).

export function noteSignupAttempt(userId: number) {
  return addAccountNotice(db(), userId, "signup_attempt");
}

export function hasOpenNotices(userId: number) {
  return hasOpenAccountNotices(db(), userId);
}

/** The open notices, marked seen as they are read (they are shown once). */
export async function takeNotices(userId: number) {
  const notices = await openAccountNotices(db(), userId);
  if (notices.length) await markAccountNoticesSeen(db(), userId);
  return notices;
}
