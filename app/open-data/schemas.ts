import { z } from "zod";

// The shapes /api/v1/<type> answers with. Every response is parsed with these schemas before it is sent (parsing
// also strips any field a schema does not name), and /api/v1/openapi.json is generated from the very same objects,
// so the document cannot drift from what the API does.

const isoDate = z.iso.date().describe("YYYY-MM-DD");
const nullableText = z.string().nullable();

export const Confidence = z.enum(["high", "medium", "low"]).describe("How sure the catalogue is of the record's facts");

const common = {
  id: z.int().positive(),
  url: z.string().startsWith("/").describe("Path of the record's page on this site"),
  name_zh: z.string(),
  name_en: nullableText,
  confidence: Confidence,
  verified: z.boolean().describe("true when the facts are of high confidence or were checked by staff (otherwise the page says 待核实)"),
  is_sample: z.boolean().describe("Invented sample data (never present in production)"),
  updated_at: z.iso.datetime({ offset: true }),
};

const sources = z.array(z.string()).describe("Where the record's facts come from (cite these when reusing reference facts)");

export const Place = z.object({ name_zh: z.string(), name_en: nullableText }).describe("A Haidong district or county (or the industrial park)");

export const GiScheme = z.enum(["protected_product", "certification_mark", "collective_mark", "agricultural"]);

export const GiProduct = z.object({
  ...common,
  pinyin: nullableText,
  category: nullableText,
  county: Place.nullable(),
  holder_name: nullableText,
  quality_zh: nullableText,
  quality_en: nullableText,
  standard: nullableText,
  schemes: z.array(
    z.object({
      scheme: GiScheme,
      name_zh: z.string(),
      name_en: z.string(),
      reg_no: nullableText,
      reg_date: isoDate.nullable(),
      approval_year: z.int().nullable(),
    }),
  ),
  sources,
});

export const TrademarkValidity = z
  .object({
    state: z.enum(["not_registered", "valid", "renewal_window", "grace_period", "expired"]),
    expires_on: isoDate.nullable(),
    renewal_opens_on: isoDate.nullable(),
    grace_ends_on: isoDate.nullable(),
  })
  .describe("Computed today (China time) from the registration date: 10-year term, renewal from 12 months before expiry, 6-month grace");

export const Trademark = z.object({
  ...common,
  reg_no: nullableText,
  mark_type: z.enum(["ordinary", "collective", "certification"]),
  goods: nullableText,
  holder_name: nullableText,
  county: Place.nullable(),
  application_date: isoDate.nullable(),
  registration_date: isoDate.nullable(),
  legal_status: z.enum(["applied", "registered", "expired", "revoked"]),
  validity: TrademarkValidity,
  well_known: z.boolean().describe("中国驰名商标"),
  well_known_year: z.int().nullable(),
  provincial_famous: z.boolean().describe("青海省著名商标"),
  nice_classes: z.array(z.object({ class_no: z.int().min(1).max(45), goods: nullableText })),
  sources,
});

export const RegionalBrand = z.object({
  ...common,
  brand_type: nullableText,
  owner_name: nullableText,
  scope: nullableText,
  slogan: nullableText,
  description_zh: nullableText,
  description_en: nullableText,
  launched_on: isoDate.nullable(),
  sources,
});

const Ref = z.object({ id: z.int().positive(), name_zh: z.string(), url: z.string().startsWith("/") });

export const Certification = z.enum(["green_food", "organic", "selenium_rich", "famous_special", "geo_origin", "other"]);

export const Product = z.object({
  ...common,
  category: nullableText,
  organization: Ref.extend({ name_en: nullableText }),
  county: Place.nullable(),
  township: nullableText,
  gi: Ref.extend({
    schemes: z.array(GiScheme),
    authorised: z.boolean().describe("The producer's use of the GI is verified and valid today (only then do pages show the GI badge)"),
  }).nullable(),
  regional_brand: Ref.extend({ licensed: z.boolean().describe("The producer's licence is verified and valid today") }).nullable(),
  trademark: Ref.nullable(),
  availability_months: z.array(z.int().min(1).max(12)),
  annual_volume: z.number().nonnegative().nullable(),
  volume_unit: nullableText,
  min_order_qty: z.number().nonnegative().nullable(),
  min_order_unit: nullableText,
  pack_sizes: z.array(z.string()),
  storage: z.enum(["ambient", "chilled", "frozen"]).nullable(),
  price_band: nullableText,
  provinces_served: z.array(z.string()),
  samples_available: z.boolean(),
  description_zh: nullableText,
  description_en: nullableText,
  certifications: z
    .array(z.object({ kind: Certification, certificate_no: nullableText, expires_on: isoDate.nullable() }))
    .describe("Certifications not expired today"),
  images: z.array(
    z.object({ url: z.string().startsWith("/images/"), width: z.int().positive(), height: z.int().positive(), alt_zh: z.string(), alt_en: nullableText }),
  ),
  sources,
});

export const Organization = z.object({
  ...common,
  credit_code: z.string().length(18).nullable().describe("统一社会信用代码"),
  org_type: z.enum(["company", "cooperative", "family_farm", "association", "government", "other"]),
  county: Place.nullable(),
  township: nullableText,
  address: nullableText,
  website: nullableText,
  contacts: z
    .array(z.object({ kind: z.enum(["phone", "mobile", "email", "wechat", "person"]), value: z.string() }))
    .describe("Only the contacts the organisation made public"),
  description_zh: nullableText,
  description_en: nullableText,
  sources,
});

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.int().nonnegative().describe("Records matching the filters, on all pages"),
    page: z.int().positive(),
    per_page: z.int().positive().max(100),
  });
}

export const ApiError = z.object({ error: z.string().describe("What was wrong, naming the parameter when one was") });

export const RECORD_SCHEMAS = {
  gi: GiProduct,
  trademarks: Trademark,
  "regional-brands": RegionalBrand,
  products: Product,
  organizations: Organization,
} as const;

export const LIST_SCHEMAS = {
  gi: listOf(GiProduct),
  trademarks: listOf(Trademark),
  "regional-brands": listOf(RegionalBrand),
  products: listOf(Product),
  organizations: listOf(Organization),
} as const;

/** Component names in the OpenAPI document. */
export const SCHEMA_NAMES = {
  gi: "GiProduct",
  trademarks: "Trademark",
  "regional-brands": "RegionalBrand",
  products: "Product",
  organizations: "Organization",
} as const;

export type GiProductRecord = z.output<typeof GiProduct>;
export type TrademarkRecord = z.output<typeof Trademark>;
export type RegionalBrandRecord = z.output<typeof RegionalBrand>;
export type ProductRecord = z.output<typeof Product>;
export type OrganizationRecord = z.output<typeof Organization>;
