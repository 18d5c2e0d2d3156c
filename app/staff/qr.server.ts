import type { AppLoadContext } from "@remix-run/node";
import { authorisedUserForLabel } from "../../db/queries/claims";
import type { MessageKey } from "../i18n/messages";
import { todayInChina } from "../platform/china-time";
import { originIsProvisional, publicOrigin } from "../platform/public-origin.server";
import { qrSvg } from "../platform/qr.server";
import { db } from "../services.server";

// The printable label of an authorised user (a GI or regional-brand authorisation): the organisation, what it may
// use, and a QR code to its /verify page. Staff print it for any organisation; a producer for its own (issue 21).

export function verifyUrl(origin: string, creditCode: string) {
  return `${origin}/verify?code=${encodeURIComponent(creditCode)}`;
}

/** The label's data, or null when there is no such authorisation. */
export async function qrLabel(context: AppLoadContext, kind: "gi" | "brand", id: number) {
  const label = await authorisedUserForLabel(db(), kind, id);
  if (!label) return null;
  let qr: { url: string; svg: string } | null = null;
  let problem: MessageKey | null = null;
  const today = todayInChina();
  if (label.verification !== "verified") problem = "staff.qrNotVerified";
  // a label must lead to a /verify page that shows this right: not for a lapsed or future one, nor for an
  // organisation /verify does not list (unpublished or under a credit mark)
  else if ((label.valid_to && label.valid_to < today) || (label.valid_from && label.valid_from > today)) problem = "staff.qrNotCurrent";
  else if (label.organization_status !== "published" || label.credit_status !== "normal") problem = "staff.qrNotListed";
  else if (!label.credit_code) problem = "staff.qrNoCode";
  else {
    const url = verifyUrl(publicOrigin(context), label.credit_code);
    qr = { url, svg: await qrSvg(url) };
  }
  return { kind, label, qr, problem, provisionalOrigin: originIsProvisional() ? publicOrigin(context) : null };
}

export type QrLabelData = NonNullable<Awaited<ReturnType<typeof qrLabel>>>;
