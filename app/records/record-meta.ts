import type { MetaFunction } from "@remix-run/node";
import { metaTranslator } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { seoMeta, type PageSeo } from "../seo/meta";

// The <head> of every public record page, from what recordPage() (kinds.server.ts) returned. A meta function also runs
// in the browser, so this file stays free of server imports.

interface RecordPageData {
  record: { name_zh: string };
  seo: PageSeo;
}

/** "<name> · [kind ·] site name" and the record's SEO tags; without data (an error page) the site name alone. */
export function recordPageMeta(kindLabel?: MessageKey): MetaFunction {
  return ({ matches, data }) => {
    const t = metaTranslator(matches);
    const page = data as RecordPageData | undefined;
    const title = page ? [page.record.name_zh, ...(kindLabel ? [t(kindLabel)] : []), t("site.name")].join(" · ") : t("site.name");
    return [{ title }, ...seoMeta(page?.seo)];
  };
}
