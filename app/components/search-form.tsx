import { Form } from "@remix-run/react";
import { useT } from "../i18n/i18n";

/** A plain GET form: it works without JavaScript and its URL is shareable. */
export function SearchForm({ q = "", children }: { q?: string; children?: React.ReactNode }) {
  const t = useT();
  return (
    <Form method="get" action="/search" role="search" className="search-form">
      <label htmlFor="q">{t("search.label")}</label>
      <input id="q" name="q" type="search" defaultValue={q} placeholder={t("search.placeholder")} autoComplete="off" />
      <button type="submit" className="button">
        {t("search.submit")}
      </button>
      {children}
    </Form>
  );
}
