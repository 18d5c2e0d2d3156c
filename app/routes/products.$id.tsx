import { categoryEn } from "../domain/product-form";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { TrustBadges } from "../components/badges";
import { ShortlistButton } from "../components/shortlist-button";
import { InquiryLink } from "../components/inquiry-link";
import { isShortlisted } from "../buyers/shortlist.server";
import { Picture } from "../components/picture";
import { LocalizedText } from "../components/localized-text";
import { localized, usePreferences, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { brandLicenceFor, giAuthorisationFor } from "../../db/queries/products";
import { validityText } from "../lib/format";
import { RECORD_KINDS, recordPage } from "../records/kinds.server";
import { recordPageMeta } from "../records/record-meta";
import { db } from "../services.server";
import { JsonLd } from "../seo/json-ld";
import { exhibitedAt } from "../events/exhibited.server";
import { ExhibitedNotice } from "../events/exhibited-notice";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const { record: product, seo } = await recordPage(db(), RECORD_KINDS.product, params.id);
  const authorisation = product.gi_id && product.gi_authorised ? await giAuthorisationFor(db(), product.organization_id, product.gi_id) : undefined;
  const licence =
    product.regional_brand_id && product.regional_brand_licensed ? await brandLicenceFor(db(), product.organization_id, product.regional_brand_id) : undefined;
  return {
    record: product,
    authorisation: authorisation ?? null,
    licence: licence ?? null,
    seo,
    shortlisted: await isShortlisted(request, product.id),
    // the fair it is shown at, if any: ?event= (from the presenter, print or a booth page) only chooses among them
    exhibited: await exhibitedAt(db(), product.id, new URL(request.url).searchParams.get("event")),
  };
}

export default function ProductPage() {
  const { record: p, seo, authorisation, licence, shortlisted, exhibited } = useLoaderData<typeof loader>();
  const t = useT();
  const { lang } = usePreferences();
  const name = localized(lang, p.name_zh, p.name_en);
  const producer = localized(lang, p.organization_zh, p.organization_en);
  const county = localized(lang, p.county_zh, p.county_en);
  const description = localized(lang, p.description_zh, p.description_en);
  const image = p.images[0];
  return (
    <article>
      <JsonLd data={seo.jsonLd} />
      <div className={image ? "record-header record-header--with-picture" : "record-header"}>
        <div>
          <p className="muted">{t("record.product")}</p>
          <h1>
            <LocalizedText zh={p.name_zh} en={p.name_en} />
          </h1>
          {name.lang !== "zh-CN" && <p lang="zh-CN">{p.name_zh}</p>}
          <p>
            {p.gi_id && p.gi_authorised && (
              <span className="badge badge--gi">
                {t("record.giBadge")}
                <LocalizedText zh={p.gi_name_zh} en={p.gi_name_en} />
              </span>
            )}
            {p.regional_brand_id && p.regional_brand_licensed && (
              <span className="badge badge--gi">
                {t("record.regionalBadge")}
                <LocalizedText zh={p.regional_brand_zh} en={p.regional_brand_en} />
              </span>
            )}
            {p.certifications.map((c) => (
              <span key={c.kind} className="badge">
                {t(`cert.${c.kind}` as MessageKey)}
              </span>
            ))}
            <TrustBadges unverified={p.unverified} sample={p.is_sample} />
          </p>
          <ShortlistButton productId={p.id} productName={name.text} inShortlist={shortlisted} />
          <p>
            <InquiryLink productId={p.id} productName={name.text} className="button" />
          </p>
          {exhibited && <ExhibitedNotice at={exhibited} productId={p.id} />}
          <dl className="facts">
            <dt>{t("record.producer")}</dt>
            <dd>
              <Link to={`/organizations/${p.organization_id}`} lang={producer.lang}>
                {producer.text}
              </Link>
            </dd>
            <dt>{t("record.origin")}</dt>
            <dd lang={county.lang}>{[county.text, p.township_zh].filter(Boolean).join(" · ") || t("common.unknown")}</dd>
            {p.category && (
              <>
                <dt>{t("gi.category")}</dt>
                <dd>
                  <LocalizedText zh={p.category} en={categoryEn(p.category)} />
                </dd>
              </>
            )}
          </dl>
        </div>
        {image && <Picture variants={image.variants} alt={(lang === "en" && image.alt_en) || image.alt_zh} width={image.width} height={image.height} eager />}
      </div>

      <section>
        <h2>{t("record.brandStack")}</h2>
        <ul className="plain-list">
          {p.gi_id &&
            (p.gi_authorised && authorisation ? (
              <li>
                <Link to={`/gi/${p.gi_id}`}>
                  {t("record.giBadge")}
                  <LocalizedText zh={p.gi_name_zh} en={p.gi_name_en} />
                </Link>{" "}
                — {t(`basis.${authorisation.basis}` as MessageKey)}
                {authorisation.basis_reference && <span lang="zh-CN"> ({authorisation.basis_reference})</span>},{" "}
                {validityText(t, authorisation.valid_from, authorisation.valid_to)}
              </li>
            ) : (
              <li>
                {t("record.giNotAuthorised")} <LocalizedText zh={p.gi_name_zh} en={p.gi_name_en} />
              </li>
            ))}
          {p.regional_brand_id && p.regional_brand_licensed && (
            <li>
              <Link to={`/regional-brands/${p.regional_brand_id}`}>
                {t("record.regionalBadge")}
                <LocalizedText zh={p.regional_brand_zh} en={p.regional_brand_en} />
              </Link>
              {licence && (
                <>
                  {" "}
                  —{" "}
                  {licence.licence_no && (
                    <>
                      {t("claim.licence")} <span lang="zh-CN">{licence.licence_no}</span>,{" "}
                    </>
                  )}
                  {validityText(t, licence.valid_from, licence.valid_to)}
                </>
              )}
            </li>
          )}
          {p.trademark_id && (
            <li>
              {t("record.trademark")}:{" "}
              <Link to={`/trademarks/${p.trademark_id}`} lang="zh-CN">
                {p.trademark_zh}
              </Link>
            </li>
          )}
          {!p.gi_id && !p.regional_brand_id && !p.trademark_id && <li>{t("record.none")}</li>}
        </ul>
      </section>

      <section>
        <h2>{t("record.supply")}</h2>
        <dl className="facts">
          <dt>{t("record.season")}</dt>
          <dd>
            {p.availability_months.length
              ? p.availability_months.map((m) => t("record.month", { month: m })).join(lang === "en" ? ", " : "、")
              : t("common.unknown")}
          </dd>
          {p.annual_volume && (
            <>
              <dt>{t("record.annualVolume")}</dt>
              <dd>
                {Number(p.annual_volume)} <span lang="zh-CN">{p.volume_unit}</span>
              </dd>
            </>
          )}
          {p.min_order_qty && (
            <>
              <dt>{t("record.minOrder")}</dt>
              <dd>
                {Number(p.min_order_qty)} <span lang="zh-CN">{p.min_order_unit}</span>
              </dd>
            </>
          )}
          {p.pack_sizes.length > 0 && (
            <>
              <dt>{t("record.packSizes")}</dt>
              <dd lang="zh-CN">{p.pack_sizes.join("; ")}</dd>
            </>
          )}
          {p.storage && (
            <>
              <dt>{t("record.storage")}</dt>
              <dd>{t(`storage.${p.storage}` as MessageKey)}</dd>
            </>
          )}
          {p.price_band && (
            <>
              <dt>{t("record.priceBand")}</dt>
              <dd lang="zh-CN">{p.price_band}</dd>
            </>
          )}
          {p.provinces_served.length > 0 && (
            <>
              <dt>{t("record.provinces")}</dt>
              <dd lang="zh-CN">{p.provinces_served.join("、")}</dd>
            </>
          )}
          <dt>{t("record.samples")}</dt>
          <dd>{p.samples_available ? t("record.samplesYes") : t("record.samplesNo")}</dd>
          {p.certifications.length > 0 && (
            <>
              <dt>{t("record.certifications")}</dt>
              <dd>
                <ul className="plain-list">
                  {p.certifications.map((c) => (
                    <li key={c.kind}>
                      {t(`cert.${c.kind}` as MessageKey)}
                      {c.certificate_no && ` — ${t("record.certificateExpires", { no: c.certificate_no, date: c.expires_on ?? t("record.openEnded") })}`}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
        </dl>
      </section>
      {description.text && (
        <section>
          <h2>{t("record.description")}</h2>
          <p lang={description.lang}>{description.text}</p>
        </section>
      )}
    </article>
  );
}

export const meta = recordPageMeta();

export { ErrorBoundary } from "../components/route-error";
