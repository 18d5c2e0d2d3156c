import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { TrustBadges } from "../components/badges";
import { LocalizedText } from "../components/localized-text";
import { usePreferences, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { formatDate } from "../lib/format";
import { RECORD_KINDS, recordPage } from "../records/kinds.server";
import { recordPageMeta } from "../records/record-meta";
import { db } from "../services.server";
import { JsonLd } from "../seo/json-ld";

export const loader = ({ params }: LoaderFunctionArgs) => recordPage(db(), RECORD_KINDS.trademark, params.id);

export default function TrademarkPage() {
  const { record: tm, seo } = useLoaderData<typeof loader>();
  const t = useT();
  const { lang } = usePreferences();
  const v = tm.validity;
  return (
    <article>
      <JsonLd data={seo.jsonLd} />
      <p className="muted">{t("record.trademark")}</p>
      <h1>
        <LocalizedText zh={tm.name_zh} en={tm.name_en} />
      </h1>
      <p>
        <TrustBadges unverified={tm.unverified} sample={tm.is_sample} />
        {tm.well_known && <span className="badge badge--gi">{t("record.wellKnown")}</span>}
        {tm.provincial_famous && <span className="badge badge--gi">{t("record.provincialFamous")}</span>}
        {tm.last_verified_at && (
          <span className="badge">
            {tm.verified_by_name === null
              ? t("record.verifiedBy", { date: formatDate(tm.last_verified_at) })
              : t("trust.verifiedByWhom", { name: tm.verified_by_name || t("trust.regulator"), date: formatDate(tm.last_verified_at) })}
          </span>
        )}
      </p>
      <dl className="facts">
        <dt>{t("record.regNo")}</dt>
        <dd>{tm.reg_no ?? t("common.unknown")}</dd>
        <dt>{t("record.markType")}</dt>
        <dd>{t(`markType.${tm.mark_type}` as MessageKey)}</dd>
        <dt>{t("record.holder")}</dt>
        <dd lang="zh-CN">{tm.holder_org_name ?? tm.holder_name ?? t("common.unknown")}</dd>
        <dt>{t("record.niceClasses")}</dt>
        <dd>
          {tm.classes.length === 0 ? (
            t("common.unknown")
          ) : (
            <ul className="plain-list">
              {tm.classes.map((c) => (
                <li key={c.class_no}>
                  {c.class_no} · {lang === "en" ? c.name_en : c.name_zh}
                  {c.goods && <span lang="zh-CN"> — {c.goods}</span>}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t("record.applicationDate")}</dt>
        <dd>{tm.application_date ?? t("common.unknown")}</dd>
        <dt>{t("record.registrationDate")}</dt>
        <dd>{tm.registration_date ?? t("common.unknown")}</dd>
        <dt>{t("record.legalStatus")}</dt>
        <dd>{t(`legalStatus.${tm.legal_status}` as MessageKey)}</dd>
        <dt>{t("record.validity")}</dt>
        <dd>{v.state === "not_registered" ? t("validity.not_registered") : t(`validity.${v.state}` as MessageKey, { date: v.expiresOn })}</dd>
        {tm.well_known && tm.well_known_year && (
          <>
            <dt>{t("record.wellKnown")}</dt>
            <dd>{t("record.wellKnownYear", { year: tm.well_known_year })}</dd>
          </>
        )}
      </dl>
      {tm.county_zh && <p lang={lang === "en" && tm.county_en ? "en" : "zh-CN"}>{lang === "en" && tm.county_en ? tm.county_en : tm.county_zh}</p>}
      <p>
        <Link to={`/search?type=trademark`}>{t("nav.search")}</Link>
      </p>
    </article>
  );
}

export const meta = recordPageMeta("record.trademark");

export { ErrorBoundary } from "../components/route-error";
