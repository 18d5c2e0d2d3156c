import type { Db } from "../../db/client";
import type { SearchEntityType } from "../../db/schema";
import { giSearchRows } from "../../db/queries/gi-products";
import { productSearchRows } from "../../db/queries/products";
import { organizationSearchRows } from "../../db/queries/organizations";
import { regionalBrandSearchRows } from "../../db/queries/regional-brands";
import { trademarkSearchRows } from "../../db/queries/trademarks";
import { catalogDocumentId, type CatalogDocument } from "./catalog-hit";
import { recordPath } from "../records/paths";
import { isUnverified, type VerificationFacts } from "../domain/verification";
import { chineseSubstrings, pinyinFields } from "./chinese-text";
import { en, zhCN, type MessageKey } from "../i18n/messages";
import { todayInChina } from "../platform/china-time";
import { recordRank } from "./record-rank";

type Common = Pick<CatalogDocument, "record_id" | "type" | "name_zh" | "name_en" | "is_sample"> & VerificationFacts & { updated_at: Date | string };

function base(c: Common): CatalogDocument {
  return {
    id: catalogDocumentId(c.type, c.record_id),
    type: c.type,
    record_id: c.record_id,
    name_zh: c.name_zh,
    name_en: c.name_en,
    description_zh: null,
    description_en: null,
    county: null,
    county_en: null,
    township: null,
    township_en: null,
    category: null,
    gi_schemes: [],
    nice_classes: [],
    certifications: [],
    availability_months: [],
    well_known: false,
    reg_no: null,
    credit_code: null,
    regional_brand: null,
    regional_brand_en: null,
    trademark: null,
    is_sample: c.is_sample,
    unverified: isUnverified(c),
    url: recordPath(c.type, c.record_id),
    image: null,
    name_sort: pinyinFields(c.name_zh).pinyin || c.name_zh,
    record_rank: recordRank({ type: c.type, is_sample: c.is_sample, unverified: isUnverified(c) }),
    certificate_nos: [],
    updated_at: new Date(c.updated_at).getTime(),
    name_substrings: chineseSubstrings(c.name_zh),
    ...pinyinFields(c.name_zh),
    labels_zh: [],
    labels_en: [],
  };
}

/**
 * Words for what a record is, in both languages (地理标志产品 / GI product, 绿色食品 / green food, 驰名商标 …), taken from
 * the interface strings so that a buyer who types the label finds the records that carry it.
 */
function withLabels(doc: CatalogDocument, extra: MessageKey[] = []): CatalogDocument {
  const keys: MessageKey[] = [
    `type.${doc.type}` as MessageKey,
    ...doc.gi_schemes.map((s) => `scheme.${s}` as MessageKey),
    ...(doc.gi_schemes.length > 0 ? (["search.label.gi"] as const) : []),
    ...doc.certifications.map((c) => `search.cert.${c}` as MessageKey),
    ...(doc.well_known ? (["search.wellKnown"] as const) : []),
    ...extra,
  ].filter((k) => k in zhCN);
  return {
    ...doc,
    labels_zh: [...new Set(keys.map((k) => zhCN[k]))],
    labels_en: [...new Set(keys.map((k) => en[k]))],
    name_substrings: [...new Set([...doc.name_substrings, ...chineseInEnglish(doc)])],
  };
}

/**
 * Chinese written inside an English field (a name quoted in an English note: 互助县威远酩馏酒) is also indexed in a
 * field the Chinese tokenizer reads: the English fields are tagged `eng`, which would split it as English, unfindable.
 * Added to name_substrings, the lowest-ranked Chinese field (issue 17).
 */
function chineseInEnglish(doc: CatalogDocument): string[] {
  return [doc.name_en, doc.description_en].flatMap((text) => text?.match(/\p{Script=Han}+/gu) ?? []);
}

/**
 * A product sold under a GI it is authorised to use is found by the GI's name, in Chinese, pinyin and initials too:
 * `xhhj` finds 示例循化大红袍花椒, a 循化花椒 (issue 17). The name joins the record's label words.
 */
function withGiName(nameZh: string | null, nameEn: string | null, doc: CatalogDocument): CatalogDocument {
  if (!nameZh) return doc;
  const gi = pinyinFields(nameZh);
  return {
    ...doc,
    labels_zh: [...new Set([...doc.labels_zh, nameZh])],
    labels_en: nameEn ? [...new Set([...doc.labels_en, nameEn])] : doc.labels_en,
    pinyin_joined: [...new Set([...doc.pinyin_joined, ...gi.pinyin_joined])],
    pinyin_initials: [...new Set([...doc.pinyin_initials, ...gi.pinyin_initials])],
  };
}

/** Empty strings never become facet values. */
function orNull(value: string | null | undefined): string | null {
  const v = value?.trim();
  return v ? v : null;
}

type Builder = (db: Db, ids: number[] | undefined) => Promise<CatalogDocument[]>;

/** One builder per record type: read the current published rows (never trust the event payload) and shape them. */
export const documentBuilders: Record<SearchEntityType, Builder> = {
  gi: async (db, ids) =>
    (await giSearchRows(db, ids)).map((r) =>
      withLabels({
        ...base({ ...r, record_id: r.id, type: "gi" }),
        description_zh: r.quality_zh,
        description_en: r.quality_en,
        county: r.county_zh,
        county_en: r.county_en,
        category: r.category,
        gi_schemes: r.schemes.map((s) => s.scheme),
        reg_no: orNull(
          r.schemes
            .map((s) => s.reg_no)
            .filter(Boolean)
            .join(" "),
        ),
      }),
    ),
  trademark: async (db, ids) =>
    (await trademarkSearchRows(db, ids)).map((r) =>
      withLabels(
        {
          ...base({ ...r, record_id: r.id, type: "trademark" }),
          description_zh: [r.goods, r.holder_org_name ?? r.holder_name].filter(Boolean).join(" · ") || null,
          county: r.county_zh,
          county_en: r.county_en,
          nice_classes: r.classes.map((k) => k.class_no),
          well_known: r.well_known,
          reg_no: orNull(r.reg_no),
        },
        [`search.markType.${r.mark_type}` as MessageKey],
      ),
    ),
  organization: async (db, ids) =>
    (await organizationSearchRows(db, ids)).map((r) =>
      withLabels({
        ...base({ ...r, record_id: r.id, type: "organization" }),
        description_zh: r.description_zh,
        description_en: r.description_en,
        county: r.county_zh,
        county_en: r.county_en,
        township: orNull(r.township_zh),
        township_en: orNull(r.township_en),
        credit_code: orNull(r.credit_code),
      }),
    ),
  regional_brand: async (db, ids) =>
    (await regionalBrandSearchRows(db, ids)).map((r) =>
      withLabels({
        ...base({ ...r, record_id: r.id, type: "regional_brand" }),
        description_zh: r.description_zh,
        description_en: r.description_en,
        county: r.county_zh,
        county_en: r.county_en,
        category: r.brand_type,
      }),
    ),
  product: async (db, ids) => {
    const today = todayInChina();
    return (await productSearchRows(db, ids)).map((r) =>
      withGiName(
        r.gi_authorised ? orNull(r.gi_name_zh) : null,
        r.gi_name_en,
        withLabels({
          ...base({ ...r, record_id: r.id, type: "product" }),
          // the product's own words only: a chili of a co-op named for 花椒 must not answer a search for 花椒 (the
          // producer is found by its own name, and its page lists its products)
          description_zh: r.description_zh,
          description_en: r.description_en,
          county: r.county_zh,
          county_en: r.county_en,
          township: orNull(r.township_zh),
          township_en: orNull(r.township_en),
          category: r.category,
          // a GI facet/badge only where the producer's authorised use is verified and valid today; the same for a
          // regional brand and its licence
          gi_schemes: r.gi_authorised ? r.gi_schemes.map((s) => s.scheme) : [],
          regional_brand: r.regional_brand_licensed ? orNull(r.regional_brand_zh) : null,
          regional_brand_en: r.regional_brand_licensed ? orNull(r.regional_brand_en) : null,
          trademark: orNull(r.trademark_zh),
          certifications: [...new Set(r.certifications.filter((c) => !c.expires_on || c.expires_on >= today).map((c) => c.kind))],
          availability_months: r.availability_months,
          certificate_nos: r.certifications.map((c) => c.certificate_no).filter((n): n is string => !!n?.trim()),
          image: r.images[0]?.storage_key ?? null,
        }),
      ),
    );
  },
};

export const ENTITY_TYPES = Object.keys(documentBuilders) as SearchEntityType[];
