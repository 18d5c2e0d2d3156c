import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, Link, useLoaderData } from "@remix-run/react";
import { SchemeBadges, TrustBadges } from "../components/badges";
import { Highlighted } from "../components/highlighted";
import { SearchForm } from "../components/search-form";
import { localized, metaTranslator, usePreferences, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { listCounties } from "../../db/queries/places";
import { ENTITY_TYPE_VALUES, parseSearchParams } from "../search/params";
import { searchCatalog } from "../search/query.server";
import { db, search } from "../services.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = parseSearchParams(new URL(request.url).searchParams);
  if (!parsed.ok) throw data({ error: parsed.error }, { status: 400 });
  const params = parsed.value;
  const [result, counties] = await Promise.all([
    searchCatalog(db(), search(), { q: params.q, types: params.type, counties: params.county, page: params.page, perPage: params.per_page }),
    listCounties(db()),
  ]);
  return { params, result, counties };
}

export default function SearchPage() {
  const { params, result, counties } = useLoaderData<typeof loader>();
  const t = useT();
  const { lang } = usePreferences();
  const pageHref = (page: number) => {
    const sp = new URLSearchParams();
    if (params.q) sp.set("q", params.q);
    params.type.forEach((v) => sp.append("type", v));
    params.county.forEach((v) => sp.append("county", v));
    sp.set("page", String(page));
    return `/search?${sp.toString()}`;
  };
  const lastPage = Math.max(1, Math.ceil(result.total / params.per_page));
  return (
    <>
      <h1>{t("search.heading")}</h1>
      <SearchForm q={params.q}>
        <div className="filters">
          <fieldset>
            <legend>{t("search.filterType")}</legend>
            {ENTITY_TYPE_VALUES.map((type) => (
              <label key={type}>
                <input type="checkbox" name="type" value={type} defaultChecked={params.type.includes(type)} />
                {t(`type.${type}` as MessageKey)}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t("search.filterCounty")}</legend>
            {counties.map((c) => (
              <label key={c.id}>
                <input type="checkbox" name="county" value={c.name_zh} defaultChecked={params.county.includes(c.name_zh)} />
                <span lang={lang === "en" && c.name_en ? "en" : "zh-CN"}>{lang === "en" && c.name_en ? c.name_en : c.name_zh}</span>
              </label>
            ))}
          </fieldset>
        </div>
      </SearchForm>
      {result.degraded && (
        <p className="notice" role="status">
          {t("search.degraded")}
        </p>
      )}
      <p role="status">{t("search.resultCount", { count: result.total })}</p>
      {result.hits.length === 0 ? (
        <div className="notice">
          <p>{t("search.empty", { q: params.q })}</p>
          <p>{t("search.emptyHint")}</p>
        </div>
      ) : (
        <ol className="result-list">
          {result.hits.map((h) => {
            const useEn = lang === "en" && !!h.name_en;
            const county = localized(lang, h.county, h.county_en);
            return (
              <li key={h.id} className="result">
                <h2>
                  <Link to={h.url} lang={useEn ? "en" : "zh-CN"}>
                    {useEn ? <Highlighted marked={h.name_en_marked} plain={h.name_en ?? ""} /> : <Highlighted marked={h.name_zh_marked} plain={h.name_zh} />}
                  </Link>
                </h2>
                <p>
                  <span className="badge">{t(`type.${h.type}` as MessageKey)}</span>
                  <SchemeBadges schemes={h.gi_schemes} />
                  <TrustBadges unverified={h.unverified} sample={h.is_sample} />
                </p>
                {useEn && <p lang="zh-CN">{h.name_zh}</p>}
                {county.text && <p lang={county.lang}>{county.text}</p>}
              </li>
            );
          })}
        </ol>
      )}
      {lastPage > 1 && (
        <nav className="pagination" aria-label={t("search.page", { page: params.page })}>
          {params.page > 1 && <Link to={pageHref(params.page - 1)}>{t("search.prev")}</Link>}
          {params.page < lastPage && <Link to={pageHref(params.page + 1)}>{t("search.next")}</Link>}
        </nav>
      )}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data: loaderData }) => {
  const t = metaTranslator(matches);
  const q = loaderData?.params.q;
  return [{ title: q ? `${q} · ${t("search.heading")} · ${t("site.name")}` : `${t("search.heading")} · ${t("site.name")}` }];
};

export { ErrorBoundary } from "../components/route-error";
