import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { TrustBadges } from "../components/badges";
import { HaidongAreaMap } from "../components/haidong-map";
import { LocalizedText } from "../components/localized-text";
import { SourceList } from "../components/source-list";
import { categoryEn } from "../domain/product-form";
import { localized, usePreferences, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { validityText } from "../lib/format";
import { RECORD_KINDS, recordPage } from "../records/kinds.server";
import { recordPageMeta } from "../records/record-meta";
import { db } from "../services.server";
import { JsonLd } from "../seo/json-ld";

// A GI as a register entry (issue 21): scheme with number and date, holder, protected area (listed and on the block
// diagram), standard, who may use it today and with which products, and the sources — Chinese first, English second.
const STANDARDS_PLATFORM = "https://std.samr.gov.cn/";

export const loader = ({ params }: LoaderFunctionArgs) => recordPage(db(), RECORD_KINDS.gi, params.id);

export default function GiProductPage() {
  const { record: gi, seo } = useLoaderData<typeof loader>();
  const t = useT();
  const { lang } = usePreferences();
  const name = localized(lang, gi.name_zh, gi.name_en);
  const description = localized(lang, gi.quality_zh, gi.quality_en);
  const register = localized(lang, gi.register_zh, gi.register_en);
  const area = localized(lang, gi.area_zh, gi.area_en);
  return (
    <article className="gi-register">
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
        <dd>{gi.county_zh ? <LocalizedText zh={gi.county_zh} en={gi.county_en} /> : t("common.unknown")}</dd>
        <dt>{t("gi.category")}</dt>
        <dd>{gi.category ? <LocalizedText zh={gi.category} en={categoryEn(gi.category)} /> : t("common.unknown")}</dd>
        {gi.holder_name && (
          <>
            <dt>{t("gi.holder")}</dt>
            <dd lang="zh-CN">{gi.holder_name}</dd>
          </>
        )}
      </dl>

      <section>
        <h2>{t("gi.register")}</h2>
        {gi.schemes.length === 0 ? (
          <p>
            <span className="badge badge--unverified">{t("gi.noScheme")}</span>
          </p>
        ) : (
          <dl className="facts">
            <dt>{t("gi.schemes")}</dt>
            <dd>
              <ul className="plain-list">
                {gi.schemes.map((s) => (
                  <li key={s.scheme}>
                    {t(`scheme.${s.scheme}` as MessageKey)}
                    {s.reg_no && ` · ${t("gi.regNo")}: ${s.reg_no}`}
                    {s.reg_date ? ` · ${t("gi.regDate")}: ${s.reg_date}` : s.approval_year && ` · ${t("gi.approvalYear")}: ${s.approval_year}`}
                  </li>
                ))}
              </ul>
            </dd>
          </dl>
        )}
        {register.text && <p lang={register.lang}>{register.text}</p>}
      </section>

      <section>
        <h2>{t("gi.area")}</h2>
        {gi.area.length > 0 && (
          <p>
            {t("gi.areaTownships")}:{" "}
            {gi.area.map((p, i) => (
              <span key={p.id}>
                {i > 0 && (lang === "en" ? ", " : "、")}
                <LocalizedText zh={p.name_zh} en={p.name_en} />
              </span>
            ))}
          </p>
        )}
        {area.text && <p lang={area.lang}>{area.text}</p>}
        <HaidongAreaMap countyZh={gi.county_zh} label={name.text} />
      </section>

      {gi.standard && (
        <section>
          <h2>{t("gi.standard")}</h2>
          <p>
            <span lang="zh-CN">{gi.standard}</span>
          </p>
          <p>
            <a href={STANDARDS_PLATFORM} rel="external noopener noreferrer">
              {t("gi.standardLookup")}
            </a>
          </p>
        </section>
      )}

      {description.text && (
        <section>
          <h2>{t("gi.description")}</h2>
          <p lang={description.lang}>{description.text}</p>
        </section>
      )}

      <section>
        <h2>{t("gi.authorisedUsers")}</h2>
        <p className="muted">{t("gi.authorisedUsersNote")}</p>
        {gi.authorisedUsers.length === 0 ? (
          <p>{t("gi.authorisedUsersNone")}</p>
        ) : (
          <ul className="plain-list">
            {gi.authorisedUsers.map((u) => (
              <li key={u.id}>
                <Link to={`/organizations/${u.id}`}>
                  <LocalizedText zh={u.name_zh} en={u.name_en} />
                </Link>
                {" · "}
                {t(`basis.${u.basis}` as MessageKey)}
                {u.basis_reference && <span lang="zh-CN"> {u.basis_reference}</span>}
                {" · "}
                {validityText(t, u.valid_from, u.valid_to)}
                {u.products.length > 0 && (
                  <>
                    <br />
                    {t("gi.usedOn")}:{" "}
                    {u.products.map((p, i) => (
                      <span key={p.id}>
                        {i > 0 && (lang === "en" ? ", " : "、")}
                        <Link to={`/products/${p.id}`}>
                          <LocalizedText zh={p.name_zh} en={p.name_en} />
                        </Link>
                      </span>
                    ))}
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <SourceList sources={gi.source} />
    </article>
  );
}

export const meta = recordPageMeta();

export { ErrorBoundary } from "../components/route-error";
