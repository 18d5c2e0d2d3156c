import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { COMPARE_MAX } from "../buyers/compare";
import { readShortlist } from "../buyers/shortlist.server";
import { handoffNotice } from "../events/kiosk.server";
import { TrustBadges } from "../components/badges";
import { ShortlistButton } from "../components/shortlist-button";
import { InquiryLink } from "../components/inquiry-link";
import { ProductThumb } from "../components/product-thumb";
import { localized, metaTranslator, usePreferences, useT } from "../i18n/i18n";
import { productsForComparison } from "../../db/queries/shortlists";
import { db } from "../services.server";
import { isUnverified } from "../domain/verification";

// GET /shortlist (docs/interfaces.md): the visitor's shortlist, with or without an account.

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, productIds } = await readShortlist(request);
  const products = await productsForComparison(db(), productIds);
  return data(
    {
      signedIn: !!user,
      // just taken from a fair's kiosk (events.$id.take.$token.tsx)
      handoff: handoffNotice(new URL(request.url).searchParams),
      products: products.map((p) => ({
        id: p.id,
        name_zh: p.name_zh,
        name_en: p.name_en,
        organization_id: p.organization_id,
        organization_zh: p.organization_zh,
        organization_en: p.organization_en,
        county_zh: p.county_zh,
        county_en: p.county_en,
        township_zh: p.township_zh,
        gi: p.gi_id && p.gi_authorised ? p.gi_name_zh : null,
        regionalBrand: p.regional_brand_id && p.regional_brand_licensed ? p.regional_brand_zh : null,
        is_sample: p.is_sample,
        unverified: isUnverified(p),
        image: p.images[0] ?? null,
      })),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export default function ShortlistPage() {
  const { signedIn, products, handoff } = useLoaderData<typeof loader>();
  const t = useT();
  const { lang } = usePreferences();
  return (
    <section className="shortlist">
      <h1>{t("shortlist.title")}</h1>
      {handoff && (
        <div className="notice" role="status">
          <p>{t("handoff.added", { count: handoff.added })}</p>
          {handoff.full > 0 && <p>{t("handoff.full", { count: handoff.full })}</p>}
          {handoff.gone > 0 && <p>{t("handoff.gone", { count: handoff.gone })}</p>}
        </div>
      )}
      <p>{signedIn ? t("shortlist.introAccount") : t("shortlist.introAnonymous")}</p>
      {products.length === 0 ? (
        <p className="notice">
          {t("shortlist.empty")} <Link to="/search">{t("shortlist.findProducts")}</Link>
        </p>
      ) : (
        <>
          <p>{t("shortlist.count", { count: products.length })}</p>
          <ul className="card-list shortlist__items">
            {products.map((p, i) => {
              const name = localized(lang, p.name_zh, p.name_en);
              const producer = localized(lang, p.organization_zh, p.organization_en);
              const county = localized(lang, p.county_zh, p.county_en);
              return (
                <li key={p.id} className="card">
                  <ProductThumb image={p.image} name={name.text} />
                  <h2>
                    <Link to={`/products/${p.id}`} lang={name.lang}>
                      {name.text}
                    </Link>
                  </h2>
                  <p>
                    <Link to={`/organizations/${p.organization_id}`} lang={producer.lang}>
                      {producer.text}
                    </Link>
                    {county.text && (
                      <>
                        {" · "}
                        <span lang={county.lang}>{county.text}</span>
                      </>
                    )}
                    {p.township_zh && (
                      <>
                        {" · "}
                        <span lang="zh-CN">{p.township_zh}</span>
                      </>
                    )}
                  </p>
                  <p>
                    {p.gi && (
                      <span className="badge badge--gi">
                        {t("record.giBadge")}
                        <span lang="zh-CN">{p.gi}</span>
                      </span>
                    )}
                    {p.regionalBrand && (
                      <span className="badge badge--gi">
                        {t("record.regionalBadge")}
                        <span lang="zh-CN">{p.regionalBrand}</span>
                      </span>
                    )}
                    <TrustBadges unverified={p.unverified} sample={p.is_sample} />
                  </p>
                  <p className="shortlist__pick">
                    <label>
                      <input type="checkbox" name="ids" value={p.id} form="compare-form" defaultChecked={i < COMPARE_MAX} />
                      {t("shortlist.pickForCompare")}
                      <span className="buyers-sr-only">
                        : <span lang={name.lang}>{name.text}</span>
                      </span>
                    </label>
                  </p>
                  <ShortlistButton productId={p.id} productName={name.text} inShortlist linkToList={false} />
                  <p>
                    <InquiryLink productId={p.id} productName={name.text} />
                  </p>
                </li>
              );
            })}
          </ul>
          <Form method="get" action="/shortlist/compare" id="compare-form" className="form-actions">
            <button type="submit" className="button">
              {t("shortlist.compareSelected", { max: COMPARE_MAX })}
            </button>
          </Form>
          <ul className="shortlist__actions">
            <li>
              <Link to="/shortlist/inquiry" className="button">
                {t("inquiry.send")}
              </Link>
            </li>
            <li>
              <a href="/shortlist.csv" download>
                {t("shortlist.exportCsv")}
              </a>
            </li>
            <li>
              <Link to="/shortlist/print">{t("shortlist.print")}</Link>
            </li>
          </ul>
        </>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("shortlist.title")} · ${t("site.name")}` }];
};

export { ErrorBoundary } from "../components/route-error";
