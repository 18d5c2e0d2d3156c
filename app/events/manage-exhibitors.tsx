import { Form, Link } from "@remix-run/react";
import { ConfirmAction } from "../components/confirm-action";
import { Trans } from "../components/content-text";
import { usePreferences, useT } from "../i18n/i18n";
import { boothText, L } from "./parts";

// The manage screen's exhibitors: each booth with its printable QR code, removal that asks first (and only withdraws,
// so the printed code keeps working), the withdrawn ones with a way back, and the form that adds one.

type Exhibitor = {
  id: number;
  hall: string | null;
  booth: string;
  name_zh: string;
  name_en: string | null;
  organization_status: string;
  qr: { url: string; svg: string };
};
type Candidate = { id: number; name_zh: string };
type Withdrawn = { id: number; hall: string | null; booth: string; name_zh: string; name_en: string | null };

export function ManageExhibitors({
  eventId,
  exhibitors,
  withdrawn,
  candidates,
}: {
  eventId: number;
  exhibitors: Exhibitor[];
  withdrawn: Withdrawn[];
  candidates: Candidate[];
}) {
  const t = useT();
  const { lang } = usePreferences();
  return (
    <section aria-labelledby="exhibitors">
      <h2 id="exhibitors">{t("events.exhibitors")}</h2>
      {exhibitors.length === 0 ? (
        <p>{t("events.noExhibitors")}</p>
      ) : (
        <ul className="booth-qr-list">
          {exhibitors.map((x) => (
            <li key={x.id}>
              {boothText(t, x.hall, x.booth)} · <L lang={lang} zh={x.name_zh} en={x.name_en} />{" "}
              {/* imported for review: public pages leave it out until reviewers publish it */}
              {x.organization_status !== "published" && <span className="badge">{t("events.exhibitorUnderReview")}</span>}{" "}
              <a href={x.qr.url} dangerouslySetInnerHTML={{ __html: x.qr.svg }} />
              <Link to={`/events/${eventId}/booth-qr?exhibitor=${x.id}`}>
                {t("leads.qrCodes")}
                <span className="event-sr-only">
                  : <L lang={lang} zh={x.name_zh} en={x.name_en} />
                </span>
              </Link>{" "}
              <ConfirmAction
                label={t("events.remove")}
                name={t("events.removeNamed", { name: x.name_zh })}
                question={<Trans k="events.removeConfirm" vars={{ name: <L lang={lang} zh={x.name_zh} en={x.name_en} /> }} />}
                confirmLabel={<Trans k="events.removeNamed" vars={{ name: <L lang={lang} zh={x.name_zh} en={x.name_en} /> }} />}
              >
                <input type="hidden" name="intent" value="remove-exhibitor" />
                <input type="hidden" name="id" value={x.id} />
              </ConfirmAction>
            </li>
          ))}
        </ul>
      )}
      {withdrawn.length > 0 && (
        <>
          <h3>{t("events.withdrawn")}</h3>
          <p className="field-hint">{t("events.withdrawnHint")}</p>
          <ul className="plain-list">
            {withdrawn.map((x) => (
              <li key={x.id}>
                {boothText(t, x.hall, x.booth)} · <L lang={lang} zh={x.name_zh} en={x.name_en} />{" "}
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="restore-exhibitor" />
                  <input type="hidden" name="id" value={x.id} />
                  <button className="button button--secondary" type="submit" aria-label={t("events.restoreNamed", { name: x.name_zh })}>
                    {t("events.restore")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </>
      )}
      <Form method="post" className="form form--row" key={`add-exhibitor-${exhibitors.length}`}>
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
  );
}
