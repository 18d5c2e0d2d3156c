import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { metaTranslator, translator, useT } from "../i18n/i18n";
import { seoMeta } from "../seo/meta";
import { pageSeo } from "../seo/record-seo.server";
import { db } from "../services.server";
import { EventsFigure, ProductsFigure, RenewalsFigure } from "../stats/activity-figures";
import { cachedStats } from "../stats/figures.server";
import { OfficialFiguresFigure } from "../stats/official-figures";
import { GiSchemeFigure, GiUsersFigure, TrademarkFigure, WellKnownFigure } from "../stats/register-figures";

// GET /stats — figures against the plan's targets (东政办〔2022〕145号), each as a server-rendered SVG chart with its
// data table and a CSV download; no JavaScript needed.

export { ErrorBoundary } from "../components/route-error";

export async function loader() {
  const stats = await cachedStats(db());
  const t = translator("zh-CN");
  return {
    stats,
    seo: pageSeo("/stats", t("stats.title"), t("stats.metaDescription")),
  };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("stats.title")} · ${t("site.name")}` }, ...seoMeta(data?.seo)];
};

export default function StatsPage() {
  const { stats } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="stats-page">
      <h1>{t("stats.title")}</h1>
      <p>{t("stats.intro", { date: stats.today })}</p>
      <p className="notice">{t("stats.caveat")}</p>
      <TrademarkFigure s={stats} />
      <OfficialFiguresFigure s={stats} />
      <GiSchemeFigure s={stats} />
      <WellKnownFigure s={stats} />
      <GiUsersFigure s={stats} />
      <ProductsFigure s={stats} />
      <RenewalsFigure s={stats} />
      <EventsFigure s={stats} />
      <p>
        <Link to="/open-data">{t("openData.title")}</Link> — {t("stats.openData")}
      </p>
    </div>
  );
}
