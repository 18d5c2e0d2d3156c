import { z } from "zod";
import { httpUrl, isoDate, msg, optional, recordId, requiredText, text } from "./fields";
import { todayInChina } from "../platform/china-time";

// Forms of the review-and-trust area: one schema each for the browser (Conform) and the action.

const required = msg("validation.required");
const requiredDate = z.string({ message: required }).trim().min(1, required).pipe(isoDate);
const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: msg("validation.oneOf", { allowed: values.join(" / ") }) });

export const DECISIONS = ["approve", "reject", "request_changes"] as const;

export const decisionSchema = z
  .object({
    version: z.string({ message: required }).max(40),
    // nothing is chosen in advance: the reviewer must pick approve, reject or request changes (issue 21)
    decision: z.enum(DECISIONS, { message: msg("staff.chooseDecision") }),
    comment: optional(text(2000, { multiline: true })),
  })
  .refine((v) => v.decision === "approve" || !!v.comment, { message: msg("staff.commentRequired"), path: ["comment"] });

export const BASES = ["announcement", "collective_member", "certification_licence", "other_record"] as const;

export const claimSchema = z
  .object({
    target: z.string({ message: required }).regex(/^(gi|brand):\d{1,15}$/, required),
    basis: optional(oneOf(BASES)),
    reference: requiredText(300),
    valid_from: requiredDate,
    valid_to: optional(isoDate),
  })
  .superRefine((v, ctx) => {
    if (v.target.startsWith("gi:") && !v.basis) ctx.addIssue({ code: "custom", message: msg("claims.basisRequired"), path: ["basis"] });
    if (v.target.startsWith("brand:") && [...v.reference].length > 100)
      ctx.addIssue({ code: "custom", message: msg("validation.tooLong", { max: 100 }), path: ["reference"] });
    if (v.valid_to && v.valid_to < v.valid_from) ctx.addIssue({ code: "custom", message: msg("validation.validToBeforeFrom"), path: ["valid_to"] });
    // an authorisation that has already ended cannot be claimed (issue 21): renew it first, then file the new dates
    else if (v.valid_to && v.valid_to < todayInChina())
      ctx.addIssue({ code: "custom", message: msg("claims.validToPast", { date: v.valid_to }), path: ["valid_to"] });
  });

export type ClaimForm = z.infer<typeof claimSchema>;

export function parseTarget(target: string) {
  const [kind, id] = target.split(":") as ["gi" | "brand", string];
  return { kind, id: Number(id) };
}

export const claimDecisionSchema = z
  .object({
    kind: oneOf(["gi", "brand"] as const),
    id: recordId(),
    decision: oneOf(["verify", "reject", "revoke"] as const),
    note: optional(text(500)),
  })
  // revoking takes the badge away from a producer: staff say why, and the reason goes to the audit log (issue 21)
  .refine((v) => v.decision !== "revoke" || !!v.note, { message: msg("staff.revokeReasonRequired"), path: ["note"] });

export const CREDIT_STATUSES = ["normal", "abnormal", "serious"] as const;

export const creditSchema = z
  .object({
    credit_status: oneOf(CREDIT_STATUSES),
    credit_status_source: optional(text(300)),
    credit_status_date: optional(isoDate),
    note: optional(text(500)),
  })
  .superRefine((v, ctx) => {
    if (v.credit_status === "normal") return;
    if (!v.credit_status_source) ctx.addIssue({ code: "custom", message: required, path: ["credit_status_source"] });
    if (!v.credit_status_date) ctx.addIssue({ code: "custom", message: required, path: ["credit_status_date"] });
    else if (v.credit_status_date > todayInChina()) ctx.addIssue({ code: "custom", message: msg("report.seenOnFuture"), path: ["credit_status_date"] });
  });

export const PLACE_KINDS = ["shop", "market", "online"] as const;

export const misuseReportSchema = z
  .object({
    what_seen: requiredText(2000, { multiline: true }),
    gi_product_id: optional(recordId()),
    place_kind: oneOf(PLACE_KINDS),
    place_name: optional(text(300)),
    online_url: optional(httpUrl),
    seen_on: optional(isoDate),
    contact: optional(text(200)),
  })
  .superRefine((v, ctx) => {
    if (v.place_kind === "online" && !v.online_url) ctx.addIssue({ code: "custom", message: required, path: ["online_url"] });
    if (v.place_kind !== "online" && !v.place_name) ctx.addIssue({ code: "custom", message: required, path: ["place_name"] });
    if (v.seen_on && v.seen_on > todayInChina()) ctx.addIssue({ code: "custom", message: msg("report.seenOnFuture"), path: ["seen_on"] });
  });

export type MisuseReportForm = z.infer<typeof misuseReportSchema>;

export const MISUSE_REPORT_STATUSES = ["new", "investigating", "referred", "closed"] as const;

export const caseSchema = z.object({
  status: oneOf(MISUSE_REPORT_STATUSES),
  note: optional(text(4000, { multiline: true })),
});

export const FACT_KINDS = ["gi", "trademark", "regional_brand", "organization", "product"] as const;

export const markVerifiedSchema = z.object({
  type: oneOf(FACT_KINDS),
  id: recordId(),
});

export const accountActionSchema = z.object({
  intent: oneOf(["reset", "disable", "enable"] as const),
  user_id: recordId(),
});
