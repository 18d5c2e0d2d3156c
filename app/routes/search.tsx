import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, isRouteErrorResponse, Link, useLoaderData, useLocation, useNavigation, useRouteError, useSubmit } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { FACET_ORDER, FacetGroup, facetValueLabel, SortSelect } from "../components/search-facets";
import { SearchForm } from "../components/search-form";
import { SearchResultCard } from "../components/search-result-card";
import { Content, Interpolated } from "../components/search-text";
import { metaTranslator, translator, usePreferences, useT } from "../i18n/i18n";
import { readPreferences } from "../i18n/preferences.server";
import type { FacetName } from "../search/facets";
import { describeProblems, MAX_PAGE, PAGE_KEYS, searchHref, selectedValues } from "../search/params";
import { parseSearchParams } from "../search/params-schema";
import { COUNTY_OPTIONS, NICE_CLASS_NAMES, resolveCounty } from "../search/places.server";
import { shortlistedProductIds } from "../buyers/shortlist.server";
import { catalogQueryFromParams, searchCatalog } from "../search/query.server";
import { searchSuggestions } from "../search/suggestions.server";
import { SearchSuggestions } from "../components/search-suggestions";
import { db, search } from "../services.server";
import { productCardImages, productCardProducers } from "../../db/queries/search-cards";
import { townshipEnglishNames } from "../../db/queries/places";

export async function loader({ request }: LoaderFunctionArgs) {
  const { prefs } = readPreferences(request);
  const parsed = parseSearchParams(new URL(request.url).searchParams, { allowed: PAGE_KEYS, resolveCounty });
  // a bad parameter names itself, in the visitor's language
  if (!parsed.ok) throw data({ error: describeProblems(parsed.problems, translator(prefs.lang)) }, { status: 400 });
  const params = parsed.value;
  const result = await searchCatalog(db(), search(), catalogQueryFromParams(params));
  // product cards carry a shortlist button that shows whether the product is already on the visitor's list
  const productIds = result.hits.filter((h) => h.type === "product").map((h) => h.record_id);
  const shortlisted = productIds.length > 0 ? await shortlistedProductIds(request) : [];
  const images = Object.fromEntries(await productCardImages(db(), productIds));
  const producers = Object.fromEntries(await productCardProducers(db(), productIds));
  const classes = new Set([...Object.keys(result.facets.nice_class ?? {}), ...params.nice_class.map(String)]);
  return {
    params,
    result,
    shortlisted,
    images,
    producers,
    // did-you-mean where the query found nothing as typed: no results, only some of its words, or a corrected spelling
    suggestions:
      result.total === 0 || result.relaxed || result.corrected
        ? (await searchSuggestions(db(), params.q, { otherSpellings: result.total === 0 })).filter((s) => s.q !== result.corrected?.q)
        : [],
    labels: {
      counties: COUNTY_OPTIONS.map((c) => ({ name_zh: c.name_zh, name_en: c.name_en })),
      niceClasses: Object.fromEntries([...classes].filter((c) => NICE_CLASS_NAMES[Number(c)]).map((c) => [c, NICE_CLASS_NAMES[Number(c)]!])),
      townships: await townshipEnglishNames(db(), [...new Set([...Object.keys(result.facets.township ?? {}), ...params.township])]),
    },
  };
}

/** Form fields → query string, without empty values and the default sort, so shared links stay short. */
function formQuery(form: HTMLFormElement): string {
  const sp = new URLSearchParams();
  for (const [key, value] of new FormData(form)) {
    if (typeof value !== "string" || value.trim() === "") continue;
    if (key === "sort" && value === "relevance") continue;
    sp.append(key, value);
  }
  return sp.toString();
}

function normalisedSearch(search: string): string {
  const sp = new URLSearchParams(search);
  sp.delete("lang");
  sp.delete("elder");
  return sp.toString();
}

/**
 * With JavaScript the results follow the form as the buyer types (debounced) or ticks a filter, replacing the history
 * entry so Back leaves the search; the URL stays the shareable GET URL the form would have produced without
 * JavaScript. When the URL changes for another reason (a link, Back), the form is rebuilt from it.
 */
function useLiveSearch() {
  const submit = useSubmit();
  const location = useLocation();
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const submitted = useRef<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const lastSearch = useRef(normalisedSearch(location.search));

  useEffect(() => {
    const current = normalisedSearch(location.search);
    if (current === lastSearch.current) return;
    lastSearch.current = current;
    if (submitted.current !== null && current === submitted.current) return;
    setFormKey((k) => k + 1);
  }, [location.search]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const send = useCallback(
    (replace: boolean) => {
      const form = formRef.current;
      if (!form) return;
      const query = formQuery(form);
      submitted.current = query;
      submit(new URLSearchParams(query), { method: "get", action: "/search", replace, preventScrollReset: true });
    },
    [submit],
  );

  const onChange = useCallback(
    (event: FormEvent<HTMLElement>) => {
      const target = event.target as HTMLInputElement;
      clearTimeout(timer.current);
      // typing waits for a pause; a ticked box or a new sort order applies at once
      timer.current = setTimeout(() => send(true), target.type === "search" ? 250 : 0);
    },
    [send],
  );
  const onSubmit = useCallback(
    (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      clearTimeout(timer.current);
      send(false);
    },
    [send],
  );
  return { formRef, formKey, onChange, onSubmit };
}

export default function SearchPage() {
  const { params, result, shortlisted, images, producers, suggestions, labels } = useLoaderData<typeof loader>();
  const t = useT();
  const { lang } = usePreferences();
  const navigation = useNavigation();
  const { formRef, formKey, onChange, onSubmit } = useLiveSearch();
  const selected = selectedValues(params);
  const active = FACET_ORDER.flatMap((facet) => selected[facet].map((value) => ({ facet, value })));
  // never link past what the schema accepts (page ≤ MAX_PAGE) or Meilisearch pages through (10,000 hits)
  const lastPage = Math.max(1, Math.min(MAX_PAGE, Math.ceil(Math.min(result.total, 10_000) / params.per_page)));
  const pastEnd = result.hits.length === 0 && result.total > 0 && params.page > lastPage;
  const busy = navigation.state === "loading" && navigation.location.pathname === "/search";
  const removeLabel = (facet: FacetName, value: string) => {
    const label = facetValueLabel(facet, value, t, lang, labels);
    // one element inside the (flex) link, so the text and the name stay one line and one accessible name
    return (
      <span>
        <Interpolated template={t("search.removeFilter")} values={{ label: <Content text={label.text} lang={label.lang} /> }} />
      </span>
    );
  };

  return (
    <div className="search-page">
      <h1>{t("search.heading")}</h1>
      <SearchForm key={`q${formKey}`} id="search-form" q={params.q} formRef={formRef} onChange={onChange} onSubmit={onSubmit}>
        <div className="search-controls">
          <SortSelect value={params.sort} />
        </div>
      </SearchForm>
      {result.degraded && (
        <div className="notice search-degraded" role="status">
          <p>{t("search.degraded")}</p>
          <p>{t("search.degradedHint")}</p>
        </div>
      )}

      {active.length > 0 && (
        <div className="active-filters">
          <h2 className="active-filters__heading">{t("search.activeFilters")}</h2>
          <ul>
            {active.map(({ facet, value }) => (
              <li key={`${facet}=${value}`}>
                <Link to={searchHref(params, { remove: { facet, value } })} preventScrollReset>
                  {removeLabel(facet, value)}
                </Link>
              </li>
            ))}
            {active.length > 1 && (
              <li>
                <Link to={searchHref(params, { remove: "all" })} preventScrollReset>
                  {t("search.clearFilters")}
                </Link>
              </li>
            )}
          </ul>
        </div>
      )}

      <div className="search-layout">
        {/* the filters belong to the search form through form="search-form", so they work without JavaScript too */}
        <section key={`f${formKey}`} className="search-filters" aria-labelledby="filters-heading" onChange={onChange}>
          {/* on a phone the filters come first: one tap takes the buyer past them */}
          <a className="search-skip" href="#results-heading">
            {t("search.skipToResults", { count: result.total })}
          </a>
          <h2 id="filters-heading" className="search-filters__heading">
            {t("search.filters")}
          </h2>
          {FACET_ORDER.map((facet) => (
            <FacetGroup key={facet} facet={facet} counts={result.facets[facet]} selected={selected[facet]} labels={labels} form="search-form" />
          ))}
          <button type="submit" form="search-form" className="button button--secondary">
            {t("search.apply")}
          </button>
        </section>
        <section className="search-results" aria-labelledby="results-heading" aria-busy={busy}>
          <h2 id="results-heading" className="search-results__heading">
            {t("search.resultsHeading")}
          </h2>
          <p role="status" className="search-results__count">
            {t("search.resultCount", { count: result.total })}
            {lastPage > 1 && params.page <= lastPage && ` · ${t("search.pageOf", { page: params.page, pages: lastPage })}`}
          </p>
          {result.corrected && (
            <div className="notice" role="status">
              <p>
                <Interpolated template={t("search.corrected")} values={{ q: <Content text={params.q} />, corrected: <Content text={result.corrected.q} /> }} />
              </p>
              <SearchSuggestions params={params} suggestions={suggestions} lead="search.didYouMean" />
            </div>
          )}
          {result.relaxed && (
            <div className="notice">
              <p>{t("search.relaxed")}</p>
              <SearchSuggestions params={params} suggestions={suggestions} lead="search.didYouMean" />
            </div>
          )}
          {pastEnd ? (
            // a page beyond the results (an old link, a hand-edited URL): say so, and lead back to them
            <div className="notice search-past-end">
              <p>{t("search.pastEnd", { page: params.page, pages: lastPage })}</p>
              <ul className="search-empty__links">
                <li>
                  <Link to={searchHref(params, { page: lastPage })}>{t("search.lastPage", { page: lastPage })}</Link>
                </li>
                {lastPage > 1 && (
                  <li>
                    <Link to={searchHref(params, { page: 1 })}>{t("search.firstPage")}</Link>
                  </li>
                )}
              </ul>
            </div>
          ) : result.hits.length === 0 ? (
            <div className="notice search-empty">
              <p>{params.q ? <Interpolated template={t("search.empty")} values={{ q: <Content text={params.q} /> }} /> : t("search.emptyNoQuery")}</p>
              <SearchSuggestions params={params} suggestions={suggestions} lead="search.tryOther" />
              {active.length > 0 && (
                <>
                  <p>{t("search.removeFilters")}</p>
                  <ul className="search-empty__links">
                    {active.map(({ facet, value }) => (
                      <li key={`${facet}=${value}`}>
                        <Link to={searchHref(params, { remove: { facet, value } })}>{removeLabel(facet, value)}</Link>
                      </li>
                    ))}
                  </ul>
                </>
              )}
              <p>{t("search.emptyHint")}</p>
            </div>
          ) : (
            <ol className="result-list">
              {result.hits.map((h) => (
                <SearchResultCard
                  key={h.id}
                  hit={h}
                  shortlisted={shortlisted.includes(h.record_id)}
                  image={h.type === "product" ? images[h.record_id] : undefined}
                  producer={h.type === "product" ? producers[h.record_id] : undefined}
                />
              ))}
            </ol>
          )}
          {lastPage > 1 && !pastEnd && (
            <nav className="pagination" aria-label={t("search.pagination")}>
              {params.page > 1 && (
                <Link to={searchHref(params, { page: params.page - 1 })} rel="prev">
                  {t("search.prev")}
                </Link>
              )}
              <span aria-current="page">{t("search.page", { page: params.page })}</span>
              {params.page < lastPage && (
                <Link to={searchHref(params, { page: params.page + 1 })} rel="next">
                  {t("search.next")}
                </Link>
              )}
            </nav>
          )}
        </section>
      </div>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data: loaderData }) => {
  const t = metaTranslator(matches);
  const q = loaderData?.params.q;
  return [{ title: q ? `${q} · ${t("search.heading")} · ${t("site.name")}` : `${t("search.heading")} · ${t("site.name")}` }];
};

/** A bad parameter: say which one, in the visitor's language, and offer a fresh search. */
export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const badRequest = isRouteErrorResponse(error) && error.status === 400;
  const message = isRouteErrorResponse(error) && typeof error.data === "object" && error.data && "error" in error.data ? String(error.data.error) : undefined;
  return (
    <section className="error-page">
      <h1>{badRequest ? t("search.error.heading") : t("error.title")}</h1>
      {badRequest && message ? <p role="alert">{message}</p> : <p>{t("error.generic")}</p>}
      <SearchForm />
      <p>
        <Link to="/search">{t("search.error.restart")}</Link>
      </p>
    </section>
  );
}
