import { DEFAULT_LANG, isLang, type Preferences } from "./i18n";

const COOKIE = "hd_prefs";
const MAX_AGE = 60 * 60 * 24 * 365;

function readCookie(request: Request): Partial<Preferences> {
  const header = request.headers.get("cookie") ?? "";
  const match = header.split(/;\s*/).find((c) => c.startsWith(`${COOKIE}=`));
  if (!match) return {};
  const params = new URLSearchParams(decodeURIComponent(match.slice(COOKIE.length + 1)));
  const lang = params.get("lang");
  return { lang: isLang(lang) ? lang : undefined, elder: params.get("elder") === "1" };
}

/** Language and 适老模式: `?lang=` / `?elder=` win over the remembered cookie; the default is zh-CN, normal mode. */
export function readPreferences(request: Request): { prefs: Preferences; changed: boolean } {
  const url = new URL(request.url);
  const saved = readCookie(request);
  const qLang = url.searchParams.get("lang");
  const qElder = url.searchParams.get("elder");
  const lang = isLang(qLang) ? qLang : (saved.lang ?? DEFAULT_LANG);
  const elder = qElder === "1" ? true : qElder === "0" ? false : (saved.elder ?? false);
  const changed = isLang(qLang) || qElder === "1" || qElder === "0";
  return { prefs: { lang, elder }, changed };
}

export function preferencesCookie(prefs: Preferences, secure: boolean): string {
  const value = encodeURIComponent(new URLSearchParams({ lang: prefs.lang, elder: prefs.elder ? "1" : "0" }).toString());
  return `${COOKIE}=${value}; Path=/; Max-Age=${MAX_AGE}; SameSite=Lax${secure ? "; Secure" : ""}`;
}
