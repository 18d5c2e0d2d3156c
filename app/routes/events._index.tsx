import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listEvents } from "../../db/queries/events";
import { isFairStaff } from "../events/access.server";
import { eventDates, L } from "../events/parts";
import { metaTranslator, usePreferences, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { db } from "../services.server";

export { ErrorBoundary } from "../components/route-error";

export const meta: MetaFunction = ({ matches }) => [{ title: metaTranslator(matches)("events.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await isFairStaff(request);
  // ?deleted=1: where deleting a draft lands (the notice is only shown to staff, who alone can delete)
  const deleted = staff && new URL(request.url).searchParams.get("deleted") === "1";
  return { staff, deleted, events: await listEvents(db(), { includeDrafts: staff }) };
}

export default function EventsPage() {
  const { staff, deleted, events } = useLoaderData<typeof loader>();
  const t = useT();
  const { lang } = usePreferences();
  return (
    <div className="events">
      <h1>{t("events.title")}</h1>
      {deleted && (
        <p className="notice" role="status">
          {t("events.deleted")}
        </p>
      )}
      <p>{t("events.intro")}</p>
      {staff && (
        <p>
          <Link className="button" to="/events/new">
            {t("events.new")}
          </Link>
        </p>
      )}
      {events.length === 0 ? (
        <p>{t("events.none")}</p>
      ) : (
        <ul className="event-list">
          {events.map((e) => (
            <li key={e.id} className="event-card">
              <h2>
                <Link to={`/events/${e.id}`}>
                  <L lang={lang} zh={e.name_zh} en={e.name_en} />
                </Link>
              </h2>
              <p>
                {eventDates(t, e.starts_on, e.ends_on)} · <L lang={lang} zh={e.venue_zh} en={e.venue_en} />
              </p>
              <p>
                <span className="badge">{t(`events.status.${e.status}` as MessageKey)}</span>
                {e.is_sample && <span className="badge badge--sample">{t("events.sample")}</span>}
                {staff && <Link to={`/events/${e.id}/manage`}>{t("events.manage")}</Link>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
