import { localized, type Lang, type Translate } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { todayInChina } from "../platform/china-time";
import { validityText } from "../lib/format";
import type { ComparedProduct } from "../../db/queries/shortlists";
import { provinceLabel } from "./provinces";

/** The numeric form of a decimal column for display: "12.50" → "12.5". */
export function decimal(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  return String(Number(value));
}

/** The parts of a compared product the facts are made of. */
export type FactSource = Omit<ComparedProduct, "images" | "description_zh" | "description_en">;

export type ProductFactKey =
  | "producer"
  | "origin"
  | "gi"
  | "regionalBrand"
  | "certifications"
  | "season"
  | "minOrder"
  | "packSizes"
  | "storage"
  | "priceBand"
  | "annualVolume"
  | "provinces"
  | "samples";

export const PRODUCT_FACT_KEYS: readonly ProductFactKey[] = [
  "producer",
  "origin",
  "gi",
  "regionalBrand",
  "certifications",
  "season",
  "minOrder",
  "packSizes",
  "storage",
  "priceBand",
  "annualVolume",
  "provinces",
  "samples",
];

export const FACT_LABELS: Record<ProductFactKey, MessageKey> = {
  producer: "record.producer",
  origin: "compare.origin",
  gi: "compare.gi",
  regionalBrand: "compare.regionalBrand",
  certifications: "record.certifications",
  season: "record.season",
  minOrder: "record.minOrder",
  packSizes: "record.packSizes",
  storage: "record.storage",
  priceBand: "record.priceBand",
  annualVolume: "record.annualVolume",
  provinces: "record.provinces",
  samples: "record.samples",
};

/** A piece of a fact: interface words (in the visitor's language) or Chinese content that keeps lang="zh-CN". */
export type FactPart = string | { zh: string };

/** The fact as plain text (CSV). */
export function factText(parts: readonly FactPart[]): string {
  return parts.map((p) => (typeof p === "string" ? p : p.zh)).join("");
}

const zh = (text: string | null | undefined): FactPart[] => (text ? [{ zh: text }] : []);

function joined(items: FactPart[][], separator: string): FactPart[] {
  return items.flatMap((item, i) => (i === 0 ? item : [separator, ...item]));
}

/** Content in the visitor's language: the English field where there is one, else the Chinese one. */
function localizedPart(lang: Lang, zhText: string | null | undefined, enText: string | null | undefined): FactPart[] {
  const l = localized(lang, zhText, enText);
  if (!l.text) return [];
  return l.lang === "zh-CN" ? [{ zh: l.text }] : [l.text];
}

/**
 * What a buyer compares, in the visitor's language, with the producer's own words kept as Chinese content. A GI or
 * regional brand is only named where the badge rule holds (verified authorisation, valid today), with its validity;
 * expired certificates are left out.
 */
export function productFacts(t: Translate, lang: Lang, p: FactSource, today = todayInChina()): Record<ProductFactKey, FactPart[]> {
  const sep = lang === "en" ? ", " : "、";
  const certs = p.certifications
    .filter((c) => !c.expires_on || c.expires_on >= today)
    .map((c): FactPart[] => {
      const name = t(`cert.${c.kind}` as MessageKey);
      if (!c.certificate_no && !c.expires_on) return [name];
      const details = joined(
        [...(c.certificate_no ? [zh(c.certificate_no)] : []), ...(c.expires_on ? [[t("compare.until", { date: c.expires_on })]] : [])],
        ", ",
      );
      return [`${name} (`, ...details, ")"];
    });
  const gi: FactPart[] =
    p.gi_id && p.gi_authorised && p.gi_validity
      ? [
          ...localizedPart(lang, p.gi_name_zh, p.gi_name_en),
          ` — ${t(`basis.${p.gi_validity.basis}` as MessageKey)}`,
          ...(p.gi_validity.basis_reference ? [" (", ...zh(p.gi_validity.basis_reference), ")"] : []),
          `, ${validityText(t, p.gi_validity.valid_from, p.gi_validity.valid_to)}`,
        ]
      : [];
  const brand: FactPart[] =
    p.regional_brand_id && p.regional_brand_licensed && p.regional_brand_validity
      ? [
          ...localizedPart(lang, p.regional_brand_zh, p.regional_brand_en),
          " — ",
          ...(p.regional_brand_validity.licence_no ? [...zh(p.regional_brand_validity.licence_no), ", "] : []),
          validityText(t, p.regional_brand_validity.valid_from, p.regional_brand_validity.valid_to),
        ]
      : [];
  const quantity = (qty: string | null, unit: string | null): FactPart[] => (qty ? [`${decimal(qty)} `, ...zh(unit)] : []);
  const months = p.availability_months;
  return {
    producer: localizedPart(lang, p.organization_zh, p.organization_en),
    origin: joined(
      [localizedPart(lang, p.county_zh, p.county_en), localizedPart(lang, p.township_zh, p.township_en)].filter((x) => x.length > 0),
      " · ",
    ),
    gi,
    regionalBrand: brand,
    certifications: joined(certs, sep),
    season: months.length === 12 ? [t("compare.allYear")] : months.length ? [months.map((m) => t("record.month", { month: m })).join(sep)] : [],
    minOrder: quantity(p.min_order_qty, p.min_order_unit),
    packSizes: joined(
      p.pack_sizes.map((s) => zh(s)),
      sep,
    ),
    storage: p.storage ? [t(`storage.${p.storage}` as MessageKey)] : [],
    priceBand: zh(p.price_band),
    annualVolume: quantity(p.annual_volume, p.volume_unit),
    provinces: joined(
      p.provinces_served.map((name) => {
        const label = provinceLabel(name, lang);
        return label === name ? zh(name) : [label];
      }),
      sep,
    ),
    samples: [p.samples_available ? t("record.samplesYes") : t("record.samplesNo")],
  };
}
