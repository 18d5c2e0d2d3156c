import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pickText, StationContactBlock } from "../components/guidance";
import { firstParagraph, plainText } from "../guidance/body";
import { metaTranslator, translator, usePreferences, useT } from "../i18n/i18n";
import { seoMeta } from "../seo/meta";
import { pageSeo } from "../seo/record-seo.server";
import { guidanceContact, guidanceTopics } from "../../db/queries/guidance";
import { db } from "../services.server";

// /guide: the guidance topics (商标品牌指导站, issue 21) with a line of each, and the guidance station's contact. Public:
// producers read it before they have an account, and the asides beside the forms link here.

export async function loader(_: LoaderFunctionArgs) {
  const [topics, contact] = await Promise.all([guidanceTopics(db()), guidanceContact(db())]);
  const t = translator("zh-CN");
  return {
    topics: topics.map(({ topic, title_zh, body_zh, title_en, body_en }) => ({ topic, title_zh, body_zh, title_en, body_en })),
    contact,
    seo: pageSeo("/guide", t("guide.title"), t("guide.linkHint")),
  };
}

export default function GuideIndex() {
  const { topics, contact } = useLoaderData<typeof loader>();
  const t = useT();
  const { lang } = usePreferences();
  return (
    <article className="guidance">
      <h1>{t("guide.title")}</h1>
      <p>{t("guide.intro")}</p>
      <h2>{t("guide.topics")}</h2>
      <ul className="guidance-topics">
        {topics.map((g) => {
          const text = pickText(lang, g);
          const summary = plainText(firstParagraph(text.body));
          return (
            <li key={g.topic}>
              <Link to={`/guide/${g.topic}`} lang={text.lang} className="guidance-topics__link">
                {text.title}
              </Link>
              <p lang={text.lang}>{summary}</p>
            </li>
          );
        })}
      </ul>
      <section aria-labelledby="station">
        <h2 id="station">{t("guide.station")}</h2>
        <StationContactBlock contact={contact} />
      </section>
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("guide.title")} · ${t("site.name")}` }, ...seoMeta(data?.seo)];
};

export { ErrorBoundary } from "../components/route-error";
