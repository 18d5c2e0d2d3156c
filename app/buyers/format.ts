import { localized, type Lang, type Translate } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { todayInChina } from "../domain/trademark-validity";
import { validityText } from "../lib/format";
import type { ComparedProduct } from "../../db/queries/shortlists";

/** The numeric form of a decimal column for display: "12.50" → "12.5". */
export function decimal(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  return String(Number(value));
}

/** "2026-12-01T08:00:00Z" → "2026-12-01 16:00" in China time, the same for every reader. */
export function chinaDateTime(value: string | Date): string {
  const d = new Date(value);
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ");
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

/**
 * What a buyer compares, as text in the visitor's language. A GI or regional brand is only named where the badge rule
 * holds (verified authorisation, valid today), with its validity; expired certificates are left out.
 */
export function productFacts(t: Translate, lang: Lang, p: FactSource, today = todayInChina()): Record<ProductFactKey, string> {
  const list = (items: readonly string[]) => items.join(lang === "en" ? ", " : "、");
  const county = localized(lang, p.county_zh, p.county_en).text;
  const certs = p.certifications
    .filter((c) => !c.expires_on || c.expires_on >= today)
    .map((c) => {
      const name = t(`cert.${c.kind}` as MessageKey);
      if (!c.certificate_no && !c.expires_on) return name;
      return `${name} (${[c.certificate_no, c.expires_on ? t("compare.until", { date: c.expires_on }) : null].filter(Boolean).join(", ")})`;
    });
  const gi =
    p.gi_id && p.gi_authorised && p.gi_validity
      ? `${p.gi_name_zh ?? ""} — ${t(`basis.${p.gi_validity.basis}` as MessageKey)}${
          p.gi_validity.basis_reference ? ` (${p.gi_validity.basis_reference})` : ""
        }, ${validityText(t, p.gi_validity.valid_from, p.gi_validity.valid_to)}`
      : "";
  const brand =
    p.regional_brand_id && p.regional_brand_licensed && p.regional_brand_validity
      ? `${p.regional_brand_zh ?? ""} — ${p.regional_brand_validity.licence_no ? `${p.regional_brand_validity.licence_no}, ` : ""}${validityText(
          t,
          p.regional_brand_validity.valid_from,
          p.regional_brand_validity.valid_to,
        )}`
      : "";
  const months = p.availability_months;
  return {
    producer: localized(lang, p.organization_zh, p.organization_en).text,
    origin: [county, p.township_zh].filter(Boolean).join(" · "),
    gi,
    regionalBrand: brand,
    certifications: list(certs),
    season: months.length === 12 ? t("compare.allYear") : list(months.map((m) => t("record.month", { month: m }))),
    minOrder: p.min_order_qty ? `${decimal(p.min_order_qty)} ${p.min_order_unit ?? ""}`.trim() : "",
    packSizes: list(p.pack_sizes),
    storage: p.storage ? t(`storage.${p.storage}` as MessageKey) : "",
    priceBand: p.price_band ?? "",
    annualVolume: p.annual_volume ? `${decimal(p.annual_volume)} ${p.volume_unit ?? ""}`.trim() : "",
    provinces: list(p.provinces_served),
    samples: p.samples_available ? t("record.samplesYes") : t("record.samplesNo"),
  };
}
