import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { currentCatalogue, listVersions } from "../../db/queries/event-catalogue-versions";
import { exhibitorCandidates, exhibitorProductIds, listExhibitors, withdrawnExhibitors } from "../../db/queries/event-exhibitors";
import { countHeldLeadsOfEvent } from "../../db/queries/held-leads";
import { savedQueryOptions } from "../../db/queries/event-sections";
import { getEvent } from "../../db/queries/events";
import { productSearchRows } from "../../db/queries/products";
import { replyFields, replyFormErrors } from "../domain/form-reply";
import { requireFairStaff } from "../events/access.server";
import { boothQr } from "../events/booth-qr.server";
import { EventFields, invalidFieldsText } from "../events/event-fields";
import { ExhibitorImport } from "../events/exhibitor-import-form";
import { IMPORT_FORM } from "../events/exhibitor-import-shared";
import { manageEvent } from "../events/manage-actions.server";
import { ManageExhibitors } from "../events/manage-exhibitors";
import { ManageSections } from "../events/manage-sections";
import { ManageSchedule } from "../events/manage-schedule";
import { SCHEDULE_FORM } from "../events/schedule";
import { ConfirmAction } from "../components/confirm-action";
import { Trans } from "../components/content-text";
import { EventViewLinks, L } from "../events/parts";
import { metaTranslator, translateMessage, translator, usePreferences, useT } from "../i18n/i18n";
import { readPreferences } from "../i18n/preferences.server";
import { notFound, recordIdOr404 } from "../lib/route-params";
import { chinaDateTime } from "../platform/china-time";
import { db } from "../services.server";

export { ErrorBoundary } from "../components/route-error";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaTranslator(matches)("events.manage")} · ${metaTranslator(matches)("events.title")}` }];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  await requireFairStaff(request);
  const event = await getEvent(db(), recordIdOr404(params.id));
  if (!event) notFound();
  const [exhibitors, withdrawn, held, candidates, sections, versions, options, productIds] = await Promise.all([
    listExhibitors(db(), event.id, { withUnreviewed: true }),
    withdrawnExhibitors(db(), event.id),
    countHeldLeadsOfEvent(db(), event.id),
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
    withdrawn,
    heldCount: held,
    candidates,
    sections,
    versions: versions.map((v) => ({ version: v.version, cutoff: chinaDateTime(v.cutoff_at) })),
    options,
    products,
  };
}

export async function action({ params, request }: ActionFunctionArgs) {
  const user = await requireFairStaff(request);
  const event = await getEvent(db(), recordIdOr404(params.id));
  if (!event) notFound();
  return manageEvent(event.id, await request.formData(), user.id);
}

export default function ManageEventPage() {
  const { event: e, exhibitors, withdrawn, heldCount, candidates, sections, versions, options, products } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  // the import answers below its own form; every other form's answer shows at the top
  const imported = answer && "form" in answer && answer.form === IMPORT_FORM ? answer : undefined;
  // the schedule's refusal names its lines beside the textarea
  const scheduled = answer && "form" in answer && answer.form === SCHEDULE_FORM ? answer : undefined;
  const result = imported || scheduled ? undefined : answer;
  const t = useT();
  const { lang } = usePreferences();
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
          {t("leads.fairSummary")}
        </Link>
        <Link className="button button--secondary" to={`/events/${e.id}/booth-qr`}>
          {t("leads.qrCodes")}
        </Link>
        <Link className={heldCount > 0 ? "button" : "button button--secondary"} to={`/events/${e.id}/held-leads`}>
          {t("events.heldLeads", { count: heldCount })}
        </Link>
        <EventViewLinks eventId={e.id} staff t={t} />
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

      <ManageSchedule items={e.schedule} answer={scheduled} />

      <ManageExhibitors eventId={e.id} exhibitors={exhibitors} withdrawn={withdrawn} candidates={candidates} />
      <ExhibitorImport answer={imported} />
      <ManageSections sections={sections} products={products} options={options} />

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

      {e.status === "draft" && (
        <section aria-labelledby="delete-event">
          <h2 id="delete-event">{t("events.deleteEvent")}</h2>
          <p>{t("events.deleteEventHint")}</p>
          <ConfirmAction
            label={t("events.deleteEvent")}
            question={<Trans k="events.deleteEventQuestion" vars={{ name: <L lang={lang} zh={e.name_zh} en={e.name_en} /> }} />}
            confirmLabel={t("events.deleteEvent")}
          >
            <input type="hidden" name="intent" value="delete-event" />
          </ConfirmAction>
        </section>
      )}
    </div>
  );
}
