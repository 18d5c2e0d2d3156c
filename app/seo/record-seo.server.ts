import type { GiProductDetails } from "../../db/queries/gi-products";
import type { getPublicOrganization } from "../../db/queries/organizations";
import type { PublicProduct } from "../../db/queries/products";
import type { getPublishedRegionalBrand } from "../../db/queries/regional-brands";
import type { getPublishedTrademark } from "../../db/queries/trademarks";
import { bestVariant } from "../open-data/records.server";
import type { PageSeo } from "./meta";
import { SITE_NAME_ZH } from "./meta";
import { configuredOrigin } from "../platform/public-origin.server";
import { recordPath } from "../records/paths";

// What the detail pages put in <head> for search engines and link previews, built on the server from the record the
// loader already read: canonical URL and og:url from PUBLIC_ORIGIN (never the request's Host), an Open Graph picture
// (the product's own photo, else the generated public/og-default.png) and schema.org JSON-LD.

export const DEFAULT_OG_IMAGE = "/og-default.png";

const absolute = (path: string, origin = configuredOrigin()) => (origin ? `${origin}${path}` : path);

function canonicalFor(path: string): string | null {
  const origin = configuredOrigin();
  return origin ? `${origin}${path}` : null;
}

/** First 200 characters of a description, on one line. */
function summary(...texts: (string | null | undefined)[]): string {
  const text =
    texts
      .find((t) => t && t.trim())
      ?.replace(/\s+/g, " ")
      .trim() ?? "";
  return [...text].length > 200 ? `${[...text].slice(0, 199).join("")}…` : text;
}

function withoutEmpty(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined && v !== "" && !(Array.isArray(v) && v.length === 0)));
}

const ld = (type: string, fields: Record<string, unknown>) => withoutEmpty({ "@context": "https://schema.org", "@type": type, ...fields });

/** A page that is not a record (stats, open data): canonical, default picture, no JSON-LD. */
export function pageSeo(path: string, title: string, description: string): PageSeo {
  return { canonical: canonicalFor(path), title, description, image: absolute(DEFAULT_OG_IMAGE), imageAlt: SITE_NAME_ZH, ogType: "website", jsonLd: null };
}

export function productSeo(p: PublicProduct): PageSeo {
  const canonical = canonicalFor(recordPath("product", p.id));
  const photo = p.images[0];
  const variant = photo ? bestVariant(photo.variants) : undefined;
  const image = absolute(variant ? `/images/${variant.key}` : DEFAULT_OG_IMAGE);
  const description = summary(p.description_zh, p.description_en, [p.organization_zh, p.county_zh, p.category].filter(Boolean).join(" · "));
  return {
    canonical,
    title: p.name_en ? `${p.name_zh} (${p.name_en})` : p.name_zh,
    description,
    image,
    imageAlt: photo?.alt_zh ?? p.name_zh,
    ogType: "product",
    jsonLd: ld("Product", {
      name: p.name_zh,
      alternateName: p.name_en,
      description,
      url: canonical,
      image: [image],
      category: p.category,
      brand: p.trademark_zh ? { "@type": "Brand", name: p.trademark_zh } : undefined,
      manufacturer: withoutEmpty({ "@type": "Organization", name: p.organization_zh, url: canonicalFor(recordPath("organization", p.organization_id)) }),
      countryOfOrigin: { "@type": "Country", name: "CN" },
      additionalProperty:
        p.gi_id && p.gi_authorised && p.gi_name_zh
          ? [{ "@type": "PropertyValue", name: "地理标志 (geographical indication)", value: p.gi_name_zh }]
          : undefined,
    }),
  };
}

export function giSeo(g: NonNullable<GiProductDetails>): PageSeo {
  const canonical = canonicalFor(recordPath("gi", g.id));
  const image = absolute(DEFAULT_OG_IMAGE);
  const description = summary(g.quality_zh, g.quality_en, [g.county_zh, g.category].filter(Boolean).join(" · "));
  return {
    canonical,
    title: g.name_en ? `${g.name_zh} (${g.name_en})` : g.name_zh,
    description,
    image,
    imageAlt: SITE_NAME_ZH,
    ogType: "product",
    jsonLd: ld("Product", {
      name: g.name_zh,
      alternateName: g.name_en,
      description,
      url: canonical,
      image: [image],
      category: g.category,
      countryOfOrigin: { "@type": "Country", name: "CN" },
      additionalProperty: g.schemes.map((s) => withoutEmpty({ "@type": "PropertyValue", name: s.name_zh, value: s.reg_no ?? s.name_en })),
    }),
  };
}

type PublicOrganization = NonNullable<Awaited<ReturnType<typeof getPublicOrganization>>>;

export function organizationSeo(o: PublicOrganization): PageSeo {
  const canonical = canonicalFor(recordPath("organization", o.id));
  const image = absolute(DEFAULT_OG_IMAGE);
  const description = summary(o.description_zh, o.description_en, [o.county_zh, o.township_zh].filter(Boolean).join(" · "));
  const contact = (kind: string) => o.contacts.find((c) => c.kind === kind)?.value;
  return {
    canonical,
    title: o.name_en ? `${o.name_zh} (${o.name_en})` : o.name_zh,
    description,
    image,
    imageAlt: SITE_NAME_ZH,
    ogType: "profile",
    jsonLd: ld("Organization", {
      name: o.name_zh,
      alternateName: o.name_en,
      description,
      url: canonical,
      sameAs: o.website && /^https?:\/\//.test(o.website) ? [o.website] : undefined,
      identifier: o.credit_code ? { "@type": "PropertyValue", propertyID: "统一社会信用代码", value: o.credit_code } : undefined,
      address: withoutEmpty({
        "@type": "PostalAddress",
        streetAddress: o.address,
        addressLocality: o.county_zh,
        addressRegion: "青海省",
        addressCountry: "CN",
      }),
      telephone: contact("phone") ?? contact("mobile"),
      email: contact("email"),
    }),
  };
}

type PublishedTrademark = NonNullable<Awaited<ReturnType<typeof getPublishedTrademark>>>;

export function trademarkSeo(t: PublishedTrademark): PageSeo {
  const canonical = canonicalFor(recordPath("trademark", t.id));
  const image = absolute(DEFAULT_OG_IMAGE);
  const holder = t.holder_org_name ?? t.holder_name;
  const description = summary([t.reg_no ? `注册号 ${t.reg_no}` : null, holder, t.goods].filter(Boolean).join(" · "));
  return {
    canonical,
    title: t.name_en ? `${t.name_zh} (${t.name_en})` : t.name_zh,
    description,
    image,
    imageAlt: SITE_NAME_ZH,
    ogType: "website",
    jsonLd: ld("Brand", { name: t.name_zh, alternateName: t.name_en, description, url: canonical, identifier: t.reg_no }),
  };
}

type PublishedRegionalBrand = NonNullable<Awaited<ReturnType<typeof getPublishedRegionalBrand>>>;

export function regionalBrandSeo(b: PublishedRegionalBrand): PageSeo {
  const canonical = canonicalFor(recordPath("regional_brand", b.id));
  const image = absolute(DEFAULT_OG_IMAGE);
  const description = summary(b.description_zh, b.description_en, [b.brand_type, b.scope].filter(Boolean).join(" · "));
  return {
    canonical,
    title: b.name_en ? `${b.name_zh} (${b.name_en})` : b.name_zh,
    description,
    image,
    imageAlt: SITE_NAME_ZH,
    ogType: "website",
    jsonLd: ld("Brand", { name: b.name_zh, alternateName: b.name_en, description, url: canonical, slogan: b.slogan }),
  };
}
