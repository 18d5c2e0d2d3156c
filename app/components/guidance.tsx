import { Fragment } from "react";
import { Link } from "@remix-run/react";
import { firstParagraph, parseGuidanceBody, type Inline } from "../guidance/body";
import { usePreferences, useT, type Lang } from "../i18n/i18n";
import { Trans } from "./content-text";

// The guidance texts on screen: a topic's page body, the aside beside a form (GuidanceAside) and the station's
// contact. Texts are content, in zh and optionally en: each is shown in the page's language when there is one, else in
// the other language with its own lang attribute (and, in English, the fallback note).

export interface GuidanceView {
  topic: string;
  title_zh: string;
  body_zh: string;
  title_en: string;
  body_en: string;
}

export interface StationContact {
  name_zh: string | null;
  name_en: string | null;
  phone: string | null;
  address_zh: string | null;
  address_en: string | null;
  hours_zh: string | null;
  hours_en: string | null;
}

/** Title and body in one language, so a page never mixes an English title with a Chinese body. */
export function pickText(lang: Lang, g: GuidanceView) {
  const english = lang === "en" ? !!g.body_en : !g.body_zh;
  return english
    ? { title: g.title_en, body: g.body_en, lang: "en" as const, fallback: lang !== "en" }
    : { title: g.title_zh, body: g.body_zh, lang: "zh-CN" as const, fallback: lang === "en" };
}

const HAN_RUN = /(\p{Script=Han}[\p{Script=Han}()·、“”]*)/u;

/** English text that names Chinese things (青稞酒, 黄河彩篮): each Chinese run tagged, so it is read as Chinese. */
function Words({ text, lang }: { text: string; lang: Lang }) {
  if (lang !== "en") return <>{text}</>;
  return (
    <>
      {text.split(HAN_RUN).map((part, i) =>
        i % 2 ? (
          <span key={i} lang="zh-CN">
            {part}
          </span>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}

function Line({ parts, lang }: { parts: Inline[]; lang: Lang }) {
  return (
    <>
      {parts.map((p, i) =>
        "href" in p ? (
          <a key={i} href={p.href} rel="noopener noreferrer" className="guidance-url">
            {p.href}
          </a>
        ) : (
          <Words key={i} text={p.text} lang={lang} />
        ),
      )}
    </>
  );
}

function Lines({ lines, lang }: { lines: Inline[][]; lang: Lang }) {
  return (
    <>
      {lines.map((l, i) => (
        <Fragment key={i}>
          {i > 0 && <br />}
          <Line parts={l} lang={lang} />
        </Fragment>
      ))}
    </>
  );
}

export function GuidanceBody({ body, lang }: { body: string; lang: Lang }) {
  return (
    <div className="guidance-body" lang={lang}>
      {parseGuidanceBody(body).map((b, i) =>
        b.kind === "p" ? (
          <p key={i}>
            <Lines lines={b.lines} lang={lang} />
          </p>
        ) : (
          <ul key={i}>
            {b.items.map((item, j) => (
              <li key={j}>
                <Line parts={item} lang={lang} />
              </li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}

function Localized({ zh, en, lang }: { zh: string | null; en: string | null; lang: Lang }) {
  const text = lang === "en" ? (en ?? zh) : (zh ?? en);
  if (!text) return null;
  const own: Lang = text === zh ? "zh-CN" : "en";
  return own === lang ? <>{text}</> : <span lang={own}>{text}</span>;
}

/** The guidance station's contact, or a line saying it is not published yet (never an invented address). */
export function StationContactBlock({ contact, compact = false }: { contact: StationContact; compact?: boolean }) {
  const t = useT();
  const { lang } = usePreferences();
  const rows: [string, React.ReactNode][] = [];
  if (contact.name_zh || contact.name_en) rows.push([t("guide.stationName"), <Localized key="n" zh={contact.name_zh} en={contact.name_en} lang={lang} />]);
  if (contact.phone)
    rows.push([
      t("guide.stationPhone"),
      <a key="p" href={`tel:${contact.phone.replace(/[^0-9+]/g, "")}`}>
        {contact.phone}
      </a>,
    ]);
  if (!compact && (contact.address_zh || contact.address_en))
    rows.push([t("guide.stationAddress"), <Localized key="a" zh={contact.address_zh} en={contact.address_en} lang={lang} />]);
  if (!compact && (contact.hours_zh || contact.hours_en))
    rows.push([t("guide.stationHours"), <Localized key="h" zh={contact.hours_zh} en={contact.hours_en} lang={lang} />]);
  if (rows.length === 0) return <p className="muted">{t("guide.stationMissing")}</p>;
  return (
    <dl className="facts guidance-contact">
      {rows.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/**
 * Guidance next to the fields where a producer decides (the Nice class field, the registration date, the claim's
 * target): each topic's title and summary with a link to its full page, and how to reach the guidance station.
 */
export function GuidanceAside({ entries, contact, headingLevel = 2 }: { entries: GuidanceView[]; contact: StationContact; headingLevel?: 2 | 3 }) {
  const t = useT();
  const { lang } = usePreferences();
  const H = `h${headingLevel}` as "h2" | "h3";
  const first = entries[0] ? pickText(lang, entries[0]) : null;
  return (
    <aside className="guidance-aside" aria-label={t("guide.asideLabel", { topic: first?.title ?? t("guide.title") })}>
      {entries.map((g) => {
        const text = pickText(lang, g);
        const title = <span lang={text.lang}>{text.title}</span>;
        return (
          <section key={g.topic} className="guidance-aside__topic">
            <H className="guidance-aside__title">{title}</H>
            <p lang={text.lang}>
              <Lines lines={firstParagraph(text.body)} lang={text.lang} />
            </p>
            <p>
              <Link to={`/guide/${g.topic}`} className="guidance-aside__more">
                <Trans k="guide.readMore" vars={{ topic: title }} />
              </Link>
            </p>
          </section>
        );
      })}
      <H className="guidance-aside__title">{t("guide.station")}</H>
      <StationContactBlock contact={contact} compact />
    </aside>
  );
}
