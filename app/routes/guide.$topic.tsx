import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GuidanceBody, pickText, StationContactBlock } from "../components/guidance";
import { firstParagraph, plainText } from "../guidance/body";
import { isGuidanceTopic } from "../guidance/default-texts";
import { seoMeta } from "../seo/meta";
import { pageSeo } from "../seo/record-seo.server";
import { metaTranslator, usePreferences, useT, type Preferences } from "../i18n/i18n";
import { formatDate } from "../lib/format";
import { notFound } from "../lib/route-params";
import { guidanceContact, guidanceTopic, guidanceTopics } from "../../db/queries/guidance";
import { db } from "../services.server";

// /guide/:topic: one guidance topic in full, the station's contact and the other topics. Unknown topics are a 404.

export async function loader({ params }: LoaderFunctionArgs) {
  if (!isGuidanceTopic(params.topic)) notFound();
  const [entry, all, contact] = await Promise.all([guidanceTopic(db(), params.topic), guidanceTopics(db()), guidanceContact(db())]);
  const brief = ({ topic, title_zh, body_zh, title_en, body_en }: (typeof all)[number]) => ({ topic, title_zh, body_zh, title_en, body_en });
  return {
    entry: { ...brief(entry), updated_at: entry.custom ? entry.updated_at : null },
    others: all.filter((g) => g.topic !== entry.topic).map(brief),
    contact,
    // search engines get the Chinese text, as for the catalogue's records
    seo: pageSeo(`/guide/${entry.topic}`, entry.title_zh, plainText(firstParagraph(entry.body_zh))),
  };
}

export default function GuideTopic() {
  const { entry, others, contact } = useLoaderData<typeof loader>();
  const t = useT();
  const { lang } = usePreferences();
  const text = pickText(lang, entry);
  return (
    <article className="guidance">
      <p>
        <Link to="/guide">{t("guide.allTopics")}</Link>
      </p>
      <h1 lang={text.lang}>{text.title}</h1>
      {text.fallback && lang === "en" && <p className="fallback-note">{t("label.fallbackChinese")}</p>}
      <GuidanceBody body={text.body} lang={text.lang} />
      {entry.updated_at && <p className="muted">{t("guide.updated", { date: formatDate(entry.updated_at) })}</p>}
      <section aria-labelledby="station" className="guidance-station">
        <h2 id="station">{t("guide.station")}</h2>
        <StationContactBlock contact={contact} />
      </section>
      <nav aria-labelledby="other-topics">
        <h2 id="other-topics">{t("guide.otherTopics")}</h2>
        <ul className="guidance-topics">
          {others.map((g) => {
            const other = pickText(lang, g);
            return (
              <li key={g.topic}>
                <Link to={`/guide/${g.topic}`} lang={other.lang} className="guidance-topics__link">
                  {other.title}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const t = metaTranslator(matches);
  const prefs = (matches.find((m) => m.id === "root")?.data as { prefs?: Preferences } | undefined)?.prefs;
  const title = data ? pickText(prefs?.lang ?? "zh-CN", data.entry).title : t("guide.notFound");
  return [{ title: `${title} · ${t("guide.title")} · ${t("site.name")}` }, ...seoMeta(data?.seo)];
};

export { ErrorBoundary } from "../components/route-error";
