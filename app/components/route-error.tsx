import { isRouteErrorResponse, Link, useLocation, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { translateMessage, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";

// Internal codes some loaders throw ({ error: "forbidden" }); a visitor reads them in their own language, never raw.
const CODES: Record<string, MessageKey> = {
  forbidden: "error.forbidden",
  "no organisation": "error.noOrganization",
  "not found": "error.notFoundText",
  "bad request": "error.badRequest",
  "bad intent": "error.badRequest",
  "bad id": "error.badRequest",
};

/** Route-level errors: 4xx show their own message (it names the field); anything else a generic apology, never a stack. */
export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const location = useLocation();
  const signedIn = Boolean((useRouteLoaderData("root") as { user?: unknown } | undefined)?.user);
  if (isRouteErrorResponse(error)) {
    const raw = typeof error.data === "object" && error.data && "error" in error.data ? String(error.data.error) : undefined;
    const message = raw === undefined ? undefined : raw in CODES ? t(CODES[raw]!) : translateMessage(t, raw);
    const title = error.status === 404 ? t("error.notFound") : error.status === 403 ? t("error.forbiddenTitle") : t("error.title");
    return (
      <section className="error-page">
        <h1>{title}</h1>
        {message && <p role="alert">{message}</p>}
        {error.status === 403 && (
          <p>
            {signedIn ? t("error.forbiddenOtherAccount") : t("error.forbiddenSignIn")}{" "}
            <Link to={`/login?redirectTo=${encodeURIComponent(location.pathname + location.search)}`}>{t("auth.login")}</Link>
          </p>
        )}
        <p>
          <Link to="/">{t("error.backHome")}</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="error-page">
      <h1>{t("error.title")}</h1>
      <p>{t("error.generic")}</p>
    </section>
  );
}
