import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Fragment, useEffect, useState } from "react";
import { FACT_LABELS, PRODUCT_FACT_KEYS, productFacts } from "../buyers/format";
import { readShortlist } from "../buyers/shortlist.server";
import { todayInChina } from "../platform/china-time";
import { ContentText, FactText } from "../components/content-text";
import { localized, metaTranslator, usePreferences, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { getPublicOrganization } from "../../db/queries/organizations";
import { productsForComparison } from "../../db/queries/shortlists";
import { publicOrigin } from "../platform/public-origin.server";
import { db } from "../services.server";

// GET /shortlist/print — the shortlist as a printable sheet (print CSS hides the site chrome), with each producer's
// public contacts, as the organisation chose to show them.

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { productIds } = await readShortlist(request);
  const products = await productsForComparison(db(), productIds);
  const orgIds = [...new Set(products.map((p) => p.organization_id))];
  const orgs = await Promise.all(orgIds.map((id) => getPublicOrganization(db(), id)));
  const contacts = Object.fromEntries(orgs.filter((o) => !!o).map((o) => [o.id, o.contacts]));
  return data({ products, contacts, today: todayInChina(), origin: publicOrigin(context) }, { headers: { "Cache-Control": "private, no-store" } });
}

export default function PrintableShortlist() {
  const { products, contacts, today, origin } = useLoaderData<typeof loader>();
  const t = useT();
  const { lang } = usePreferences();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return (
    <article className="print-sheet">
      <h1>{t("print.title")}</h1>
      <p>{t("print.meta", { date: today, count: products.length })}</p>
      <p className="no-print">
        <Link to="/shortlist">{t("compare.backToShortlist")}</Link>
        {hydrated && (
          <>
            {" "}
            <button type="button" className="button" onClick={() => window.print()}>
              {t("print.print")}
            </button>
          </>
        )}
      </p>
      {products.length === 0 && <p className="notice">{t("shortlist.empty")}</p>}
      {products.map((p) => {
        const name = localized(lang, p.name_zh, p.name_en);
        const facts = productFacts(t, lang, p, today);
        const orgContacts = contacts[p.organization_id] ?? [];
        return (
          <section key={p.id} className="print-sheet__product">
            <h2 lang={name.lang}>{name.text}</h2>
            {name.lang !== "zh-CN" && <p lang="zh-CN">{p.name_zh}</p>}
            <dl className="facts">
              {PRODUCT_FACT_KEYS.filter((k) => facts[k].length > 0).map((k) => (
                <Fragment key={k}>
                  <dt>{t(FACT_LABELS[k])}</dt>
                  <dd>
                    <FactText parts={facts[k]} />
                  </dd>
                </Fragment>
              ))}
              <dt>{t("record.contacts")}</dt>
              <dd>
                {orgContacts.length === 0
                  ? t("record.noPublicContacts")
                  : orgContacts.map((c, i) => (
                      <Fragment key={`${c.kind}-${i}`}>
                        {i > 0 && "; "}
                        {t(`contact.${c.kind}` as MessageKey)}: <ContentText text={c.value} />
                      </Fragment>
                    ))}
              </dd>
              <dt>{t("csv.link")}</dt>
              <dd className="sources">{`${origin}/products/${p.id}`}</dd>
            </dl>
          </section>
        );
      })}
    </article>
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("print.title")} · ${t("site.name")}` }];
};

export { ErrorBoundary } from "../components/route-error";
