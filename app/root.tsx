import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { ReadAloud } from "./components/read-aloud";
import { metaTranslator, translator, usePreferences, useT } from "./i18n/i18n";
import { readPreferences } from "./i18n/preferences.server";
import { currentUser } from "./auth/session.server";
import { readShortlist } from "./buyers/shortlist.server";
import { LANDING } from "./auth/landing";
import { headerNotifications } from "./notifications/header.server";
import { useNonce } from "./lib/nonce";
import { configuredOrigin } from "./platform/public-origin.server";
import { pictureBaseUrl } from "./images/storage.server";
import stylesheet from "./styles/app.css?url";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await currentUser(request);
  return {
    prefs: readPreferences(request).prefs,
    // canonical origin for absolute links; never derived from the request's Host header
    origin: configuredOrigin() ?? null,
    // where <Picture> points: the public bucket or CDN when configured (an absolute URL only from configuration)
    pictureBase: pictureBaseUrl(),
    // only what the header needs; never the whole user row
    user: user ? { name: user.display_name || user.email || user.phone || "", role: user.role } : null,
    // the header's "我的清单 (n)": read on every page and again after every shortlist change (Remix revalidates)
    shortlistCount: (await readShortlist(request, user ?? null)).productIds.length,
    // the header's "通知 (n)": unread in-site notifications (app/notifications)
    notificationCount: await headerNotifications(request, user),
  };
}

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  // scripts/favicon.ts makes both; /favicon.ico is for what asks without a link (bookmarks, crawlers)
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "icon", href: "/favicon.ico", sizes: "48x48" },
];

/** A link to the current page with one preference changed; plain links keep the switch working without JavaScript. */
function usePreferenceHref(name: "lang" | "elder", value: string) {
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  params.set(name, value);
  return `${location.pathname}?${params.toString()}`;
}

/** The header's link to the visitor's shortlist, with how many products are on it. */
function ShortlistLink() {
  const t = useT();
  const count = useRouteLoaderData<typeof loader>("root")?.shortlistCount ?? 0;
  return <Link to="/shortlist">{count > 0 ? t("nav.shortlistCount", { count }) : t("nav.shortlist")}</Link>;
}

function AccountLinks() {
  const t = useT();
  const data = useRouteLoaderData<typeof loader>("root");
  const user = data?.user;
  const location = useLocation();
  if (!user) {
    // back to this page after signing in or up (the forms themselves are no place to return to)
    const here = location.pathname + location.search;
    const back =
      ["/login", "/signup", "/logout", "/forgot-password"].includes(location.pathname) || location.pathname === "/"
        ? ""
        : `?redirectTo=${encodeURIComponent(here)}`;
    return (
      <>
        <Link to={`/login${back}`}>{t("auth.login")}</Link>
        <Link to={`/signup${back}`}>{t("auth.signup")}</Link>
      </>
    );
  }
  const area = user.role === "producer" ? t("auth.producerArea") : user.role === "buyer" ? t("auth.buyerArea") : t("auth.staffArea");
  return (
    <>
      <Link to={LANDING[user.role]}>{area}</Link>
      <Link to="/notifications">{data.notificationCount > 0 ? t("notifications.navUnread", { count: data.notificationCount }) : t("notifications.nav")}</Link>
      <Form method="post" action="/logout" className="inline-form">
        <button type="submit" className="link-button">
          {t("auth.logout")}
        </button>
      </Form>
    </>
  );
}

/** 适老模式 text size, adjustable up to 40 px body text; plain links, so it works without JavaScript. */
function TextSizeLinks() {
  const t = useT();
  const prefs = usePreferences();
  const location = useLocation();
  const href = (size: number) => {
    const params = new URLSearchParams(location.search);
    params.set("size", String(size));
    return `${location.pathname}?${params.toString()}`;
  };
  return (
    <span className="text-size" role="group" aria-label={t("prefs.textSize")}>
      {([1, 2, 3] as const).map((size) => (
        <a key={size} href={href(size)} aria-current={prefs.size === size ? "true" : undefined}>
          {t(`prefs.size${size}`)}
        </a>
      ))}
    </span>
  );
}

/** hreflang alternates for the current page, absolute when PUBLIC_ORIGIN is known. */
function LanguageAlternates() {
  const location = useLocation();
  const data = useRouteLoaderData<typeof loader>("root");
  const href = (lang: string) => {
    const params = new URLSearchParams(location.search);
    params.set("lang", lang);
    return `${data?.origin ?? ""}${location.pathname}?${params.toString()}`;
  };
  return (
    <>
      <link rel="alternate" hrefLang="zh-CN" href={href("zh-CN")} />
      <link rel="alternate" hrefLang="en" href={href("en")} />
      <link rel="alternate" hrefLang="x-default" href={href("zh-CN")} />
    </>
  );
}

function SiteHeader() {
  const t = useT();
  const prefs = usePreferences();
  const otherLang = prefs.lang === "en" ? "zh-CN" : "en";
  const langHref = usePreferenceHref("lang", otherLang);
  const elderHref = usePreferenceHref("elder", prefs.elder ? "0" : "1");
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="site-name">
          {t("site.name")}
        </Link>
        <nav aria-label={t("nav.main")} className="site-nav">
          <Link to="/">{t("nav.home")}</Link>
          <Link to="/search">{t("nav.search")}</Link>
          <Link to="/events">{t("nav.events")}</Link>
          <ShortlistLink />
          <Link to="/verify">{t("nav.verify")}</Link>
          <AccountLinks />
        </nav>
        <div className="site-prefs">
          <a href={langHref} hrefLang={otherLang} lang={otherLang}>
            {t("prefs.switchToOther")}
          </a>
          <a href={elderHref}>{prefs.elder ? t("prefs.elderOff") : t("prefs.elderOn")}</a>
          {prefs.elder && <TextSizeLinks />}
          <ReadAloud label={t("prefs.readAloud")} />
        </div>
      </div>
    </header>
  );
}

/** Screens that must not be left by a tap (the kiosk, the presenter) set `handle.chrome = "none"`: no header, no footer. */
function useSiteChrome() {
  const matches = useMatches();
  const leaf = matches[matches.length - 1]?.handle as { chrome?: string } | undefined;
  return leaf?.chrome !== "none";
}

export function Layout({ children }: { children: ReactNode }) {
  const prefs = usePreferences();
  const nonce = useNonce();
  const t = translator(prefs.lang);
  const chrome = useSiteChrome();
  return (
    <html lang={prefs.lang} data-elder={prefs.elder ? "1" : undefined} data-size={prefs.elder ? prefs.size : undefined}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <LanguageAlternates />
        <Links />
      </head>
      <body>
        {chrome && (
          <a href="#main" className="skip-link">
            {t("nav.skip")}
          </a>
        )}
        {chrome && <SiteHeader />}
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        {chrome && (
          <footer className="site-footer">
            <nav aria-label={t("nav.footer")} className="footer-nav">
              <Link to="/stats">{t("nav.stats")}</Link>
              <Link to="/open-data">{t("nav.openData")}</Link>
              <Link to="/report">{t("nav.report")}</Link>
              <Link to="/guide">{t("guide.link")}</Link>
              <Link to="/privacy">{t("footer.privacy")}</Link>
            </nav>
            <p>{t("footer.basis")}</p>
          </footer>
        )}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

// Used when no child route sets its own title, e.g. on the 404 page.
export const meta: MetaFunction = ({ matches, error }) => {
  const t = metaTranslator(matches);
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return [{ title: error ? `${notFound ? t("error.notFound") : t("error.title")} · ${t("site.name")}` : t("site.name") }];
};

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <section className="error-page">
      <h1>{notFound ? t("error.notFound") : t("error.title")}</h1>
      {!notFound && <p>{t("error.generic")}</p>}
      <p>
        <Link to="/">{t("error.backHome")}</Link>
      </p>
    </section>
  );
}
