// Absolute URLs (canonical links, og:url, sitemap, robots) are built from PUBLIC_ORIGIN only — never from the request's
// Host or X-Forwarded-Host, which a client controls. PUBLIC_ORIGIN is validated at start-up (app/config.server.ts).

/** The canonical origin (`https://catalogue.example.cn`), or undefined when PUBLIC_ORIGIN is not set. */
export function publicOrigin(env: Record<string, string | undefined> = process.env): string | undefined {
  const value = env.PUBLIC_ORIGIN;
  if (!value) return undefined;
  try {
    return new URL(value).origin;
  } catch {
    return undefined;
  }
}

/**
 * The origin for documents that must hold absolute URLs (sitemap.xml, the Sitemap line of robots.txt): PUBLIC_ORIGIN,
 * else the configured listen address `http://HOST:PORT` (a development convenience) when that is a concrete address.
 * Undefined when neither is usable (HOST 0.0.0.0 / ::, or PORT 0): the sitemap then answers 503 saying so.
 */
export function sitemapOrigin(env: Record<string, string | undefined> = process.env): string | undefined {
  const configured = publicOrigin(env);
  if (configured) return configured;
  const host = env.HOST || "127.0.0.1";
  const port = env.PORT || "3000";
  if (host === "0.0.0.0" || host === "::" || host === "[::]" || !/^[1-9]\d{0,4}$/.test(port)) return undefined;
  try {
    return new URL(`http://${host.includes(":") ? `[${host}]` : host}:${port}`).origin;
  } catch {
    return undefined;
  }
}
