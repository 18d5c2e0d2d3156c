import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { addEntry, moveEntry, removeEntry, setEntryNote } from "../../db/queries/event-entries";
import { createSection, deleteSection, savedQueryOptions } from "../../db/queries/event-sections";
import { currentCatalogue, freezeVersion, listVersions } from "../../db/queries/event-catalogue-versions";
import {
  exhibitorCandidates,
  exhibitorProductIds,
  isExhibitorCandidate,
  listExhibitors,
  removeExhibitor,
  upsertExhibitor,
} from "../../db/queries/event-exhibitors";
import { getEvent, updateEvent } from "../../db/queries/events";
import { productSearchRows } from "../../db/queries/products";
import { requireFairStaff } from "../events/access.server";
import { EventFields, invalidFieldsText } from "../events/event-fields";
import { entrySchema, exhibitorSchema, formId, parseEvent, sectionSchema } from "../events/forms";
import { boothText, L } from "../events/parts";
import { localized, metaTranslator, translateMessage, translator, usePreferences, useT } from "../i18n/i18n";
import { fieldErrorReply, issuesReply, replyFields, replyFormErrors } from "../domain/form-reply";
import { msg } from "../domain/message";
import { readPreferences } from "../i18n/preferences.server";
import { boothQr } from "../events/booth-qr.server";
import { notFound, recordIdOr404 } from "../lib/route-params";
import { countyExists } from "../../db/queries/places";
import { chinaDateTime, parseChinaDateTime } from "../platform/china-time";
import { db } from "../services.server";

export { ErrorBoundary } from "../components/route-error";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaTranslator(matches)("events.manage")} · ${metaTranslator(matches)("events.title")}` }];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  await requireFairStaff(request);
  const event = await getEvent(db(), recordIdOr404(params.id));
  if (!event) notFound();
  const [exhibitors, candidates, sections, versions, options, productIds] = await Promise.all([
    listExhibitors(db(), event.id),
    exhibitorCandidates(db()),
    currentCatalogue(db(), event.id),
    listVersions(db(), event.id),
    savedQueryOptions(db()),
    exhibitorProductIds(db(), event.id),
  ]);
  const products = (await productSearchRows(db(), productIds)).map((p) => ({
    id: p.id,
    name_zh: p.name_zh,
    name_en: p.name_en,
    organization_zh: p.organization_zh,
  }));
  const qrLabel = translator(readPreferences(request).prefs.lang)("leads.qrLabel");
  return {
    event,
    exhibitors: await Promise.all(exhibitors.map(async (x) => ({ ...x, qr: await boothQr(context, event.id, x.id, qrLabel) }))),
    candidates,
    sections,
    versions: versions.map((v) => ({ version: v.version, cutoff: chinaDateTime(v.cutoff_at) })),
    options,
    products,
  };
}

export async function action({ params, request }: ActionFunctionArgs) {
  await requireFairStaff(request);
  const event = await getEvent(db(), recordIdOr404(params.id));
  if (!event) notFound();
  const form = await request.formData();
  const fields = Object.fromEntries(form);
  const back = (hash = "") => redirect(`/events/${event.id}/manage${hash}`);
  switch (form.get("intent")) {
    case "save-event": {
      const parsed = parseEvent(form);
      if (!parsed.ok) return data(fieldErrorReply(parsed.fields, { form }), { status: 400 });
      await updateEvent(db(), event.id, parsed.value);
      return back();
    }
    case "add-exhibitor": {
      const parsed = exhibitorSchema.safeParse(fields);
      if (!parsed.success) return data(issuesReply(parsed.error, form), { status: 400 });
      // only organisations the form offers: published and in good standing (an unknown id would be a database error)
      if (!(await isExhibitorCandidate(db(), parsed.data.organization_id)))
        return data(fieldErrorReply(["organization_id"], { message: msg("validation.noSuchChoice"), form }), { status: 400 });
      await upsertExhibitor(db(), event.id, parsed.data.organization_id, parsed.data.hall, parsed.data.booth);
      return back("#exhibitors");
    }
    case "remove-exhibitor": {
      await removeExhibitor(db(), event.id, formId(form));
      return back("#exhibitors");
    }
    case "add-section": {
      const parsed = sectionSchema.safeParse(fields);
      if (!parsed.success) return data(issuesReply(parsed.error, form), { status: 400 });
      const { title_zh, title_en, q, county_id, category } = parsed.data;
      if (county_id && !(await countyExists(db(), county_id)))
        return data(fieldErrorReply(["county_id"], { message: msg("validation.noSuchChoice"), form }), { status: 400 });
      const query = q || county_id || category ? { ...(q ? { q } : {}), ...(county_id ? { county_id } : {}), ...(category ? { category } : {}) } : null;
      const id = await createSection(db(), event.id, title_zh, title_en, query);
      return back(`#section-${id}`);
    }
    case "delete-section": {
      await deleteSection(db(), event.id, formId(form));
      return back("#sections");
    }
    case "add-entry": {
      const parsed = entrySchema.safeParse(fields);
      if (!parsed.success) return data(issuesReply(parsed.error, form), { status: 400 });
      const ok = await addEntry(db(), event.id, parsed.data.section_id, parsed.data.product_id, parsed.data.note_zh, parsed.data.note_en);
      if (!ok) return data(fieldErrorReply([], { formErrors: ["events.entryRejected"], form }), { status: 400 });
      return back(`#section-${parsed.data.section_id}`);
    }
    case "move-up":
    case "move-down": {
      await moveEntry(db(), event.id, formId(form), form.get("intent") === "move-up" ? "up" : "down");
      return back(`#entry-${form.get("id")}`);
    }
    case "save-note": {
      const parsed = entrySchema.pick({ note_zh: true, note_en: true }).safeParse(fields);
      if (!parsed.success) return data(fieldErrorReply(["note"], { form }), { status: 400 });
      await setEntryNote(db(), event.id, formId(form), parsed.data.note_zh, parsed.data.note_en);
      return back(`#entry-${form.get("id")}`);
    }
    case "remove-entry": {
      await removeEntry(db(), event.id, formId(form));
      return back("#sections");
    }
    case "freeze": {
      // the form's datetime-local is China's wall-clock time; empty means now. A value naming no real time is refused
      // rather than replaced by now, which would freeze a version the staff member never asked for.
      const raw = String(form.get("cutoff_at") ?? "");
      const cutoff = raw ? parseChinaDateTime(raw) : new Date();
      if (!cutoff) throw new Response("bad cutoff_at", { status: 400 });
      await freezeVersion(db(), event.id, cutoff);
      return back("#freeze");
    }
    default:
      throw new Response("bad intent", { status: 400 });
  }
}

export default function ManageEventPage() {
  const { event: e, exhibitors, candidates, sections, versions, options, products } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const { lang } = usePreferences();
  const productName = (id: number) => {
    const p = products.find((x) => x.id === id);
    return p ? localized(lang, p.name_zh, p.name_en).text : String(id);
  };
  return (
    <div className="event-manage">
      <p>
        <Link to={`/events/${e.id}`}>{t("events.back")}</Link>
      </p>
      <h1>
        {t("events.manage")}: <L lang={lang} zh={e.name_zh} en={e.name_en} />
      </h1>
      <nav aria-label={t("events.tools")} className="event-tools">
        <Link className="button button--secondary" to={`/events/${e.id}/report`}>
          {t("leads.report")}
        </Link>
        <Link className="button button--secondary" to={`/events/${e.id}/booth-qr`}>
          {t("leads.qrCodes")}
        </Link>
      </nav>
      {replyFields(result).length > 0 && (
        <p role="alert" className="field-error">
          {t("events.invalid", { fields: invalidFieldsText(t, lang, replyFields(result)) })}
        </p>
      )}
      {replyFormErrors(result).map((e) => (
        <p key={e} role="alert" className="field-error">
          {translateMessage(t, e)}
        </p>
      ))}

      <section aria-labelledby="details">
        <h2 id="details">{t("events.details")}</h2>
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="save-event" />
          <EventFields value={e} />
          <button className="button" type="submit">
            {t("events.save")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="exhibitors">
        <h2 id="exhibitors">{t("events.exhibitors")}</h2>
        {exhibitors.length === 0 ? (
          <p>{t("events.noExhibitors")}</p>
        ) : (
          <ul className="booth-qr-list">
            {exhibitors.map((x) => (
              <li key={x.id}>
                {boothText(t, x.hall, x.booth)} · <L lang={lang} zh={x.name_zh} en={x.name_en} />{" "}
                <a href={x.qr.url} dangerouslySetInnerHTML={{ __html: x.qr.svg }} />
                <Link to={`/events/${e.id}/booth-qr?exhibitor=${x.id}`}>
                  {t("leads.qrCodes")}
                  <span className="event-sr-only">
                    : <L lang={lang} zh={x.name_zh} en={x.name_en} />
                  </span>
                </Link>{" "}
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="remove-exhibitor" />
                  <input type="hidden" name="id" value={x.id} />
                  <button className="button button--secondary" type="submit" aria-label={t("events.removeNamed", { name: x.name_zh })}>
                    {t("events.remove")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <Form method="post" className="form form--row">
          <input type="hidden" name="intent" value="add-exhibitor" />
          <div className="field">
            <label htmlFor="ex-org">{t("events.chooseOrganization")}</label>
            <select id="ex-org" name="organization_id" required>
              {candidates.map((o) => (
                <option key={o.id} value={o.id} lang="zh-CN">
                  {o.name_zh}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="ex-hall">{t("events.hall")}</label>
            <input id="ex-hall" name="hall" maxLength={20} />
          </div>
          <div className="field">
            <label htmlFor="ex-booth">{t("events.booth")}</label>
            <input id="ex-booth" name="booth" maxLength={20} required />
          </div>
          <button className="button" type="submit">
            {t("events.addExhibitor")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="sections">
        <h2 id="sections">{t("events.sections")}</h2>
        {sections.map((s) => (
          <section key={s.id} id={`section-${s.id}`} className="manage-section" aria-labelledby={`section-title-${s.id}`}>
            <h3 id={`section-title-${s.id}`}>
              <L lang={lang} zh={s.title_zh} en={s.title_en} />
            </h3>
            {s.rows.length === 0 ? (
              <p>{t("events.emptySection")}</p>
            ) : (
              <ol className="manage-entries">
                {s.rows.map((r) => {
                  const name = productName(r.product_id);
                  return (
                    <li key={`${r.source}-${r.product_id}`} id={r.entry_id ? `entry-${r.entry_id}` : undefined} className="manage-entry">
                      <strong>{name}</strong> {r.source === "search" && <span className="badge">{t("events.fromSearch")}</span>}
                      {r.entry_id ? (
                        <>
                          <Form method="post" className="inline-form">
                            <input type="hidden" name="id" value={r.entry_id} />
                            <button
                              className="button button--secondary"
                              type="submit"
                              name="intent"
                              value="move-up"
                              aria-label={t("events.moveUpNamed", { name })}
                            >
                              ↑ {t("events.moveUp")}
                            </button>
                            <button
                              className="button button--secondary"
                              type="submit"
                              name="intent"
                              value="move-down"
                              aria-label={t("events.moveDownNamed", { name })}
                            >
                              ↓ {t("events.moveDown")}
                            </button>
                            <button
                              className="button button--secondary"
                              type="submit"
                              name="intent"
                              value="remove-entry"
                              aria-label={t("events.removeNamed", { name })}
                            >
                              {t("events.remove")}
                            </button>
                          </Form>
                          <Form method="post" className="form form--row">
                            <input type="hidden" name="intent" value="save-note" />
                            <input type="hidden" name="id" value={r.entry_id} />
                            <div className="field">
                              <label htmlFor={`note-zh-${r.entry_id}`}>{t("events.noteZh")}</label>
                              <input id={`note-zh-${r.entry_id}`} name="note_zh" defaultValue={r.note_zh ?? ""} maxLength={500} />
                            </div>
                            <div className="field">
                              <label htmlFor={`note-en-${r.entry_id}`}>{t("events.noteEn")}</label>
                              <input id={`note-en-${r.entry_id}`} name="note_en" lang="en" defaultValue={r.note_en ?? ""} maxLength={500} />
                            </div>
                            <button className="button button--secondary" type="submit">
                              {t("events.saveNote")}
                            </button>
                          </Form>
                        </>
                      ) : (
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value="add-entry" />
                          <input type="hidden" name="section_id" value={s.id ?? ""} />
                          <input type="hidden" name="product_id" value={r.product_id} />
                          <button className="button button--secondary" type="submit">
                            {t("events.pin")}
                          </button>
                        </Form>
                      )}
                    </li>
                  );
                })}
              </ol>
            )}
            <Form method="post" className="form form--row">
              <input type="hidden" name="intent" value="add-entry" />
              <input type="hidden" name="section_id" value={s.id ?? ""} />
              <div className="field">
                <label htmlFor={`add-${s.id}`}>{t("events.chooseProduct")}</label>
                <select id={`add-${s.id}`} name="product_id" required>
                  {products.map((p) => (
                    <option key={p.id} value={p.id} lang="zh-CN">
                      {p.name_zh} · {p.organization_zh}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`add-note-zh-${s.id}`}>{t("events.noteZh")}</label>
                <input id={`add-note-zh-${s.id}`} name="note_zh" maxLength={500} />
              </div>
              <div className="field">
                <label htmlFor={`add-note-en-${s.id}`}>{t("events.noteEn")}</label>
                <input id={`add-note-en-${s.id}`} name="note_en" lang="en" maxLength={500} />
              </div>
              <button className="button" type="submit">
                {t("events.addEntry")}
              </button>
            </Form>
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="delete-section" />
              <input type="hidden" name="id" value={s.id ?? ""} />
              <button className="button button--secondary" type="submit">
                {t("events.deleteSection")}
              </button>
            </Form>
          </section>
        ))}
        <h3>{t("events.addSection")}</h3>
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="add-section" />
          <div className="field">
            <label htmlFor="sec-zh">{t("events.sectionTitleZh")}</label>
            <input id="sec-zh" name="title_zh" required maxLength={200} />
          </div>
          <div className="field">
            <label htmlFor="sec-en">{t("events.sectionTitleEn")}</label>
            <input id="sec-en" name="title_en" lang="en" maxLength={200} />
          </div>
          <fieldset>
            <legend>{t("events.savedSearch")}</legend>
            <p className="field-hint">{t("events.savedSearchHint")}</p>
            <div className="field">
              <label htmlFor="sec-q">{t("events.searchText")}</label>
              <input id="sec-q" name="q" maxLength={100} />
            </div>
            <div className="field">
              <label htmlFor="sec-county">{t("events.county")}</label>
              <select id="sec-county" name="county_id" defaultValue="">
                <option value="">{t("events.anyCounty")}</option>
                {options.counties.map((c) => (
                  <option key={c.id} value={c.id}>
                    {localized(lang, c.name_zh, c.name_en).text}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="sec-category">{t("events.category")}</label>
              <select id="sec-category" name="category" defaultValue="">
                <option value="">{t("events.anyCategory")}</option>
                {options.categories.map((c) => (
                  <option key={c} value={c} lang="zh-CN">
                    {c}
                  </option>
                ))}
              </select>
            </div>
          </fieldset>
          <button className="button" type="submit">
            {t("events.addSection")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="freeze">
        <h2 id="freeze">{t("events.freeze")}</h2>
        <p>{t("events.freezeHint")}</p>
        <h3>{t("events.versions")}</h3>
        {versions.length === 0 ? (
          <p>{t("events.noVersions")}</p>
        ) : (
          <ul className="plain-list">
            {versions.map((v) => (
              <li key={v.version}>{t("events.version", { version: v.version, date: v.cutoff })}</li>
            ))}
          </ul>
        )}
        <Form method="post" className="form form--row">
          <input type="hidden" name="intent" value="freeze" />
          <div className="field">
            <label htmlFor="cutoff">{t("events.cutoffAt")}</label>
            <input id="cutoff" name="cutoff_at" type="datetime-local" />
          </div>
          <button className="button" type="submit">
            {t("events.freezeNow")}
          </button>
        </Form>
      </section>
    </div>
  );
}
