import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useT } from "../i18n/i18n";

/** Route-level errors: 4xx show their own message (it names the field); anything else a generic apology, never a stack. */
export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  if (isRouteErrorResponse(error)) {
    const message = typeof error.data === "object" && error.data && "error" in error.data ? String(error.data.error) : undefined;
    return (
      <section className="error-page">
        <h1>{error.status === 404 ? t("error.notFound") : t("error.title")}</h1>
        {message && <p role="alert">{message}</p>}
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
