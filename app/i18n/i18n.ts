import { useLocation, useRouteLoaderData } from "@remix-run/react";
import { parseMessage } from "../domain/message";
import { en, zhCN, type MessageKey } from "./messages";

export const LANGS = ["zh-CN", "en"] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = "zh-CN";

const dictionaries: Record<Lang, Record<MessageKey, string>> = { "zh-CN": zhCN, en };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  const dict = dictionaries[lang];
  return (key, vars) => interpolate(lang, dict[key], vars);
}

// `{count, plural, one {# product} other {# products}}`: the ICU form, so English counts read right ("1 product",
// "2 products"; issue 18). The category comes from Intl.PluralRules for the page's language; `#` is the number.
const PLURAL = /\{(\w+), plural,((?:\s*(?:zero|one|two|few|many|other) \{[^{}]*\})+)\s*\}/g;
const PLURAL_OPTION = /(zero|one|two|few|many|other) \{([^{}]*)\}/g;
const pluralRules = new Map<Lang, Intl.PluralRules>();

/** Fills `{name}` and plural blocks of a message with `vars`; a missing variable stays visible as `{name}`. */
export function interpolate(lang: Lang, message: string, vars?: Record<string, string | number>): string {
  const rules = pluralRules.get(lang) ?? pluralRules.set(lang, new Intl.PluralRules(lang)).get(lang)!;
  return message
    .replace(PLURAL, (block, name: string, options: string) => {
      const value = vars?.[name];
      if (value === undefined) return block;
      const forms = new Map([...options.matchAll(PLURAL_OPTION)].map((m) => [m[1]!, m[2]!]));
      const form = forms.get(rules.select(Number(value))) ?? forms.get("other") ?? "";
      return form.replace(/#/g, String(value));
    })
    .replace(/\{(\w+)\}/g, (_, name: string) => String(vars?.[name] ?? `{${name}}`));
}

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}

/** 适老模式 text sizes: 24 px, 32 px and 40 px body text (MIIT asks for >= 18 pt, adjustable to >= 30 pt). */
export const TEXT_SIZES = [1, 2, 3] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

export interface Preferences {
  lang: Lang;
  elder: boolean;
  size: TextSize;
}

export function usePreferences(): Preferences {
  const data = useRouteLoaderData("root") as { prefs?: Preferences } | undefined;
  const location = useLocation();
  if (data?.prefs) return data.prefs;
  // no root data (e.g. an error before the root loader ran): honour ?lang= and ?elder= in the URL at least
  const q = new URLSearchParams(location.search);
  const lang = q.get("lang");
  return { lang: isLang(lang) ? lang : DEFAULT_LANG, elder: q.get("elder") === "1", size: 1 };
}

export function useT(): Translate {
  return translator(usePreferences().lang);
}

/** "A、B和C" / "A, B, and C": a list in a sentence, as the language writes it. */
export function joinList(lang: Lang, items: readonly string[]): string {
  return new Intl.ListFormat(lang, { style: "long", type: "conjunction" }).format(items);
}

/**
 * A form label as a read-only name: the same words without the required mark (" *") the form shows, for a column
 * heading, a fact list or an error that names the field (issue 21: read-only labels kept the asterisk).
 */
export function withoutRequiredMark(label: string): string {
  return label.replace(/\s*[*＊]\s*$/u, "");
}

/** Content in the visitor's language: the English field when present, else Chinese, flagged as a fallback. */
export function localized(lang: Lang, zh: string | null | undefined, enText: string | null | undefined) {
  if (lang === "en" && enText) return { text: enText, fallback: false, lang: "en" as const };
  return { text: zh ?? enText ?? "", fallback: lang === "en" && !!zh, lang: (zh ? "zh-CN" : "en") as Lang };
}

/** For `meta` functions, which cannot call hooks: the translator for the language the root loader chose. */
export function metaTranslator(matches: readonly { id: string; data: unknown }[]): Translate {
  const prefs = (matches.find((m) => m.id === "root")?.data as { prefs?: Preferences } | undefined)?.prefs;
  return translator(prefs?.lang ?? DEFAULT_LANG);
}

/** Translates a validation message built with msg() ("validation.tooLong|{"max":200}"); unknown keys pass through. */
export function translateMessage(t: Translate, message: string): string {
  const { key, vars } = parseMessage(message);
  return key in dictionaries["zh-CN"] ? t(key as MessageKey, vars) : message;
}
