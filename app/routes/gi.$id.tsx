import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TrustBadges } from "../components/badges";
import { LocalizedText } from "../components/localized-text";
import { localized, usePreferences, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { RECORD_KINDS, recordPage } from "../records/kinds.server";
import { recordPageMeta } from "../records/record-meta";
import { db } from "../services.server";
import { JsonLd } from "../seo/json-ld";

export const loader = ({ params }: LoaderFunctionArgs) => recordPage(db(), RECORD_KINDS.gi, params.id);

export default function GiProductPage() {
  const { record: gi, seo } = useLoaderData<typeof loader>();
  const t = useT();
  const { lang } = usePreferences();
  const name = localized(lang, gi.name_zh, gi.name_en);
  const county = localized(lang, gi.county_zh, gi.county_en);
  const description = localized(lang, gi.quality_zh, gi.quality_en);
  return (
    <article>
      <JsonLd data={seo.jsonLd} />
      <h1>
        <LocalizedText zh={gi.name_zh} en={gi.name_en} />
      </h1>
      <p>
        {name.lang !== "zh-CN" && <span lang="zh-CN">{gi.name_zh} · </span>}
        <TrustBadges unverified={gi.unverified} sample={gi.is_sample} />
      </p>
      <dl className="facts">
        <dt>{t("gi.pinyin")}</dt>
        <dd lang="zh-Latn-pinyin">{gi.pinyin}</dd>
        <dt>{t("gi.county")}</dt>
        <dd lang={county.lang}>{county.text || t("common.unknown")}</dd>
        <dt>{t("gi.category")}</dt>
        <dd lang="en">{gi.category}</dd>
        {gi.holder_name && (
          <>
            <dt>{t("gi.holder")}</dt>
            <dd lang="zh-CN">{gi.holder_name}</dd>
          </>
        )}
        <dt>{t("gi.schemes")}</dt>
        <dd>
          {gi.schemes.length === 0 ? (
            <span className="badge badge--unverified">{t("gi.noScheme")}</span>
          ) : (
            <ul>
              {gi.schemes.map((s) => (
                <li key={s.scheme}>
                  {t(`scheme.${s.scheme}` as MessageKey)}
                  {s.reg_no && (
                    <>
                      {" · "}
                      {t("gi.regNo")}: {s.reg_no}
                    </>
                  )}
                  {s.reg_date ? (
                    <>
                      {" · "}
                      {t("gi.regDate")}: {s.reg_date}
                    </>
                  ) : (
                    s.approval_year && (
                      <>
                        {" · "}
                        {t("gi.approvalYear")}: {s.approval_year}
                      </>
                    )
                  )}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      {description.text && (
        <section>
          <h2>{t("gi.description")}</h2>
          <p lang={description.lang}>
            {description.text}
            {lang === "zh-CN" && description.lang === "en" && <span className="muted"> </span>}
          </p>
        </section>
      )}
      {gi.source.length > 0 && (
        <section>
          <h2>{t("gi.sources")}</h2>
          <ul className="sources" lang="zh-CN">
            {gi.source.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

export const meta = recordPageMeta();

export { ErrorBoundary } from "../components/route-error";
