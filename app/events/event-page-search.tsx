import { Form, Link } from "@remix-run/react";
import type { PublicProduct } from "../../db/queries/products";
import { categoryEn } from "../domain/product-form";
import { localized, usePreferences, useT } from "../i18n/i18n";
import { boothText, EventBadges, L, ProductPhoto } from "./parts";

// The search within the event on the public page (issue 19): a plain GET form, so it works without JavaScript and a
// search can be bookmarked or shared; its results are the kiosk's (app/events/kiosk.server.ts kioskSearch).

export interface SearchState {
  q: string;
  category: string | null;
  county: string | null;
  categories: string[];
  counties: { zh: string; en: string | null }[];
}

export interface SearchResult {
  product: PublicProduct;
  hall: string | null;
  booth: string | null;
  url: string;
}

export function EventSearchForm({ eventId, search }: { eventId: number; search: SearchState }) {
  const t = useT();
  const { lang } = usePreferences();
  return (
    <Form method="get" action={`/events/${eventId}`} className="event-search" role="search" aria-labelledby="event-search-title">
      <h2 id="event-search-title">{t("eventPage.searchTitle")}</h2>
      <div className="field">
        <label htmlFor="event-q">{t("eventPage.searchLabel")}</label>
        <input id="event-q" name="q" type="search" defaultValue={search.q} maxLength={50} autoComplete="off" aria-describedby="event-q-hint" />
        <p id="event-q-hint" className="muted">
          {t("eventPage.searchHint")}
        </p>
      </div>
      <div className="event-search__filters">
        <div className="field">
          <label htmlFor="event-category">{t("events.category")}</label>
          <select id="event-category" name="category" defaultValue={search.category ?? ""}>
            <option value="">{t("eventPage.allCategories")}</option>
            {search.categories.map((c) => {
              const name = localized(lang, c, categoryEn(c));
              return (
                <option key={c} value={c} lang={name.lang}>
                  {name.text}
                </option>
              );
            })}
          </select>
        </div>
        {search.counties.length > 1 && (
          <div className="field">
            <label htmlFor="event-county">{t("events.county")}</label>
            <select id="event-county" name="county" defaultValue={search.county ?? ""}>
              <option value="">{t("eventPage.allCounties")}</option>
              {search.counties.map((c) => {
                const name = localized(lang, c.zh, c.en);
                return (
                  <option key={c.zh} value={c.zh} lang={name.lang}>
                    {name.text}
                  </option>
                );
              })}
            </select>
          </div>
        )}
        <button className="button" type="submit">
          {t("eventPage.search")}
        </button>
      </div>
    </Form>
  );
}

export function EventSearchResults({ eventId, results }: { eventId: number; results: SearchResult[] }) {
  const t = useT();
  const { lang } = usePreferences();
  return (
    <section aria-labelledby="event-results" className="event-results">
      <h2 id="event-results" aria-live="polite">
        {results.length ? t("eventPage.results", { count: results.length }) : t("eventPage.noResults")}
      </h2>
      {results.length > 0 && <p className="muted">{t("eventPage.resultsCaption")}</p>}
      <ul className="event-entries">
        {results.map((r) => {
          const name = localized(lang, r.product.name_zh, r.product.name_en);
          return (
            <li key={r.product.id} className="event-entry">
              <ProductPhoto product={r.product} lang={lang} />
              <div>
                <Link to={r.url} lang={name.lang}>
                  {name.text}
                </Link>{" "}
                <EventBadges product={r.product} t={t} lang={lang} />
                <br />
                <span className="muted">
                  <L lang={lang} zh={r.product.organization_zh} en={r.product.organization_en} /> · {boothText(t, r.hall, r.booth)}
                </span>
              </div>
            </li>
          );
        })}
      </ul>
      <p>
        <Link to={`/events/${eventId}`}>{t("eventPage.showAll")}</Link>
      </p>
    </section>
  );
}
