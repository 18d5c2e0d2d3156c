import { DEFAULT_LANG, isLang, TEXT_SIZES, type Preferences, type TextSize } from "./i18n";

const COOKIE = "hd_prefs";
const MAX_AGE = 60 * 60 * 24 * 365;

function textSize(value: string | null): TextSize | undefined {
  const n = Number(value);
  return (TEXT_SIZES as readonly number[]).includes(n) ? (n as TextSize) : undefined;
}

function readCookie(request: Request): Partial<Preferences> {
  const header = request.headers.get("cookie") ?? "";
  const match = header.split(/;\s*/).find((c) => c.startsWith(`${COOKIE}=`));
  if (!match) return {};
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(decodeURIComponent(match.slice(COOKIE.length + 1)));
  } catch {
    return {};
  }
  const lang = params.get("lang");
  return { lang: isLang(lang) ? lang : undefined, elder: params.get("elder") === "1", size: textSize(params.get("size")) };
}

/**
 * Language, 适老模式 and its text size: `?lang=`, `?elder=` and `?size=` win over the remembered cookie; the default is
 * zh-CN in normal mode. Plain links set them, so the switches work without JavaScript.
 */
export function readPreferences(request: Request): { prefs: Preferences; changed: boolean } {
  const url = new URL(request.url);
  const saved = readCookie(request);
  const qLang = url.searchParams.get("lang");
  const qElder = url.searchParams.get("elder");
  const qSize = textSize(url.searchParams.get("size"));
  const lang = isLang(qLang) ? qLang : (saved.lang ?? DEFAULT_LANG);
  const elder = qElder === "1" || (qSize !== undefined && qElder !== "0") ? true : qElder === "0" ? false : (saved.elder ?? false);
  const size = qSize ?? saved.size ?? 1;
  const changed = isLang(qLang) || qElder === "1" || qElder === "0" || qSize !== undefined;
  return { prefs: { lang, elder, size }, changed };
}

export function preferencesCookie(prefs: Preferences, secure: boolean): string {
  const value = encodeURIComponent(new URLSearchParams({ lang: prefs.lang, elder: prefs.elder ? "1" : "0", size: String(prefs.size) }).toString());
  return `${COOKIE}=${value}; Path=/; Max-Age=${MAX_AGE}; SameSite=Lax${secure ? "; Secure" : ""}`;
}
