import { data } from "@remix-run/node";
import type { SessionUser } from "../auth/session.server";
import { fieldErrorReply, issuesReply, noticeReply, type FormAnswer } from "../domain/form-reply";
import { claimDecisionSchema, markVerifiedSchema } from "../domain/review-forms";
import { decideClaim } from "../../db/queries/claims";
import { markFactVerified } from "../../db/queries/verify";
import { db } from "../services.server";

// Small staff actions posted from more than one screen (the claims queue, an organisation's page, the facts list).
// They answer the one form shape (app/domain/form-reply.ts) with a notice for the status line; bad input is a 400
// naming the field, a missing record a 404.

export async function claimDecisionAction(user: SessionUser, formData: FormData) {
  const parsed = claimDecisionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return data<FormAnswer>(issuesReply(parsed.error, formData), { status: 400 });
  const { kind, id, decision, note } = parsed.data;
  const result = await db()
    .transaction()
    .execute((trx) => decideClaim(trx, user.id, kind, id, decision, note));
  if (result === "not_found") throw data({ error: "not found" }, { status: 404 });
  if (result === "stale") return data<FormAnswer>(fieldErrorReply([], { formErrors: ["staff.stale"] }), { status: 409 });
  if (result === "credit_blocked") return data<FormAnswer>(fieldErrorReply([], { formErrors: ["staff.creditBlocked"] }), { status: 409 });
  if (result === "expired") return data<FormAnswer>(fieldErrorReply([], { formErrors: ["staff.claimExpired"] }), { status: 409 });
  return data<FormAnswer>(noticeReply("staff.claimDone"));
}

export async function markVerifiedAction(user: SessionUser, formData: FormData) {
  const parsed = markVerifiedSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return data<FormAnswer>(issuesReply(parsed.error, formData), { status: 400 });
  const done = await db()
    .transaction()
    .execute((trx) => markFactVerified(trx, user.id, parsed.data.type, parsed.data.id, null));
  if (!done) throw data({ error: "not found" }, { status: 404 });
  return data<FormAnswer>(noticeReply("staff.markedVerified"));
}
