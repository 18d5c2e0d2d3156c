import { Link } from "@remix-run/react";
import { useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import type { SearchParams } from "../search/params";
import { searchHref } from "../search/params";

export interface SuggestionLink {
  kind: "name" | "pinyin" | "initials" | "english" | "chinese";
  q: string;
}

const LANG: Record<SuggestionLink["kind"], string> = { name: "zh-CN", chinese: "zh-CN", english: "en", pinyin: "zh-Latn-pinyin", initials: "zh-Latn-pinyin" };

/** Other queries to try (did-you-mean and other spellings), each labelled by what it is: a record's name, pinyin … */
export function SearchSuggestions({ params, suggestions, lead }: { params: SearchParams; suggestions: readonly SuggestionLink[]; lead: MessageKey }) {
  const t = useT();
  if (suggestions.length === 0) return null;
  return (
    <>
      <p>{t(lead)}</p>
      <ul className="search-empty__links">
        {suggestions.map((s) => (
          <li key={s.q}>
            <Link to={searchHref(params, { q: s.q })} lang={LANG[s.kind]}>
              {s.q}
            </Link>{" "}
            <span className="muted">({t(`search.suggest.${s.kind}` as MessageKey)})</span>
          </li>
        ))}
      </ul>
    </>
  );
}
