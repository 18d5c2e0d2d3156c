import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { OPEN_DATA_TYPES, publicCounts } from "../../db/queries/open-data";
import { chinaDateTime, todayInChina } from "../platform/china-time";
import { metaTranslator, translator, usePreferences, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { seoMeta } from "../seo/meta";
import { pageSeo } from "../seo/record-seo.server";
import { db } from "../services.server";
import { ScrollableTable } from "../components/scrollable-table";

// GET /open-data — the bulk downloads (CSV and JSON per type), the licence and the API. Plain links; no JavaScript.

export { ErrorBoundary } from "../components/route-error";

export async function loader() {
  const counts = await publicCounts(db(), todayInChina());
  const t = translator("zh-CN");
  // China's wall-clock time, as on /stats: the page and the files it offers name Haidong's day, never UTC's
  return { counts, generatedAt: chinaDateTime(new Date()), seo: pageSeo("/open-data", t("openData.title"), t("openData.metaDescription")) };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("openData.title")} · ${t("site.name")}` }, ...seoMeta(data?.seo)];
};

export default function OpenDataPage() {
  const { counts, generatedAt } = useLoaderData<typeof loader>();
  const t = useT();
  const { lang } = usePreferences();
  const fmt = new Intl.NumberFormat(lang === "en" ? "en" : "zh-CN");
  return (
    <div className="open-data-page">
      <h1>{t("openData.title")}</h1>
      <p>{t("openData.intro")}</p>

      <section aria-labelledby="downloads-heading">
        <h2 id="downloads-heading">{t("openData.downloads")}</h2>
        <p>{t("openData.generated", { date: generatedAt })}</p>
        <ScrollableTable labelledBy="downloads-caption">
          <table className="data-table">
            <caption id="downloads-caption">{t("openData.downloads")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("openData.col.type")}</th>
                <th scope="col">{t("openData.col.records")}</th>
                <th scope="col">{t("openData.col.files")}</th>
              </tr>
            </thead>
            <tbody>
              {OPEN_DATA_TYPES.map((type) => {
                const label = t(`openData.type.${type}` as MessageKey);
                return (
                  <tr key={type}>
                    <th scope="row">{label}</th>
                    <td className="num">{fmt.format(counts[type])}</td>
                    <td>
                      <a href={`/open-data/${type}.csv`} download>
                        {t("openData.csv", { type: label })}
                      </a>
                      {" · "}
                      <a href={`/open-data/${type}.json`} download>
                        {t("openData.json", { type: label })}
                      </a>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollableTable>
        <p>{t("openData.formats")}</p>
        <p>
          <a href="/stats/official.csv" download>
            {t("openData.official")}
          </a>{" "}
          <span className="muted">(CSV, UTF-8)</span>
        </p>
      </section>

      <section aria-labelledby="licence-heading">
        <h2 id="licence-heading">{t("openData.licenceHeading")}</h2>
        <p>
          {t("openData.licence")} {/* the credit line is the catalogue's name in both languages; the Chinese name keeps its own lang */}
          <q>
            {lang === "en" ? (
              <>
                <span lang="zh-CN">{translator("zh-CN")("site.name")}</span> / {t("site.name")}
              </>
            ) : (
              t("site.name")
            )}
          </q>
        </p>
        <p>{t("openData.licenceSources")}</p>
        <p>
          <a href="https://creativecommons.org/licenses/by/4.0/" rel="license noopener noreferrer">
            {t("openData.licenceLink")}
          </a>
        </p>
      </section>

      <section aria-labelledby="api-heading">
        <h2 id="api-heading">{t("openData.apiHeading")}</h2>
        <p>{t("openData.api")}</p>
        <ul>
          <li>
            <a href="/api/v1/openapi.json">{t("openData.apiDoc")}</a>
          </li>
          {OPEN_DATA_TYPES.map((type) => (
            <li key={type}>
              <a href={`/api/v1/${type}`}>
                <code>/api/v1/{type}</code>
              </a>{" "}
              — {t(`openData.type.${type}` as MessageKey)}
            </li>
          ))}
        </ul>
        <p>
          <Link to="/stats">{t("stats.title")}</Link>
        </p>
      </section>
    </div>
  );
}
