import type { MetaDescriptor } from "@remix-run/node";

// Open Graph and canonical tags for a page, from what its loader computed on the server
// (absolute URLs come from PUBLIC_ORIGIN there; a meta function also runs in the browser and cannot read it).

export interface PageSeo {
  /** absolute canonical URL, or null when PUBLIC_ORIGIN is not set (then no canonical link and no og:url) */
  canonical: string | null;
  title: string;
  description: string;
  /** absolute when PUBLIC_ORIGIN is set, else a path */
  image: string;
  imageAlt: string;
  ogType: "website" | "product" | "profile" | "article";
  /** schema.org JSON-LD (rendered by <JsonLd>), if the page has one */
  jsonLd?: Record<string, unknown> | null;
}

export const SITE_NAME_ZH = "海东品牌与地理标志目录";

export function seoMeta(seo: PageSeo | null | undefined): MetaDescriptor[] {
  if (!seo) return [];
  const out: MetaDescriptor[] = [
    { name: "description", content: seo.description },
    { property: "og:site_name", content: SITE_NAME_ZH },
    { property: "og:type", content: seo.ogType },
    { property: "og:title", content: seo.title },
    { property: "og:description", content: seo.description },
    { property: "og:image", content: seo.image },
    { property: "og:image:alt", content: seo.imageAlt },
    { property: "og:locale", content: "zh_CN" },
    { property: "og:locale:alternate", content: "en_US" },
    { name: "twitter:card", content: "summary_large_image" },
  ];
  // (hreflang alternates are the root layout's: every page has them)
  if (seo.canonical) out.push({ tagName: "link", rel: "canonical", href: seo.canonical }, { property: "og:url", content: seo.canonical });
  return out;
}
