import type { Request as ExpressRequest, Response as ExpressResponse } from "express";
import { DEFAULT_LANG, translator, type Lang } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { readPreferences } from "../i18n/preferences.server";

// Answers the HTTP layer gives itself (refused form data, malformed or unknown paths, errors outside Remix): a plain
// page in the visitor's language, JSON under /api/. The detail goes to the log only — never a stack or a server path.

export function requestLang(req: ExpressRequest): Lang {
  try {
    const headers = new Headers();
    if (req.headers.cookie) headers.set("cookie", req.headers.cookie);
    return readPreferences(new Request(new URL(req.originalUrl, "http://localhost"), { headers })).prefs.lang;
  } catch {
    return DEFAULT_LANG;
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const TITLES: Record<number, MessageKey> = {
  400: "http.badRequest.title",
  404: "http.notFound.title",
  408: "http.badRequest.title",
  413: "http.badRequest.title",
  415: "http.badRequest.title",
};

export function sendPlainError(req: ExpressRequest, res: ExpressResponse, status: number, message: MessageKey, vars?: Record<string, string | number>) {
  if (res.headersSent) return void res.end();
  const lang = requestLang(req);
  const t = translator(lang);
  const text = t(message, vars);
  res.status(status);
  res.setHeader("Cache-Control", "no-store");
  if (req.path.startsWith("/api/")) {
    res.type("application/json").send(JSON.stringify({ error: text }));
    return;
  }
  const title = t(TITLES[status] ?? "http.error.title");
  res
    .type("text/html; charset=utf-8")
    .send(
      `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<meta name="robots" content="noindex"><title>${escapeHtml(title)} — ${escapeHtml(t("site.name"))}</title>` +
        `<style>body{font:1.125rem/1.6 system-ui,"Noto Sans CJK SC",sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}` +
        `a{display:inline-block;min-height:44px;line-height:44px;color:#0b5394}</style></head>` +
        `<body><main><h1>${escapeHtml(title)}</h1><p role="alert">${escapeHtml(text)}</p><p><a href="/">${escapeHtml(t("http.backHome"))}</a></p></main></body></html>`,
    );
}
