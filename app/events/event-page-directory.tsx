import { Link } from "@remix-run/react";
import { ScrollableTable } from "../components/scrollable-table";
import { localized, usePreferences, useT } from "../i18n/i18n";
import { L } from "./parts";

// The exhibitor directory on the public event page (issue 19): every exhibitor by hall and booth in natural order
// (app/events/booth-order.ts, as in the printed catalogue), its organisation page and its booth page, where a buyer
// leaves contact details.

export interface DirectoryRow {
  id: number;
  organization_id: number;
  hall: string | null;
  booth: string | null;
  name_zh: string;
  name_en: string | null;
  county_zh: string | null;
  county_en: string | null;
}

export function ExhibitorDirectory({ eventId, rows }: { eventId: number; rows: DirectoryRow[] }) {
  const t = useT();
  const { lang } = usePreferences();
  return (
    <section aria-labelledby="event-directory" className="event-directory">
      <h2 id="event-directory">{t("eventPage.directory")}</h2>
      {rows.length === 0 ? (
        <p>{t("events.noExhibitors")}</p>
      ) : (
        <>
          <p className="muted">{t("eventPage.boothPageHint")}</p>
          <ScrollableTable labelledBy="event-directory-caption">
            <table>
              <caption id="event-directory-caption">{t("eventPage.directoryCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("events.hall")}</th>
                  <th scope="col">{t("events.booth")}</th>
                  <th scope="col">{t("eventPage.exhibitor")}</th>
                  <th scope="col">{t("eventPage.boothPage")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((x) => {
                  const name = localized(lang, x.name_zh, x.name_en);
                  return (
                    <tr key={x.id}>
                      <td>{x.hall ?? "—"}</td>
                      <th scope="row">{x.booth ?? "—"}</th>
                      <td>
                        <Link to={`/organizations/${x.organization_id}`} lang={name.lang}>
                          {name.text}
                        </Link>
                        {x.county_zh && (
                          <>
                            <br />
                            <span className="muted">
                              <L lang={lang} zh={x.county_zh} en={x.county_en} />
                            </span>
                          </>
                        )}
                      </td>
                      <td>
                        <Link to={`/events/${eventId}/booth/${x.id}`} aria-label={t("eventPage.boothPageOf", { name: name.text })}>
                          {t("eventPage.boothPage")}
                        </Link>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollableTable>
        </>
      )}
    </section>
  );
}
