import type { SubmissionResult } from "@conform-to/react";
import type { z } from "zod";
import { msg } from "./message";

// Every action answers a failed form in one shape, Conform's SubmissionResult: `status: "error"` and `error` keyed
// by field name ("" for the form as a whole), each value a list of message keys (app/i18n/messages). Most actions get
// it from `parseWithZod(...).reply()`; these helpers give the same shape where a handler checked the form by hand or
// with a plain `schema.safeParse`, so the page (useForm({ lastResult })) and the tests read one shape everywhere.

export type FormReply = SubmissionResult<string[]>;

/**
 * What an action answers for a form: the reply above, and on success optionally a notice (a message key) for the
 * page's status line ("saved", "sent for review"). One shape for every form, so pages and tests read errors and
 * notices the same way.
 */
export type FormAnswer = FormReply & {
  notice?: string;
  /** Which of the page's forms answered, on a page with several (the posted `intent`). */
  form?: string;
};

/** A success with a notice; pass the submission's reply to keep Conform's view of the fields (or reset them). */
export function noticeReply(notice: string, reply: FormReply = { status: "success" }): FormAnswer {
  return { ...reply, notice };
}

type Options = {
  /** The message each named field gets; "validation.invalid" ("please check this field") unless the check knows better. */
  message?: string;
  /** Errors about the form as a whole (shown above it). */
  formErrors?: string[];
  /** The submitted form, so a page without JavaScript re-renders with what the visitor typed. */
  form?: FormData;
};

function payload(form: FormData | undefined): FormReply["initialValue"] {
  if (!form) return null;
  const values: Record<string, string | string[]> = {};
  for (const [name, value] of form) {
    if (typeof value !== "string") continue; // files are never echoed back
    const seen = values[name];
    values[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return values;
}

// Conform shows a field's errors only once the field counts as validated: every posted field and every field in error.
function validated(form: FormData | undefined, error: Record<string, unknown>): string[] {
  return [...new Set([...(form ? [...form.keys()] : []), ...Object.keys(error)])];
}

/** A failed form whose wrong fields the server found itself (an unknown id, a taken code): each named field in error. */
export function fieldErrorReply(fields: readonly string[], { message = msg("validation.invalid"), formErrors, form }: Options = {}): FormReply {
  const error: Record<string, string[]> = Object.fromEntries([...new Set(fields)].map((f) => [f, [message]]));
  if (formErrors?.length) error[""] = formErrors;
  return { status: "error", initialValue: payload(form), error, fields: validated(form, error) };
}

/** A failed form whose fields each have their own messages, found by hand (an upload's file and descriptions). */
export function errorsReply(byField: Record<string, string[]>, form?: FormData): FormReply {
  return { status: "error", initialValue: payload(form), error: byField, fields: validated(form, byField) };
}

/** A failed `schema.safeParse`: each field with its own messages, as parseWithZod would report them. */
export function issuesReply(error: z.ZodError, form?: FormData): FormReply {
  const byField: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const name = issue.path.map(String).join(".");
    (byField[name] ??= []).push(issue.message);
  }
  return { status: "error", initialValue: payload(form), error: byField, fields: validated(form, byField) };
}

/** The names of the fields a reply marks wrong (not the form-level ""), for pages that list them in one alert. */
export function replyFields(reply: FormReply | undefined): string[] {
  return Object.keys(reply?.error ?? {}).filter((name) => name !== "" && reply?.error?.[name]?.length);
}

/** The form-level errors of a reply. */
export function replyFormErrors(reply: FormReply | undefined): string[] {
  return reply?.error?.[""] ?? [];
}
