import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getEvent } from "../../db/queries/events";
import { resolvedCatalogue, type ResolvedSection } from "../../db/queries/event-catalogue-versions";
import { isFairStaff, visibleOr404 } from "../events/access.server";
import { eventPageParts } from "../events/event-page.server";
import { ExhibitorDirectory } from "../events/event-page-directory";
import { EventSchedule } from "../events/event-page-schedule";
import { EventSearchForm, EventSearchResults } from "../events/event-page-search";
import { boothText, EventBadges, eventDates, EventViewLinks, L, productAtEvent, ProductPhoto } from "../events/parts";
import { localized, metaTranslator, usePreferences, useT } from "../i18n/i18n";
import { recordIdOr404 } from "../lib/route-params";
import { chinaDateTime } from "../platform/china-time";
import { db, search } from "../services.server";

export { ErrorBoundary } from "../components/route-error";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  { title: data ? `${data.event.name_zh} · ${metaTranslator(matches)("events.title")}` : metaTranslator(matches)("events.title") },
];

export async function loader({ params, request }: LoaderFunctionArgs) {
  const staff = await isFairStaff(request);
  const event = visibleOr404(await getEvent(db(), recordIdOr404(params.id)), staff);
  const [parts, catalogue] = await Promise.all([eventPageParts(db(), search(), event.id, new URL(request.url)), resolvedCatalogue(db(), event.id)]);
  return {
    staff,
    event,
    ...parts,
    catalogue: { ...catalogue, version: catalogue.version && { version: catalogue.version.version, cutoff: chinaDateTime(catalogue.version.cutoff_at) } },
  };
}

function Sections({ eventId, sections, headingLevel }: { eventId: number; sections: ResolvedSection[]; headingLevel: "h3" | "h4" }) {
  const t = useT();
  const { lang } = usePreferences();
  const H = headingLevel;
  return (
    <>
      {sections.map((s, i) => (
        <section key={i} className="event-section">
          <H>
            <L lang={lang} zh={s.title_zh} en={s.title_en} />
          </H>
          <ul className="event-entries">
            {s.entries.map((e) => {
              const name = localized(lang, e.product.name_zh, e.product.name_en);
              const note = localized(lang, e.note_zh, e.note_en);
              return (
                <li key={e.product.id} className="event-entry">
                  <ProductPhoto product={e.product} lang={lang} />
                  <div>
                    <Link to={productAtEvent(e.product.id, eventId)} lang={name.lang}>
                      {name.text}
                    </Link>{" "}
                    <EventBadges product={e.product} t={t} lang={lang} />
                    <br />
                    <span className="muted">
                      <L lang={lang} zh={e.product.organization_zh} en={e.product.organization_en} /> · {boothText(t, e.hall, e.booth)}
                    </span>
                    {note.text && (
                      <p className="event-note" lang={note.lang}>
                        {note.text}
                      </p>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </>
  );
}

export default function EventPage() {
  const { staff, event: e, search, results, directory, catalogue } = useLoaderData<typeof loader>();
  const t = useT();
  const { lang } = usePreferences();
  return (
    <article className="event">
      <p>
        <Link to="/events">{t("events.title")}</Link>
      </p>
      <h1>
        <L lang={lang} zh={e.name_zh} en={e.name_en} />
      </h1>
      {e.is_sample && <span className="badge badge--sample">{t("events.sample")}</span>}
      <dl className="facts">
        <dt>{t("events.when")}</dt>
        <dd>{eventDates(t, e.starts_on, e.ends_on)}</dd>
        <dt>{t("events.venue")}</dt>
        <dd>
          <L lang={lang} zh={e.venue_zh} en={e.venue_en} />
        </dd>
        <dt>{t("events.organiser")}</dt>
        <dd>
          <L lang={lang} zh={e.organiser_zh} en={e.organiser_en} />
        </dd>
      </dl>
      <nav aria-label={t("events.tools")} className="event-tools">
        <EventViewLinks eventId={e.id} staff={staff} t={t} />
        {staff && (
          <Link className="button" to={`/events/${e.id}/manage`}>
            {t("events.manage")}
          </Link>
        )}
      </nav>

      <EventSchedule items={e.schedule} />
      <EventSearchForm eventId={e.id} search={search} />
      {results ? (
        <EventSearchResults eventId={e.id} results={results} />
      ) : (
        <section>
          <h2>{t("events.catalogue")}</h2>
          <p className="muted">
            {catalogue.version ? t("events.version", { version: catalogue.version.version, date: catalogue.version.cutoff }) : t("events.liveVersion")}
          </p>
          {catalogue.sections.length === 0 && catalogue.addendum.length === 0 ? (
            <p>{t("events.catalogueEmpty")}</p>
          ) : (
            <Sections eventId={e.id} sections={catalogue.sections} headingLevel="h3" />
          )}
          {catalogue.addendum.length > 0 && (
            <section className="event-addendum">
              <h3>{t("events.addendum")}</h3>
              <Sections eventId={e.id} sections={catalogue.addendum} headingLevel="h4" />
            </section>
          )}
        </section>
      )}
      <ExhibitorDirectory eventId={e.id} rows={directory} />
    </article>
  );
}
