import { Form } from "@remix-run/react";
import type { FormEvent, ReactNode, Ref } from "react";
import { useT } from "../i18n/i18n";

/**
 * A plain GET form: it works without JavaScript and its URL is shareable. The search page passes `onChange` /
 * `onSubmit` to update results as the buyer types; the home page uses it as is.
 */
export function SearchForm({
  q = "",
  id,
  children,
  formRef,
  onChange,
  onSubmit,
}: {
  q?: string;
  id?: string;
  children?: ReactNode;
  formRef?: Ref<HTMLFormElement>;
  onChange?: (event: FormEvent<HTMLElement>) => void;
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
}) {
  const t = useT();
  return (
    <Form id={id} method="get" action="/search" role="search" className="search-form" ref={formRef} onChange={onChange} onSubmit={onSubmit}>
      <label htmlFor="q">{t("search.label")}</label>
      <input id="q" name="q" type="search" defaultValue={q} placeholder={t("search.placeholder")} autoComplete="off" enterKeyHint="search" maxLength={200} />
      <button type="submit" className="button">
        {t("search.submit")}
      </button>
      {children}
    </Form>
  );
}
