import { data, redirect } from "@remix-run/node";
import { addEntry, moveEntry, removeEntry, setEntryNote } from "../../db/queries/event-entries";
import { freezeVersion } from "../../db/queries/event-catalogue-versions";
import {
  boothHolder,
  isExhibitorCandidate,
  restoreExhibitor,
  upsertExhibitor,
  withdrawExhibitor,
  withdrawnExhibitors,
} from "../../db/queries/event-exhibitors";
import { createSection, deleteSection, moveSection, updateSection } from "../../db/queries/event-sections";
import type { SavedQuery } from "../../db/schema";
import { deleteDraftEvent, getEvent, setEventSchedule, updateEvent } from "../../db/queries/events";
import { countyExists } from "../../db/queries/places";
import { fieldErrorReply, issuesReply } from "../domain/form-reply";
import { msg } from "../domain/message";
import { parseChinaDateTime } from "../platform/china-time";
import { db } from "../services.server";
import { confirmExhibitorImport, previewExhibitorImport } from "./exhibitor-import.server";
import { entrySchema, exhibitorSchema, formId, parseEvent, sectionSchema } from "./forms";
import { parseSchedule, SCHEDULE_FORM } from "./schedule";

// The fair staff's edits on the manage screen, one handler per intent (the form's hidden `intent` field). Each answers
// a redirect to the part of the page it changed, or a 400 with the one form-error shape (app/domain/form-reply.ts).

type Handler = (eventId: number, form: FormData, fields: Record<string, FormDataEntryValue>, userId: number) => Promise<Response | ReturnType<typeof data>>;

const back = (eventId: number, hash = "") => redirect(`/events/${eventId}/manage${hash}`);
const invalid = (reply: ReturnType<typeof fieldErrorReply>) => data(reply, { status: 400 });

const handlers: Record<string, Handler> = {
  async "save-event"(eventId, form) {
    const parsed = parseEvent(form);
    if (!parsed.ok) return invalid(fieldErrorReply(parsed.fields, { form }));
    await updateEvent(db(), eventId, parsed.value);
    return back(eventId);
  },

  // the whole schedule at once, every line checked against the event's days: one wrong line saves nothing and the
  // answer names each wrong line, keeping what was typed
  async [SCHEDULE_FORM](eventId, form) {
    const event = await getEvent(db(), eventId);
    if (!event) throw new Response("no such event", { status: 404 });
    const raw = form.get("schedule");
    if (typeof raw !== "string" || raw.length > 20_000) throw new Response("schedule: not a text", { status: 400 });
    const parsed = parseSchedule(raw, { from: event.starts_on, to: event.ends_on });
    if (!parsed.ok) return data({ ...fieldErrorReply(["schedule"], { formErrors: parsed.errors, form }), form: SCHEDULE_FORM }, { status: 400 });
    await setEventSchedule(db(), eventId, parsed.items);
    return back(eventId, "#schedule");
  },

  async "add-exhibitor"(eventId, form, fields) {
    const parsed = exhibitorSchema.safeParse(fields);
    if (!parsed.success) return invalid(issuesReply(parsed.error, form));
    // only organisations the form offers: published and in good standing (an unknown id would be a database error)
    if (!(await isExhibitorCandidate(db(), parsed.data.organization_id)))
      return invalid(fieldErrorReply(["organization_id"], { message: msg("validation.noSuchChoice"), form }));
    // two exhibitors at one booth number would send buyers to the wrong stand and print two codes for one place
    const holder = await boothHolder(db(), eventId, parsed.data.organization_id, parsed.data.hall, parsed.data.booth);
    if (holder) {
      const taken = msg("events.boothTaken", { name: holder.name_zh });
      return invalid(fieldErrorReply(["booth"], { message: taken, formErrors: [taken], form }));
    }
    await upsertExhibitor(db(), eventId, parsed.data.organization_id, parsed.data.hall, parsed.data.booth);
    return back(eventId, "#exhibitors");
  },

  // withdraws, never deletes: the printed booth QR code keeps resolving and says the exhibitor has withdrawn
  async "remove-exhibitor"(eventId, form) {
    await withdrawExhibitor(db(), eventId, formId(form));
    return back(eventId, "#exhibitors");
  },

  async "restore-exhibitor"(eventId, form) {
    const id = formId(form);
    const exhibitor = (await withdrawnExhibitors(db(), eventId)).find((x) => x.id === id);
    if (!exhibitor) return back(eventId, "#exhibitors");
    const holder = await boothHolder(db(), eventId, exhibitor.organization_id, exhibitor.hall, exhibitor.booth);
    if (holder) return invalid(fieldErrorReply([], { formErrors: [msg("events.boothTaken", { name: holder.name_zh })], form }));
    await restoreExhibitor(db(), eventId, id);
    return back(eventId, "#exhibitors");
  },

  // a spreadsheet of exhibitors: first a preview that writes nothing, then the confirm applies it all or nothing
  async "import-exhibitors"(eventId, form) {
    return previewExhibitorImport(eventId, form);
  },

  async "import-exhibitors-confirm"(eventId, form, _fields, userId) {
    return confirmExhibitorImport(eventId, form, userId);
  },

  async "add-section"(eventId, form, fields) {
    const parsed = await parseSection(form, fields);
    if (!parsed.ok) return parsed.reply;
    const id = await createSection(db(), eventId, parsed.title_zh, parsed.title_en, parsed.query);
    return back(eventId, `#section-${id}`);
  },

  // the title and the saved search (关键词、区县、品类) can be changed after the section is made
  async "save-section"(eventId, form, fields) {
    const sectionId = formId(form);
    const parsed = await parseSection(form, fields);
    if (!parsed.ok) return parsed.reply;
    await updateSection(db(), eventId, sectionId, parsed.title_zh, parsed.title_en, parsed.query);
    return back(eventId, `#section-${sectionId}`);
  },

  async "move-section-up"(eventId, form) {
    await moveSection(db(), eventId, formId(form), "up");
    return back(eventId, `#section-${form.get("id")}`);
  },

  async "move-section-down"(eventId, form) {
    await moveSection(db(), eventId, formId(form), "down");
    return back(eventId, `#section-${form.get("id")}`);
  },

  async "delete-section"(eventId, form) {
    await deleteSection(db(), eventId, formId(form));
    return back(eventId, "#sections");
  },

  // only a draft, never shown to the public: a published event's booth QR codes and links are already out there
  async "delete-event"(eventId, form) {
    if (!(await deleteDraftEvent(db(), eventId))) return data(fieldErrorReply([], { formErrors: [msg("events.deleteOnlyDraft")], form }), { status: 409 });
    return redirect("/events?deleted=1");
  },

  async "add-entry"(eventId, form, fields) {
    const parsed = entrySchema.safeParse(fields);
    if (!parsed.success) return invalid(issuesReply(parsed.error, form));
    const ok = await addEntry(db(), eventId, parsed.data.section_id, parsed.data.product_id, parsed.data.note_zh, parsed.data.note_en);
    if (!ok) return invalid(fieldErrorReply([], { formErrors: ["events.entryRejected"], form }));
    return back(eventId, `#section-${parsed.data.section_id}`);
  },

  async "move-up"(eventId, form) {
    await moveEntry(db(), eventId, formId(form), "up");
    return back(eventId, `#entry-${form.get("id")}`);
  },

  async "move-down"(eventId, form) {
    await moveEntry(db(), eventId, formId(form), "down");
    return back(eventId, `#entry-${form.get("id")}`);
  },

  async "save-note"(eventId, form, fields) {
    const parsed = entrySchema.pick({ note_zh: true, note_en: true }).safeParse(fields);
    if (!parsed.success) return invalid(fieldErrorReply(["note"], { form }));
    await setEntryNote(db(), eventId, formId(form), parsed.data.note_zh, parsed.data.note_en);
    return back(eventId, `#entry-${form.get("id")}`);
  },

  async "remove-entry"(eventId, form) {
    await removeEntry(db(), eventId, formId(form));
    return back(eventId, "#sections");
  },

  async freeze(eventId, form) {
    // the form's datetime-local is China's wall-clock time; empty means now. A value naming no real time is refused
    // rather than replaced by now, which would freeze a version the staff member never asked for.
    const raw = String(form.get("cutoff_at") ?? "");
    const cutoff = raw ? parseChinaDateTime(raw) : new Date();
    if (!cutoff) return invalid(fieldErrorReply(["cutoff_at"], { form }));
    await freezeVersion(db(), eventId, cutoff);
    return back(eventId, "#freeze");
  },
};

/** A section form's title and saved search; a county no form offers is a field error. */
async function parseSection(form: FormData, fields: Record<string, FormDataEntryValue>) {
  const parsed = sectionSchema.safeParse(fields);
  if (!parsed.success) return { ok: false as const, reply: invalid(issuesReply(parsed.error, form)) };
  const { title_zh, title_en, q, county_id, category } = parsed.data;
  if (county_id && !(await countyExists(db(), county_id)))
    return { ok: false as const, reply: invalid(fieldErrorReply(["county_id"], { message: msg("validation.noSuchChoice"), form })) };
  const query: SavedQuery | null =
    q || county_id || category ? { ...(q ? { q } : {}), ...(county_id ? { county_id } : {}), ...(category ? { category } : {}) } : null;
  return { ok: true as const, title_zh, title_en, query };
}

/** Runs the intent the form names; an intent no form offers is a plain 400. */
export async function manageEvent(eventId: number, form: FormData, userId: number) {
  const intent = String(form.get("intent") ?? "");
  // own keys only: "constructor" or "toString" is no intent
  if (!Object.hasOwn(handlers, intent)) throw new Response("bad intent", { status: 400 });
  return handlers[intent]!(eventId, form, Object.fromEntries(form), userId);
}
