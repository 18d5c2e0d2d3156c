import { Form, Link } from "@remix-run/react";
import { usePreferences, useT } from "../i18n/i18n";
import { boothText, eventDates, L } from "./parts";

/** The product page's notice: at which fair and booth the product is shown, the booth's lead form, an inquiry. */
export function ExhibitedNotice({
  at,
  productId,
}: {
  at: {
    event_id: number;
    name_zh: string;
    name_en: string | null;
    starts_on: string;
    ends_on: string;
    exhibitor_id: number;
    hall: string | null;
    booth: string;
  };
  productId: number;
}) {
  const t = useT();
  const { lang } = usePreferences();
  return (
    <aside className="notice exhibited" aria-labelledby="exhibited-at">
      <p id="exhibited-at" className="exhibited__where">
        {t("exhibited.at")}{" "}
        <Link to={`/events/${at.event_id}`}>
          <L lang={lang} zh={at.name_zh} en={at.name_en} />
        </Link>{" "}
        · <strong>{boothText(t, at.hall, at.booth)}</strong>
      </p>
      <p className="muted">{eventDates(t, at.starts_on, at.ends_on)}</p>
      <div className="exhibited__actions">
        <Link to={`/events/${at.event_id}/booth/${at.exhibitor_id}?product=${productId}#lead-form`} className="button">
          {t("leads.formTitle")}
        </Link>
        {/* a plain form: adds the product to the visitor's shortlist, then opens the inquiry with it chosen */}
        <Form method="post" action="/shortlist/items">
          <input type="hidden" name="intent" value="add" />
          <input type="hidden" name="productId" value={productId} />
          <input type="hidden" name="redirectTo" value={`/shortlist/inquiry?ids=${productId}`} />
          <button type="submit" className="button button--secondary">
            {t("exhibited.inquire")}
          </button>
        </Form>
      </div>
    </aside>
  );
}
