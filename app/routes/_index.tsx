import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SchemeBadges, TrustBadges } from "../components/badges";
import { SearchForm } from "../components/search-form";
import { localized, metaTranslator, usePreferences, useT } from "../i18n/i18n";
import { listPublishedGiProducts } from "../../db/queries/gi-products";
import { db } from "../services.server";
import { isUnverified } from "../domain/verification";

export { ErrorBoundary } from "../components/route-error";

export async function loader() {
  const gis = await listPublishedGiProducts(db());
  return {
    gis: gis.map((g) => ({
      id: g.id,
      name_zh: g.name_zh,
      name_en: g.name_en,
      county_zh: g.county_zh,
      county_en: g.county_en,
      schemes: g.schemes.map((s) => s.scheme),
      unverified: isUnverified(g),
      is_sample: g.is_sample,
    })),
  };
}

export default function Home() {
  const { gis } = useLoaderData<typeof loader>();
  const t = useT();
  const { lang } = usePreferences();
  return (
    <>
      <h1>{t("site.name")}</h1>
      <p>{t("home.intro")}</p>
      <SearchForm />
      <h2>{t("home.heading")}</h2>
      <ul className="card-list">
        {gis.map((g) => {
          const name = localized(lang, g.name_zh, g.name_en);
          const county = localized(lang, g.county_zh, g.county_en);
          return (
            <li key={g.id} className="card">
              <h3>
                <Link to={`/gi/${g.id}`} lang={name.lang}>
                  {name.text}
                </Link>
              </h3>
              {lang === "en" && <p lang="zh-CN">{g.name_zh}</p>}
              <p lang={county.lang}>{county.text}</p>
              <p>
                <SchemeBadges schemes={g.schemes} />
                <TrustBadges unverified={g.unverified} sample={g.is_sample} />
              </p>
            </li>
          );
        })}
      </ul>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: t("site.name") }, { name: "description", content: t("site.tagline") }];
};
