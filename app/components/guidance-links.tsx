import { Fragment } from "react";
import { Link } from "@remix-run/react";
import { usePreferences, useT } from "../i18n/i18n";
import { pickText, StationContactBlock, type GuidanceView, type StationContact } from "./guidance";

// Guidance on the producer dashboard: links from the reminders to the topic that says what to do, and a section
// pointing at all guidance and the guidance station.

export function GuidanceLinks({ entries }: { entries: GuidanceView[] }) {
  const t = useT();
  const { lang } = usePreferences();
  if (entries.length === 0) return null;
  return (
    <p className="guidance-links">
      {t("guide.howTo")}{" "}
      {entries.map((g, i) => {
        const text = pickText(lang, g);
        return (
          <Fragment key={g.topic}>
            {i > 0 && " · "}
            <Link to={`/guide/${g.topic}`} lang={text.lang}>
              {text.title}
            </Link>
          </Fragment>
        );
      })}
    </p>
  );
}

export function GuidanceSection({ contact }: { contact: StationContact }) {
  const t = useT();
  return (
    <section aria-labelledby="guidance" className="guidance-aside">
      <h2 id="guidance">{t("guide.title")}</h2>
      <p>{t("guide.linkHint")}</p>
      <p>
        <Link to="/guide" className="guidance-aside__more">
          {t("guide.allTopics")}
        </Link>
      </p>
      <h3>{t("guide.station")}</h3>
      <StationContactBlock contact={contact} compact />
    </section>
  );
}
