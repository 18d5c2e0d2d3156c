import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { TrustBadges } from "../components/badges";
import { LocalizedText } from "../components/localized-text";
import { localized, usePreferences, useT } from "../i18n/i18n";
import { validityText } from "../lib/format";
import type { MessageKey } from "../i18n/messages";
import { currentAuthorisations, publishedProductsOf, publishedTrademarksOf } from "../../db/queries/organizations";
import { RECORD_KINDS, recordPage } from "../records/kinds.server";
import { recordPageMeta } from "../records/record-meta";
import { db } from "../services.server";
import { JsonLd } from "../seo/json-ld";
import { CreditCode } from "../components/credit-code";

export async function loader({ params }: LoaderFunctionArgs) {
  const { record, seo } = await recordPage(db(), RECORD_KINDS.organization, params.id);
  const [authorisations, products, trademarks] = await Promise.all([
    currentAuthorisations(db(), record.id),
    publishedProductsOf(db(), record.id),
    publishedTrademarksOf(db(), record.id),
  ]);
  return { record, seo, authorisations, products, trademarks };
}

export default function OrganizationPage() {
  const { record: org, seo, authorisations, products, trademarks } = useLoaderData<typeof loader>();
  const t = useT();
  const { lang } = usePreferences();
  const county = localized(lang, org.county_zh, org.county_en);
  return (
    <article>
      <JsonLd data={seo.jsonLd} />
      <p className="muted">{t("record.organization")}</p>
      <h1>
        <LocalizedText zh={org.name_zh} en={org.name_en} />
      </h1>
      <p>
        <TrustBadges unverified={org.unverified} sample={org.is_sample} />
      </p>
      <dl className="facts">
        <dt>{t("record.orgType")}</dt>
        <dd>{t(`orgType.${org.org_type}` as MessageKey)}</dd>
        <dt>{t("record.creditCode")}</dt>
        <dd>{org.credit_code ? <CreditCode code={org.credit_code} /> : t("common.unknown")}</dd>
        <dt>{t("record.origin")}</dt>
        <dd>
          {county.text || org.township_zh ? (
            <>
              {county.text && <span lang={county.lang}>{county.text}</span>}
              {county.text && org.township_zh && " · "}
              {org.township_zh && <LocalizedText zh={org.township_zh} en={org.township_en} />}
            </>
          ) : (
            t("common.unknown")
          )}
        </dd>
        {org.address && (
          <>
            <dt>{t("record.address")}</dt>
            <dd lang="zh-CN">{org.address}</dd>
          </>
        )}
        {org.website && /^https?:\/\//.test(org.website) && (
          <>
            <dt>{t("record.website")}</dt>
            <dd>
              <a href={org.website} rel="noopener noreferrer nofollow">
                {org.website}
              </a>
            </dd>
          </>
        )}
      </dl>
      <section>
        <h2>{t("record.contacts")}</h2>
        {org.contacts.length === 0 ? (
          <p>{t("record.noPublicContacts")}</p>
        ) : (
          <ul className="plain-list">
            {org.contacts.map((c) => (
              <li key={`${c.kind}:${c.value}`}>
                {t(`contact.${c.kind}` as MessageKey)}: {c.value}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h2>{t("record.mayUse")}</h2>
        {authorisations.gis.length + authorisations.brands.length === 0 ? (
          <p>{t("record.mayUseNone")}</p>
        ) : (
          <ul className="plain-list">
            {authorisations.gis.map((g) => (
              <li key={`gi-${g.gi_id}`}>
                <Link to={`/gi/${g.gi_id}`}>
                  <LocalizedText zh={g.name_zh} en={g.name_en} />
                </Link>{" "}
                — {t(`basis.${g.basis}` as MessageKey)}
                {g.basis_reference && <span lang="zh-CN"> ({g.basis_reference})</span>}, {validityText(t, g.valid_from, g.valid_to)}
              </li>
            ))}
            {authorisations.brands.map((b) => (
              <li key={`rb-${b.brand_id}`}>
                <Link to={`/regional-brands/${b.brand_id}`}>
                  <LocalizedText zh={b.name_zh} en={b.name_en} />
                </Link>
                {b.licence_no && <span lang="zh-CN"> ({b.licence_no})</span>}, {validityText(t, b.valid_from, b.valid_to)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h2>{t("record.products")}</h2>
        {products.length === 0 ? (
          <p>{t("record.none")}</p>
        ) : (
          <ul className="plain-list">
            {products.map((p) => (
              <li key={p.id}>
                <Link to={`/products/${p.id}`}>
                  <LocalizedText zh={p.name_zh} en={p.name_en} />
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h2>{t("record.trademarks")}</h2>
        {trademarks.length === 0 ? (
          <p>{t("record.none")}</p>
        ) : (
          <ul className="plain-list">
            {trademarks.map((m) => (
              <li key={m.id}>
                <Link to={`/trademarks/${m.id}`} lang="zh-CN">
                  {m.name_zh}
                </Link>
                {m.reg_no ? ` · ${m.reg_no}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

export const meta = recordPageMeta();

export { ErrorBoundary } from "../components/route-error";
