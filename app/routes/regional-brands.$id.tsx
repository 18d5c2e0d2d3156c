import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { TrustBadges } from "../components/badges";
import { LocalizedText } from "../components/localized-text";
import { SourceList } from "../components/source-list";
import { localized, usePreferences, useT } from "../i18n/i18n";
import { validityText } from "../lib/format";
import { RECORD_KINDS, recordPage } from "../records/kinds.server";
import { recordPageMeta } from "../records/record-meta";
import { db } from "../services.server";
import { JsonLd } from "../seo/json-ld";

export const loader = ({ params }: LoaderFunctionArgs) => recordPage(db(), RECORD_KINDS.regional_brand, params.id);

export default function RegionalBrandPage() {
  const { record: brand, seo } = useLoaderData<typeof loader>();
  const t = useT();
  const { lang } = usePreferences();
  const description = localized(lang, brand.description_zh, brand.description_en);
  return (
    <article>
      <JsonLd data={seo.jsonLd} />
      <p className="muted">{t("record.regionalBrand")}</p>
      <h1>
        <LocalizedText zh={brand.name_zh} en={brand.name_en} />
      </h1>
      <p>
        <TrustBadges unverified={brand.unverified} sample={brand.is_sample} />
      </p>
      <dl className="facts">
        {(brand.brand_type_zh || brand.brand_type) && (
          <>
            <dt>{t("record.brandType")}</dt>
            <dd>
              <LocalizedText zh={brand.brand_type_zh} en={brand.brand_type} />
            </dd>
          </>
        )}
        {brand.county_zh && (
          <>
            <dt>{t("gi.county")}</dt>
            <dd>
              <LocalizedText zh={brand.county_zh} en={brand.county_en} />
            </dd>
          </>
        )}
        {brand.scope && (
          <>
            <dt>{t("record.scope")}</dt>
            <dd>
              <LocalizedText zh={brand.scope} en={brand.scope_en} />
            </dd>
          </>
        )}
        {brand.launched_on && (
          <>
            <dt>{t("record.launched")}</dt>
            <dd>{brand.launched_on}</dd>
          </>
        )}
      </dl>
      {description.text && (
        <section>
          <h2>{t("record.description")}</h2>
          <p lang={description.lang}>{description.text}</p>
        </section>
      )}
      <section>
        <h2>{t("record.licensees")}</h2>
        {brand.licensees.length === 0 ? (
          <p>{t("record.none")}</p>
        ) : (
          <ul className="plain-list">
            {brand.licensees.map((o) => (
              <li key={o.id}>
                <Link to={`/organizations/${o.id}`}>
                  <LocalizedText zh={o.name_zh} en={o.name_en} />
                </Link>
                , {validityText(t, o.valid_from, o.valid_to)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <SourceList sources={brand.source} />
    </article>
  );
}

export const meta = recordPageMeta();

export { ErrorBoundary } from "../components/route-error";
