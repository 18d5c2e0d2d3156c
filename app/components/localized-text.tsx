import { localized, usePreferences, useT } from "../i18n/i18n";

/**
 * Content in the visitor's language: the English field when there is one, else the Chinese text — tagged lang="zh-CN"
 * for screen readers and, in the English interface, visibly marked as a fallback.
 */
export function LocalizedText({ zh, en }: { zh: string | null | undefined; en: string | null | undefined }) {
  const { lang } = usePreferences();
  const t = useT();
  const l = localized(lang, zh, en);
  return (
    <>
      <span lang={l.lang}>{l.text}</span>
      {l.fallback && <span className="fallback-note"> {t("label.fallbackChinese")}</span>}
    </>
  );
}
