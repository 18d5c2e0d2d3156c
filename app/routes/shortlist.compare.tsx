import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { COMPARE_MAX, compareIds, limitComparison } from "../buyers/compare";
import { FACT_LABELS, PRODUCT_FACT_KEYS, productFacts, type ProductFactKey } from "../buyers/format";
import { readShortlist } from "../buyers/shortlist.server";
import { Fragment } from "react";
import { FactText, Trans } from "../components/content-text";
import { InquiryLink } from "../components/inquiry-link";
import { ProductThumb } from "../components/product-thumb";
import { localized, metaTranslator, usePreferences, useT } from "../i18n/i18n";
import { productsForComparison } from "../../db/queries/shortlists";
import { db } from "../services.server";

// GET /shortlist/compare?ids=1&ids=2 (or ids=1,2): up to four products side by side. Without ids, the first four of
// the visitor's shortlist. A fifth product and beyond are refused with a message naming them.

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const asked = compareIds(url.searchParams);
  // no ids at all: the first four of the shortlist; ids that are all junk: nothing
  const requested = url.searchParams.has("ids") ? asked : (await readShortlist(request)).productIds;
  const { compared, refused } = limitComparison(requested);
  const [products, refusedProducts] = await Promise.all([productsForComparison(db(), compared), productsForComparison(db(), refused)]);
  return {
    // what the table shows, not the whole record (only the first picture, no descriptions)
    products: products.map(({ images, description_zh: _dz, description_en: _de, ...p }) => ({ ...p, image: images[0] ?? null })),
    refused: refusedProducts.map((p) => ({ id: p.id, name_zh: p.name_zh, name_en: p.name_en })),
  };
}

const NONE_FIELDS = new Set<ProductFactKey>(["gi", "regionalBrand", "certifications"]);

export default function ComparePage() {
  const { products, refused } = useLoaderData<typeof loader>();
  const t = useT();
  const { lang } = usePreferences();
  const facts = products.map((p) => productFacts(t, lang, p));
  const ids = products.map((p) => p.id);
  const without = (id: number) => `/shortlist/compare?${new URLSearchParams(ids.filter((x) => x !== id).map((x) => ["ids", String(x)])).toString()}`;
  const inquiryHref = `/shortlist/inquiry?${new URLSearchParams(ids.map((x) => ["ids", String(x)])).toString()}`;
  return (
    <section className="compare">
      <h1>{t("compare.title")}</h1>
      <p>
        <Link to="/shortlist">{t("compare.backToShortlist")}</Link>
      </p>
      {refused.length > 0 && (
        <p className="notice" role="alert">
          <Trans
            k="compare.tooMany"
            vars={{
              max: COMPARE_MAX,
              names: refused.map((r, i) => {
                const name = localized(lang, r.name_zh, r.name_en);
                return (
                  <Fragment key={r.id}>
                    {i > 0 && (lang === "en" ? ", " : "、")}
                    <span lang={name.lang}>{name.text}</span>
                  </Fragment>
                );
              }),
            }}
          />
        </p>
      )}
      {products.length === 0 ? (
        <p className="notice">{t("compare.nothing")}</p>
      ) : (
        <>
          <div className="compare-scroll" role="region" aria-labelledby="compare-caption" tabIndex={0}>
            <table className="compare-table">
              <caption id="compare-caption">{t("compare.caption", { count: products.length })}</caption>
              <thead>
                <tr>
                  <td className="compare-table__corner" />
                  {products.map((p) => {
                    const name = localized(lang, p.name_zh, p.name_en);
                    return (
                      <th key={p.id} scope="col">
                        <ProductThumb image={p.image} name={name.text} />
                        <Link to={`/products/${p.id}`} lang={name.lang}>
                          {name.text}
                        </Link>
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody>
                {PRODUCT_FACT_KEYS.map((key) => (
                  <tr key={key}>
                    <th scope="row">{t(FACT_LABELS[key])}</th>
                    {facts.map((f, i) => (
                      <td key={ids[i]}>{f[key].length > 0 ? <FactText parts={f[key]} /> : NONE_FIELDS.has(key) ? t("compare.none") : t("compare.notGiven")}</td>
                    ))}
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t("lines.ask")}</th>
                  {products.map((p) => (
                    <td key={p.id}>
                      <InquiryLink productId={p.id} productName={localized(lang, p.name_zh, p.name_en).text} className="compare-table__ask" />
                    </td>
                  ))}
                </tr>
                {products.length > 1 && (
                  <tr>
                    <th scope="row">{t("compare.actions")}</th>
                    {products.map((p) => (
                      <td key={p.id}>
                        <Link to={without(p.id)}>
                          {t("compare.removeColumn")}
                          <span className="buyers-sr-only">
                            : <span lang={localized(lang, p.name_zh, p.name_en).lang}>{localized(lang, p.name_zh, p.name_en).text}</span>
                          </span>
                        </Link>
                      </td>
                    ))}
                  </tr>
                )}
              </tbody>
            </table>
          </div>
          <p>
            <Link to={inquiryHref} className="button">
              {t("compare.inquireThese")}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("compare.title")} · ${t("site.name")}` }];
};

export { ErrorBoundary } from "../components/route-error";
