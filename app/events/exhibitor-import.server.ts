import { createHash } from "node:crypto";
import { data } from "@remix-run/node";
import { z } from "zod";
import type { Executor } from "../../db/client";
import { upsertExhibitor } from "../../db/queries/event-exhibitors";
import { createDraftOrganization, exhibitorsForImport, lockEvent, organizationsNamed } from "../../db/queries/exhibitor-import";
import type { Problem } from "../catalogue-io/kind";
import { readTable, UnreadableFileError } from "../catalogue-io/tabular";
import { errorsReply, noticeReply, type FormAnswer } from "../domain/form-reply";
import { msg } from "../domain/message";
import { db } from "../services.server";
import { IMPORT_FORM } from "./exhibitor-import-shared";
import { checkRow, MAX_IMPORT_ROWS, parseExhibitorTable, planCounts, planImport, type ImportColumn, type ImportRow, type PlanItem } from "./exhibitor-import";

// The two posts of the exhibitor import on the manage screen. "import-exhibitors" reads the uploaded file and answers a
// preview; nothing is written. "import-exhibitors-confirm" applies it in one transaction, all rows or none.
//
// The preview carries the checked rows to the confirm form in hidden fields (plain HTML, no JavaScript, no file chosen
// twice, nothing kept on the server between the two posts). They are only input: the confirm checks them with the
// same rules as a file, plans again under a lock on the event, and applies only if that plan is the one previewed
// (its digest), so an exhibitor added meanwhile or an edited hidden field asks for a new preview instead.

export interface ImportPreview {
  file: string;
  rows: number;
  items: PlanItem[];
  problems: Problem[];
  /** the checked rows for the confirm form, ASCII-only JSON in pieces under the form guard's per-field limit */
  payload: string[];
  digest: string;
}

export type ImportAnswer = FormAnswer & { preview?: ImportPreview };

const PIECE = 60_000;

export function encodeRows(rows: readonly ImportRow[]): string[] {
  const json = JSON.stringify(rows.map((r) => [r.row, r.hall ?? "", r.booth, r.creditCode ?? "", r.name ?? ""]));
  // \u escapes keep it ASCII, so cutting it into pieces never splits a character
  const ascii = json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  const pieces: string[] = [];
  for (let i = 0; i < ascii.length; i += PIECE) pieces.push(ascii.slice(i, i + PIECE));
  return pieces;
}

const payloadSchema = z.array(z.tuple([z.number().int().min(2).max(1_000_000), z.string(), z.string(), z.string(), z.string()])).max(MAX_IMPORT_ROWS);

/** The rows back from the confirm form, checked with the file's own rules; null for anything a preview did not produce. */
export function decodeRows(pieces: readonly FormDataEntryValue[]): ImportRow[] | null {
  if (pieces.some((p) => typeof p !== "string")) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(pieces.join(""));
  } catch {
    return null;
  }
  const tuples = payloadSchema.safeParse(parsed);
  if (!tuples.success) return null;
  const rows: ImportRow[] = [];
  for (const [row, hall, booth, credit_code, name] of tuples.data) {
    const checked = checkRow(row, { hall, booth, credit_code, name }, (c) => c);
    if (Array.isArray(checked)) return null;
    rows.push(checked);
  }
  return rows;
}

function digestOf(eventId: number, items: readonly PlanItem[]) {
  return createHash("sha256")
    .update(JSON.stringify([eventId, items]))
    .digest("base64url");
}

async function plan(executor: Executor, eventId: number, rows: readonly ImportRow[], label?: (c: ImportColumn) => string) {
  const codes = [...new Set(rows.flatMap((r) => (r.creditCode ? [r.creditCode] : [])))];
  const names = [...new Set(rows.flatMap((r) => (r.name ? [r.name] : [])))];
  const [orgs, exhibitors] = await Promise.all([organizationsNamed(executor, codes, names), exhibitorsForImport(executor, eventId)]);
  return planImport(rows, orgs, exhibitors, label);
}

function preview(eventId: number, file: string, rows: readonly ImportRow[], items: PlanItem[], problems: Problem[]): ImportPreview {
  return { file, rows: rows.length, items, problems, payload: problems.length ? [] : encodeRows(rows), digest: digestOf(eventId, items) };
}

const refused = (byField: Record<string, string[]>, extra: Partial<ImportAnswer> = {}, status = 400) =>
  data({ ...errorsReply(byField), form: IMPORT_FORM, ...extra } satisfies ImportAnswer, { status });

/** Reads the uploaded file and answers what importing it would do, or every problem in it. Writes nothing. */
export async function previewExhibitorImport(eventId: number, form: FormData) {
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return refused({ file: [msg("exhibitorImport.noFile")] });
  let table;
  try {
    table = await readTable(new Uint8Array(await file.arrayBuffer()));
  } catch (e) {
    if (!(e instanceof UnreadableFileError)) throw e;
    return refused({ file: [msg("import.unreadable", { reason: e.reason.slice(0, 200) })] });
  }
  const parsed = parseExhibitorTable(table);
  const planned = parsed.problems.length === 0 ? await plan(db(), eventId, parsed.rows, parsed.label) : { items: [], problems: [] };
  const problems = [...parsed.problems, ...planned.problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const shown = preview(eventId, file.name.slice(0, 200), parsed.rows, planned.items, problems);
  if (problems.length > 0) return refused({ file: [msg("exhibitorImport.hasProblems", { count: problems.length })] }, { preview: shown });
  if (parsed.rows.length === 0) return refused({ file: [msg("exhibitorImport.noRows")] });
  return data({ status: "success", form: IMPORT_FORM, preview: shown } satisfies ImportAnswer);
}

/** Applies a previewed import in one transaction: draft organisations created and every exhibitor written, or nothing. */
export async function confirmExhibitorImport(eventId: number, form: FormData, userId: number) {
  const rows = decodeRows(form.getAll("rows"));
  if (!rows || rows.length === 0) return refused({ "": [msg("exhibitorImport.badPayload")] });
  const file = String(form.get("file_name") ?? "").slice(0, 200);
  const outcome = await db()
    .transaction()
    .execute(async (trx) => {
      await lockEvent(trx, eventId);
      const planned = await plan(trx, eventId, rows);
      if (planned.problems.length > 0 || digestOf(eventId, planned.items) !== form.get("digest"))
        return { stale: preview(eventId, file, rows, planned.items, planned.problems) };
      for (const item of planned.items) {
        if (item.action === "unchanged") continue;
        const organizationId =
          item.organizationId ??
          (await createDraftOrganization(trx, { name_zh: item.name, credit_code: item.creditCode }, userId, `fair ${eventId}: exhibitor list import`));
        await upsertExhibitor(trx, eventId, organizationId, item.hall, item.booth);
      }
      return { counts: planCounts(planned.items) };
    });
  if ("stale" in outcome) return refused({ "": [msg("exhibitorImport.changed")] }, { preview: outcome.stale }, 409);
  return data({ ...noticeReply(msg("exhibitorImport.done", outcome.counts)), form: IMPORT_FORM } satisfies ImportAnswer);
}
