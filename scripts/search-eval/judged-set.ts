// scripts/search-eval/judged-set.ts
//
// The judged query set ("judgment list") for catalogue search (issue 17, item 1): queries a buyer types, each with the
// records that must come first and the records a buyer counts as right answers, over the data the eval indexes — the
// seeded reference data (db/seed/haidong.json through db/seed/reference.ts and db/seed/reference-texts.ts: 14 GI
// products, 6 trademarks and their 2 holders, 11 regional brands) and the sample catalogue (db/seed/sample-catalogue.ts:
// 8 producers, their 14 products and 2 trademarks, all named 示例 and flagged is_sample).
//
// THE RULE: expectations are written from the data and from what a buyer wants, BEFORE anyone looks at what search
// returns, and they are never edited to match results. A case that fails is a finding about search, not about the case.
// Change a case only when it is wrong about the data (a renamed record, a misread text), and say why in the commit.
//
// Adding a case: pick the class, write `q` (and `filters` as the search page takes them), then `first` (any one of
// these as the first hit is success@1), `relevant` (other right answers, in no order) and `not` (false hits that must
// not appear at all). Decide these from the seed texts, not from a search run. Keep q + filters unique.
//
// A reference is "type:name_zh" with name_zh exactly as stored in the database: GI products and trademarks under their
// name in haidong.json; regional brands under the name_zh of db/seed/reference-texts.ts (not the reference file's
// mixed-language name); organisations under their legal Chinese name (a trademark owner's name without the English in
// brackets); sample records under their name in sample-catalogue.ts.
//
// Sample records (示例) may be `relevant`, but are `first` only where the query names a sample record (its name, its
// registration number, its credit code) or where no real record answers it at all (e.g. 绿色食品: only a sample product
// carries the label).
//
// Grading: a hit in `first` scores 2, a hit in `relevant` scores 1, anything else 0 (a hit in `not` counts as a false
// hit on top). Unfindable queries have neither `first` nor `relevant`: the right answer is no results.

export type QueryClass =
  | "exact"
  | "partial"
  | "prefix"
  | "place_product"
  | "county"
  | "pinyin"
  | "pinyin_spaced"
  | "pinyin_tones"
  | "initials"
  | "english"
  | "foreign_buyer"
  | "synonym"
  | "dialect"
  | "traditional"
  | "typo_pinyin"
  | "typo_english"
  | "identifier"
  | "certification"
  | "slogan"
  | "filtered"
  | "unfindable";

/** "gi:互助青稞酒", "trademark:…", "regional_brand:…", "product:…", "organization:…" — name_zh exactly as stored */
export type RecordRef = `${"gi" | "trademark" | "regional_brand" | "product" | "organization"}:${string}`;

export interface JudgedQuery {
  q: string;
  class: QueryClass;
  /** facet filters as the search page takes them, e.g. { type: ["regional_brand"], county: ["平安"] } */
  filters?: { type?: string[]; county?: string[]; certification?: string[]; gi_scheme?: string[] };
  /** records that must come first (in any order among themselves); success@1 means the first hit is one of them.
      Empty / absent only for unfindable queries. */
  first?: RecordRef[];
  /** other records a buyer counts as right answers for this query, in no particular order */
  relevant?: RecordRef[];
  /** records that must not appear at all (false hits), e.g. 花椒 for "chili" */
  not?: RecordRef[];
  /** why, when not obvious (one short line) */
  note?: string;
}

// ---------------------------------------------------------------------------------------------------------------------
// The records, named once
// ---------------------------------------------------------------------------------------------------------------------

// GI products (haidong.json gi_products)
const QINGKEJIU: RecordRef = "gi:互助青稞酒";
const SHAGUO: RecordRef = "gi:乐都沙果";
const ZANGXIANGZHU: RecordRef = "gi:乐都藏香猪";
const BAMEIZHU: RecordRef = "gi:互助八眉猪";
const YAK: RecordRef = "gi:互助青海白牦牛";
const DAHUANG: RecordRef = "gi:互助大黄";
const DANGGUI: RecordRef = "gi:互助当归";
const CANDOU: RecordRef = "gi:互助蚕豆";
const POTATO: RecordRef = "gi:互助马铃薯";
const HUAJIAO: RecordRef = "gi:循化花椒";
const WALNUT: RecordRef = "gi:循化薄皮核桃";
const CHILI: RecordRef = "gi:循化线辣椒";
const GARLIC: RecordRef = "gi:乐都紫皮大蒜";
const CHERRY: RecordRef = "gi:乐都大樱桃";

const HUZHU_GIS: RecordRef[] = [QINGKEJIU, BAMEIZHU, YAK, DAHUANG, DANGGUI, CANDOU, POTATO];
const LEDU_GIS: RecordRef[] = [SHAGUO, ZANGXIANGZHU, GARLIC, CHERRY];
const XUNHUA_GIS: RecordRef[] = [HUAJIAO, WALNUT, CHILI];
const ALL_GIS: RecordRef[] = [...HUZHU_GIS, ...LEDU_GIS, ...XUNHUA_GIS];
/** by scheme (reference.ts schemeFromText on gi_system); 循化线辣椒 and 乐都紫皮大蒜 are unverified: no scheme */
const PROTECTED_PRODUCT_GIS: RecordRef[] = [QINGKEJIU, SHAGUO, ZANGXIANGZHU];
const CERTIFICATION_MARK_GIS: RecordRef[] = [POTATO, HUAJIAO, WALNUT];
const AGRICULTURAL_GIS: RecordRef[] = [BAMEIZHU, YAK, DAHUANG, DANGGUI, CANDOU, CHERRY];

// Trademarks (haidong.json trademarks, name_zh = brand) and their holders (legal name without the English)
const TM_TIANYOUDE: RecordRef = "trademark:天佑德";
const TM_HUZHU: RecordRef = "trademark:互助";
const TM_BADAZUOFANG: RecordRef = "trademark:八大作坊";
const TM_YONGQINGHE: RecordRef = "trademark:永庆和";
const TM_SHIYIDE: RecordRef = "trademark:世义德";
const TM_WEIYUAN: RecordRef = "trademark:威远青稞酒";
const ORG_TIANYOUDE: RecordRef = "organization:青海互助天佑德青稞酒股份有限公司";
const ORG_WEIYUAN: RecordRef = "organization:互助威远青稞酒业酿造有限公司";
const TIANYOUDE_MARKS: RecordRef[] = [TM_TIANYOUDE, TM_HUZHU, TM_BADAZUOFANG, TM_YONGQINGHE, TM_SHIYIDE];
const QINGKE_MARKS: RecordRef[] = [...TIANYOUDE_MARKS, TM_WEIYUAN];

// Regional brands (reference-texts.ts REGIONAL_BRAND_TEXTS name_zh)
const RB_SLOGAN: RecordRef = "regional_brand:彩陶故里·拉面之乡·青绣之源·醉美海东";
const RB_HUANGHE: RecordRef = "regional_brand:黄河彩篮";
const RB_RAMEN: RecordRef = "regional_brand:青海拉面 · 化隆拉面";
const RB_QINGXIU: RecordRef = "regional_brand:青绣";
const RB_PANXIU: RecordRef = "regional_brand:土族盘绣";
const RB_PINGANYI: RecordRef = "regional_brand:平安驿·河湟民俗文化体验地";
const RB_LIUWAN: RecordRef = "regional_brand:柳湾彩陶 · 青海柳湾彩陶博物馆";
const RB_SELENIUM: RecordRef = "regional_brand:高原硒都·健康平安";
const RB_BREWING: RecordRef = "regional_brand:青海青稞酒传统酿造技艺";
const RB_LAJIA: RecordRef = "regional_brand:喇家遗址“世界第一碗面”";
const RB_FAMOUS: RecordRef = "regional_brand:全国名特优新农产品(2025 年第一批):民和荞麦、互助马铃薯";
const ALL_REGIONAL_BRANDS: RecordRef[] = [
  RB_SLOGAN,
  RB_HUANGHE,
  RB_RAMEN,
  RB_QINGXIU,
  RB_PANXIU,
  RB_PINGANYI,
  RB_LIUWAN,
  RB_SELENIUM,
  RB_BREWING,
  RB_LAJIA,
  RB_FAMOUS,
];

// Sample catalogue (sample-catalogue.ts): producers, products, trademarks
const S_ORG_DISTILLERY: RecordRef = "organization:互助示例青稞酒业有限公司";
const S_ORG_LEDU: RecordRef = "organization:乐都区示例果蔬种植专业合作社";
const S_ORG_PEPPER: RecordRef = "organization:循化县示例花椒专业合作社";
const S_ORG_YAK: RecordRef = "organization:互助县示例牦牛家庭农场";
const S_ORG_POTATO: RecordRef = "organization:互助县示例马铃薯种植专业合作社";
const S_ORG_NOODLES: RecordRef = "organization:化隆县示例拉面食品有限公司";
const S_ORG_BUCKWHEAT: RecordRef = "organization:民和县示例荞麦种植专业合作社";
const S_ORG_SELENIUM: RecordRef = "organization:平安区示例富硒农业有限公司";

const S_LIQUOR: RecordRef = "product:示例互助青稞酒 42度 500毫升";
const S_BASE_LIQUOR: RecordRef = "product:示例青稞原浆酒 礼盒";
const S_CRABAPPLE: RecordRef = "product:示例乐都沙果 鲜果";
const S_GARLIC: RecordRef = "product:示例乐都紫皮大蒜";
const S_CHERRY: RecordRef = "product:示例乐都大樱桃";
const S_PEPPER: RecordRef = "product:示例循化大红袍花椒";
const S_CHILI: RecordRef = "product:示例循化线辣椒 干制";
const S_WALNUT: RecordRef = "product:示例循化薄皮核桃";
const S_YAK: RecordRef = "product:示例白牦牛肉 冷冻分割";
const S_POTATO: RecordRef = "product:示例互助马铃薯 商品薯";
const S_BEAN: RecordRef = "product:示例互助蚕豆";
const S_NOODLES: RecordRef = "product:示例青海拉面 半干面";
const S_BUCKWHEAT: RecordRef = "product:示例民和荞麦米";
const S_SE_GARLIC: RecordRef = "product:示例富硒大蒜";

const S_TM_QINGKE: RecordRef = "trademark:示例青稞";
const S_TM_XIDU: RecordRef = "trademark:示例硒都";

/** the sample products whose GI use is verified and valid today (示例乐都大樱桃 is pending, 示例白牦牛肉 has run out) */
const GI_AUTHORISED_PRODUCTS: RecordRef[] = [S_LIQUOR, S_CRABAPPLE, S_PEPPER, S_POTATO];

// Families a buyer counts as right for a product word
const QINGKE_FAMILY: RecordRef[] = [RB_BREWING, ...QINGKE_MARKS, S_TM_QINGKE, ORG_TIANYOUDE, ORG_WEIYUAN, S_ORG_DISTILLERY, S_LIQUOR, S_BASE_LIQUOR];
const PEPPER_FAMILY: RecordRef[] = [S_PEPPER, S_ORG_PEPPER];
const CHILI_FAMILY: RecordRef[] = [S_CHILI];
const GARLIC_FAMILY: RecordRef[] = [S_GARLIC, S_SE_GARLIC];
const POTATO_FAMILY: RecordRef[] = [S_POTATO, S_ORG_POTATO, RB_FAMOUS];
const YAK_FAMILY: RecordRef[] = [S_YAK, S_ORG_YAK];
const RAMEN_FAMILY: RecordRef[] = [S_NOODLES, S_ORG_NOODLES, RB_LAJIA];
const BUCKWHEAT_FAMILY: RecordRef[] = [S_BUCKWHEAT, S_ORG_BUCKWHEAT];
/** 花椒 records: a false hit for a chili query */
const SICHUAN_PEPPER_RECORDS: RecordRef[] = [HUAJIAO, S_PEPPER];
/** chili records: a false hit for a 花椒 / Sichuan pepper query */
const CHILI_RECORDS: RecordRef[] = [CHILI, S_CHILI];

// County browsing: the county's GI products first, then its regional brands, real and sample records
const HUZHU_OTHERS: RecordRef[] = [
  RB_PANXIU,
  RB_BREWING,
  RB_FAMOUS,
  ...QINGKE_MARKS,
  S_TM_QINGKE,
  ORG_TIANYOUDE,
  ORG_WEIYUAN,
  S_ORG_DISTILLERY,
  S_ORG_YAK,
  S_ORG_POTATO,
  S_LIQUOR,
  S_BASE_LIQUOR,
  S_YAK,
  S_POTATO,
  S_BEAN,
];
const LEDU_OTHERS: RecordRef[] = [RB_LIUWAN, S_ORG_LEDU, S_CRABAPPLE, S_GARLIC, S_CHERRY];
const XUNHUA_OTHERS: RecordRef[] = [S_ORG_PEPPER, S_PEPPER, S_CHILI, S_WALNUT];
const PINGAN_BRANDS: RecordRef[] = [RB_SELENIUM, RB_PINGANYI];
const PINGAN_OTHERS: RecordRef[] = [S_ORG_SELENIUM, S_SE_GARLIC, S_TM_XIDU];
const MINHE_FIRST: RecordRef[] = [RB_LAJIA, RB_FAMOUS];
const HUALONG_OTHERS: RecordRef[] = [S_ORG_NOODLES, S_NOODLES];

const HUZHU_NOTE = "county browse: all 7 互助 GIs first; the trademark literally named 互助 is relevant, not #1";

// ---------------------------------------------------------------------------------------------------------------------
// The queries
// ---------------------------------------------------------------------------------------------------------------------

export const judgedSet: JudgedQuery[] = [
  // ----- exact: a record's full name ---------------------------------------------------------------------------------
  { q: "互助青稞酒", class: "exact", first: [QINGKEJIU], relevant: QINGKE_FAMILY },
  { q: "乐都沙果", class: "exact", first: [SHAGUO], relevant: [S_CRABAPPLE, S_ORG_LEDU] },
  { q: "乐都藏香猪", class: "exact", first: [ZANGXIANGZHU] },
  { q: "互助八眉猪", class: "exact", first: [BAMEIZHU] },
  { q: "互助青海白牦牛", class: "exact", first: [YAK], relevant: YAK_FAMILY },
  { q: "互助大黄", class: "exact", first: [DAHUANG] },
  { q: "互助当归", class: "exact", first: [DANGGUI] },
  { q: "互助蚕豆", class: "exact", first: [CANDOU], relevant: [S_BEAN] },
  { q: "互助马铃薯", class: "exact", first: [POTATO], relevant: POTATO_FAMILY },
  { q: "循化花椒", class: "exact", first: [HUAJIAO], relevant: PEPPER_FAMILY, not: [S_CHILI] },
  { q: "循化薄皮核桃", class: "exact", first: [WALNUT], relevant: [S_WALNUT] },
  { q: "循化线辣椒", class: "exact", first: [CHILI], relevant: CHILI_FAMILY, not: SICHUAN_PEPPER_RECORDS },
  { q: "乐都紫皮大蒜", class: "exact", first: [GARLIC], relevant: [S_GARLIC] },
  { q: "乐都大樱桃", class: "exact", first: [CHERRY], relevant: [S_CHERRY] },
  { q: "天佑德", class: "exact", first: [TM_TIANYOUDE], relevant: [ORG_TIANYOUDE, RB_BREWING, QINGKEJIU] },
  { q: "八大作坊", class: "exact", first: [TM_BADAZUOFANG], relevant: [ORG_TIANYOUDE] },
  { q: "永庆和", class: "exact", first: [TM_YONGQINGHE], relevant: [ORG_TIANYOUDE] },
  { q: "世义德", class: "exact", first: [TM_SHIYIDE], relevant: [ORG_TIANYOUDE] },
  { q: "威远青稞酒", class: "exact", first: [TM_WEIYUAN], relevant: [ORG_WEIYUAN, QINGKEJIU] },
  {
    q: "互助牌",
    class: "exact",
    first: [TM_HUZHU],
    relevant: [ORG_TIANYOUDE, QINGKEJIU],
    note: "牌 = brand: the buyer names the trademark 互助, not the county",
  },
  { q: "黄河彩篮", class: "exact", first: [RB_HUANGHE], relevant: [S_LIQUOR, S_POTATO, S_ORG_DISTILLERY, S_ORG_POTATO] },
  { q: "土族盘绣", class: "exact", first: [RB_PANXIU], relevant: [RB_QINGXIU] },
  { q: "青绣", class: "exact", first: [RB_QINGXIU], relevant: [RB_PANXIU, RB_SLOGAN] },
  { q: "青海拉面", class: "exact", first: [RB_RAMEN], relevant: RAMEN_FAMILY },
  { q: "青海青稞酒传统酿造技艺", class: "exact", first: [RB_BREWING], relevant: [QINGKEJIU, TM_TIANYOUDE, ORG_TIANYOUDE] },
  { q: "喇家遗址", class: "exact", first: [RB_LAJIA], relevant: [RB_RAMEN] },
  { q: "柳湾彩陶博物馆", class: "exact", first: [RB_LIUWAN], relevant: [RB_SLOGAN] },
  { q: "平安驿", class: "exact", first: [RB_PINGANYI] },
  { q: "青海互助天佑德青稞酒股份有限公司", class: "exact", first: [ORG_TIANYOUDE], relevant: TIANYOUDE_MARKS },
  { q: "互助威远青稞酒业酿造有限公司", class: "exact", first: [ORG_WEIYUAN], relevant: [TM_WEIYUAN] },
  {
    q: "示例青稞原浆酒",
    class: "exact",
    first: [S_BASE_LIQUOR],
    relevant: [S_ORG_DISTILLERY],
    note: "names a sample record, so the sample comes first",
  },
  { q: "互助示例青稞酒业有限公司", class: "exact", first: [S_ORG_DISTILLERY], relevant: [S_LIQUOR, S_BASE_LIQUOR, S_TM_QINGKE] },
  { q: "示例硒都", class: "exact", first: [S_TM_XIDU], relevant: [S_SE_GARLIC, S_ORG_SELENIUM] },
  { q: "示例白牦牛肉", class: "exact", first: [S_YAK], relevant: [S_ORG_YAK, YAK] },

  // ----- partial: part of a name, a product word, an as-you-type prefix ----------------------------------------------
  { q: "青稞", class: "partial", first: [QINGKEJIU], relevant: QINGKE_FAMILY, note: "the GI before trademarks and 示例 records" },
  { q: "稞酒", class: "partial", first: [QINGKEJIU], relevant: QINGKE_FAMILY, note: "the middle of 青稞酒" },
  { q: "青稞酒", class: "partial", first: [QINGKEJIU], relevant: QINGKE_FAMILY },
  { q: "大蒜", class: "partial", first: [GARLIC], relevant: GARLIC_FAMILY, note: "the GI before the two 示例 garlic products" },
  { q: "核桃", class: "partial", first: [WALNUT], relevant: [S_WALNUT] },
  { q: "花椒", class: "partial", first: [HUAJIAO], relevant: PEPPER_FAMILY, not: CHILI_RECORDS },
  {
    q: "辣椒",
    class: "partial",
    first: [CHILI],
    relevant: CHILI_FAMILY,
    not: SICHUAN_PEPPER_RECORDS,
    note: "花椒 (Sichuan pepper) is not a chili",
  },
  { q: "沙果", class: "partial", first: [SHAGUO], relevant: [S_CRABAPPLE] },
  { q: "樱桃", class: "partial", first: [CHERRY], relevant: [S_CHERRY] },
  { q: "牦牛", class: "partial", first: [YAK], relevant: YAK_FAMILY },
  { q: "白牦牛", class: "partial", first: [YAK], relevant: YAK_FAMILY },
  { q: "八眉猪", class: "partial", first: [BAMEIZHU] },
  { q: "藏香猪", class: "partial", first: [ZANGXIANGZHU] },
  { q: "当归", class: "partial", first: [DANGGUI] },
  { q: "大黄", class: "partial", first: [DAHUANG] },
  { q: "蚕豆", class: "partial", first: [CANDOU], relevant: [S_BEAN] },
  { q: "紫皮大蒜", class: "partial", first: [GARLIC], relevant: [S_GARLIC] },
  { q: "薄皮核桃", class: "partial", first: [WALNUT], relevant: [S_WALNUT] },
  { q: "线辣椒", class: "partial", first: [CHILI], relevant: CHILI_FAMILY, not: SICHUAN_PEPPER_RECORDS },
  { q: "马铃薯", class: "partial", first: [POTATO], relevant: POTATO_FAMILY },
  { q: "拉面", class: "partial", first: [RB_RAMEN], relevant: [...RAMEN_FAMILY, RB_SLOGAN] },
  { q: "盘绣", class: "partial", first: [RB_PANXIU], relevant: [RB_QINGXIU] },
  { q: "彩陶", class: "partial", first: [RB_LIUWAN, RB_SLOGAN], note: "the museum brand and the slogan that names 彩陶故里" },
  { q: "柳湾", class: "partial", first: [RB_LIUWAN] },
  { q: "猪", class: "partial", first: [ZANGXIANGZHU, BAMEIZHU] },
  { q: "酒", class: "partial", first: [QINGKEJIU], relevant: QINGKE_FAMILY, note: "one character: the liquor GI first" },
  {
    q: "威远",
    class: "partial",
    first: [TM_WEIYUAN, ORG_WEIYUAN],
    relevant: [RB_BREWING],
    note: "the 威远 brand and company; the ICH text names 威远酩馏酒",
  },
  { q: "互助青", class: "partial", first: [QINGKEJIU, YAK], relevant: QINGKE_FAMILY, note: "as-you-type prefix of 互助青稞酒 / 互助青海白牦牛" },
  { q: "乐都紫", class: "partial", first: [GARLIC], relevant: [S_GARLIC], note: "as-you-type prefix" },
  { q: "循化薄", class: "partial", first: [WALNUT], relevant: [S_WALNUT], note: "as-you-type prefix" },

  // ----- prefix: province, city or county name in front of the product ------------------------------------------------
  { q: "青海互助青稞酒", class: "prefix", first: [QINGKEJIU], relevant: QINGKE_FAMILY },
  { q: "青海省互助青稞酒", class: "prefix", first: [QINGKEJIU], relevant: QINGKE_FAMILY },
  { q: "海东互助青稞酒", class: "prefix", first: [QINGKEJIU], relevant: QINGKE_FAMILY },
  { q: "互助县青稞酒", class: "prefix", first: [QINGKEJIU], relevant: QINGKE_FAMILY },
  { q: "互助土族自治县青稞酒", class: "prefix", first: [QINGKEJIU], relevant: QINGKE_FAMILY },
  { q: "海东青稞酒", class: "prefix", first: [QINGKEJIU], relevant: QINGKE_FAMILY },
  { q: "海东市乐都沙果", class: "prefix", first: [SHAGUO], relevant: [S_CRABAPPLE] },
  { q: "乐都区沙果", class: "prefix", first: [SHAGUO], relevant: [S_CRABAPPLE] },
  { q: "乐都区紫皮大蒜", class: "prefix", first: [GARLIC], relevant: [S_GARLIC] },
  { q: "青海乐都大樱桃", class: "prefix", first: [CHERRY], relevant: [S_CHERRY] },
  { q: "循化县花椒", class: "prefix", first: [HUAJIAO], relevant: PEPPER_FAMILY, not: CHILI_RECORDS },
  { q: "循化撒拉族自治县薄皮核桃", class: "prefix", first: [WALNUT], relevant: [S_WALNUT] },
  { q: "青海循化线辣椒", class: "prefix", first: [CHILI], relevant: CHILI_FAMILY, not: SICHUAN_PEPPER_RECORDS },
  { q: "青海互助八眉猪", class: "prefix", first: [BAMEIZHU] },
  { q: "青海牦牛", class: "prefix", first: [YAK], relevant: YAK_FAMILY },
  { q: "青海花椒", class: "prefix", first: [HUAJIAO], relevant: PEPPER_FAMILY, not: CHILI_RECORDS },
  { q: "海东大蒜", class: "prefix", first: [GARLIC], relevant: GARLIC_FAMILY },

  // ----- place + product -----------------------------------------------------------------------------------------------
  {
    q: "乐都花椒",
    class: "place_product",
    first: [HUAJIAO],
    relevant: PEPPER_FAMILY,
    not: CHILI_RECORDS,
    note: "no 花椒 is recorded in 乐都: the buyer wants 花椒, and Haidong's is 循化花椒",
  },
  { q: "乐都大蒜", class: "place_product", first: [GARLIC], relevant: [S_GARLIC] },
  { q: "乐都樱桃", class: "place_product", first: [CHERRY], relevant: [S_CHERRY] },
  { q: "乐都猪", class: "place_product", first: [ZANGXIANGZHU] },
  { q: "互助土豆", class: "place_product", first: [POTATO], relevant: POTATO_FAMILY },
  { q: "互助牦牛", class: "place_product", first: [YAK], relevant: YAK_FAMILY },
  { q: "互助猪", class: "place_product", first: [BAMEIZHU] },
  { q: "互助药材", class: "place_product", first: [DAHUANG, DANGGUI] },
  { q: "互助白酒", class: "place_product", first: [QINGKEJIU], relevant: QINGKE_FAMILY },
  {
    q: "互助大蒜",
    class: "place_product",
    first: [GARLIC],
    relevant: GARLIC_FAMILY,
    note: "no garlic is recorded in 互助: the garlic GI (乐都) is the buyer's best answer",
  },
  { q: "循化辣椒", class: "place_product", first: [CHILI], relevant: CHILI_FAMILY, not: SICHUAN_PEPPER_RECORDS },
  { q: "循化核桃", class: "place_product", first: [WALNUT], relevant: [S_WALNUT] },
  { q: "循化大红袍", class: "place_product", first: [HUAJIAO], relevant: PEPPER_FAMILY, note: "大红袍 is the 循化花椒 variety" },
  { q: "民和荞麦", class: "place_product", first: [RB_FAMOUS], relevant: BUCKWHEAT_FAMILY, note: "the quality list names 民和荞麦" },
  { q: "化隆拉面", class: "place_product", first: [RB_RAMEN], relevant: RAMEN_FAMILY },
  { q: "平安富硒", class: "place_product", first: [RB_SELENIUM], relevant: PINGAN_OTHERS },
  {
    q: "高庙沙果",
    class: "place_product",
    first: [SHAGUO],
    relevant: [S_CRABAPPLE],
    note: "高庙镇 is one of the six towns of the 乐都沙果 protected area (and the sample coop's town)",
  },
  { q: "ledu 大蒜", class: "place_product", first: [GARLIC], relevant: [S_GARLIC], note: "pinyin place, Chinese product" },
  { q: "Huzhu potato", class: "place_product", first: [POTATO], relevant: POTATO_FAMILY },
  { q: "Xunhua chili", class: "place_product", first: [CHILI], relevant: CHILI_FAMILY, not: SICHUAN_PEPPER_RECORDS },

  // ----- county browsing -----------------------------------------------------------------------------------------------
  { q: "互助", class: "county", first: HUZHU_GIS, relevant: HUZHU_OTHERS, note: HUZHU_NOTE },
  { q: "huzhu", class: "county", first: HUZHU_GIS, relevant: HUZHU_OTHERS, note: HUZHU_NOTE },
  { q: "互助县", class: "county", first: HUZHU_GIS, relevant: HUZHU_OTHERS },
  { q: "互助土族自治县", class: "county", first: HUZHU_GIS, relevant: HUZHU_OTHERS },
  { q: "Huzhu Tu Autonomous County", class: "county", first: HUZHU_GIS, relevant: HUZHU_OTHERS },
  { q: "乐都", class: "county", first: LEDU_GIS, relevant: LEDU_OTHERS },
  { q: "乐都区", class: "county", first: LEDU_GIS, relevant: LEDU_OTHERS },
  { q: "ledu", class: "county", first: LEDU_GIS, relevant: LEDU_OTHERS },
  { q: "Ledu District", class: "county", first: LEDU_GIS, relevant: LEDU_OTHERS },
  { q: "循化", class: "county", first: XUNHUA_GIS, relevant: XUNHUA_OTHERS },
  { q: "循化撒拉族自治县", class: "county", first: XUNHUA_GIS, relevant: XUNHUA_OTHERS },
  { q: "xunhua", class: "county", first: XUNHUA_GIS, relevant: XUNHUA_OTHERS },
  { q: "平安", class: "county", first: PINGAN_BRANDS, relevant: PINGAN_OTHERS, note: "平安 has no GI: its two regional brands first" },
  { q: "pingan", class: "county", first: PINGAN_BRANDS, relevant: PINGAN_OTHERS },
  {
    q: "民和",
    class: "county",
    first: MINHE_FIRST,
    relevant: BUCKWHEAT_FAMILY,
    note: "民和 has no GI: the 喇家 site and the quality list naming 民和荞麦 first",
  },
  { q: "民和回族土族自治县", class: "county", first: MINHE_FIRST, relevant: BUCKWHEAT_FAMILY },
  { q: "化隆", class: "county", first: [RB_RAMEN], relevant: HUALONG_OTHERS, note: "化隆 has no GI: its ramen brand first" },
  { q: "hualong", class: "county", first: [RB_RAMEN], relevant: HUALONG_OTHERS },
  {
    q: "海东",
    class: "county",
    first: [RB_SLOGAN, RB_HUANGHE, RB_QINGXIU],
    relevant: ALL_GIS,
    note: "the city: its city-wide brands first; every GI is a Haidong GI",
  },

  // ----- pinyin, joined or mixed with characters -----------------------------------------------------------------------
  { q: "qingke", class: "pinyin", first: [QINGKEJIU], relevant: QINGKE_FAMILY },
  { q: "qingkejiu", class: "pinyin", first: [QINGKEJIU], relevant: QINGKE_FAMILY },
  { q: "huzhuqingkejiu", class: "pinyin", first: [QINGKEJIU], relevant: QINGKE_FAMILY },
  { q: "QINGKE", class: "pinyin", first: [QINGKEJIU], relevant: QINGKE_FAMILY, note: "upper case" },
  { q: "xunhuahuajiao", class: "pinyin", first: [HUAJIAO], relevant: PEPPER_FAMILY, not: CHILI_RECORDS },
  { q: "huajiao", class: "pinyin", first: [HUAJIAO], relevant: PEPPER_FAMILY, not: CHILI_RECORDS },
  { q: "hetao", class: "pinyin", first: [WALNUT], relevant: [S_WALNUT] },
  { q: "dasuan", class: "pinyin", first: [GARLIC], relevant: GARLIC_FAMILY },
  { q: "ledushaguo", class: "pinyin", first: [SHAGUO], relevant: [S_CRABAPPLE] },
  { q: "shaguo", class: "pinyin", first: [SHAGUO], relevant: [S_CRABAPPLE] },
  { q: "maoniu", class: "pinyin", first: [YAK], relevant: YAK_FAMILY },
  { q: "malingshu", class: "pinyin", first: [POTATO], relevant: POTATO_FAMILY },
  { q: "candou", class: "pinyin", first: [CANDOU], relevant: [S_BEAN] },
  { q: "danggui", class: "pinyin", first: [DANGGUI] },
  { q: "dahuang", class: "pinyin", first: [DAHUANG] },
  { q: "zangxiangzhu", class: "pinyin", first: [ZANGXIANGZHU] },
  { q: "yingtao", class: "pinyin", first: [CHERRY], relevant: [S_CHERRY] },
  { q: "xianlajiao", class: "pinyin", first: [CHILI], relevant: CHILI_FAMILY, not: SICHUAN_PEPPER_RECORDS },
  { q: "tianyoude", class: "pinyin", first: [TM_TIANYOUDE], relevant: [ORG_TIANYOUDE] },
  { q: "lamian", class: "pinyin", first: [RB_RAMEN], relevant: RAMEN_FAMILY },
  { q: "huanghecailan", class: "pinyin", first: [RB_HUANGHE] },
  { q: "tuzupanxiu", class: "pinyin", first: [RB_PANXIU] },
  {
    q: "mingliu",
    class: "pinyin",
    first: [RB_BREWING],
    relevant: [QINGKEJIU, TM_WEIYUAN],
    note: "酩馏(酒): named in the text of the qingke-liquor brewing ICH record",
  },
  { q: "互助 qingke", class: "pinyin", first: [QINGKEJIU], relevant: QINGKE_FAMILY, note: "mixed characters and pinyin" },
  { q: "循化 huajiao", class: "pinyin", first: [HUAJIAO], relevant: PEPPER_FAMILY, not: CHILI_RECORDS },

  // ----- pinyin with spaces ------------------------------------------------------------------------------------------------
  { q: "hu zhu qing ke jiu", class: "pinyin_spaced", first: [QINGKEJIU], relevant: QINGKE_FAMILY },
  { q: "qing ke jiu", class: "pinyin_spaced", first: [QINGKEJIU], relevant: QINGKE_FAMILY },
  { q: "huzhu qingke", class: "pinyin_spaced", first: [QINGKEJIU], relevant: QINGKE_FAMILY },
  { q: "Huzhu Qingke Jiu", class: "pinyin_spaced", first: [QINGKEJIU], relevant: QINGKE_FAMILY },
  { q: "xun hua hua jiao", class: "pinyin_spaced", first: [HUAJIAO], relevant: PEPPER_FAMILY, not: CHILI_RECORDS },
  { q: "le du sha guo", class: "pinyin_spaced", first: [SHAGUO], relevant: [S_CRABAPPLE] },
  { q: "le du zi pi da suan", class: "pinyin_spaced", first: [GARLIC], relevant: [S_GARLIC] },
  { q: "hu zhu ma ling shu", class: "pinyin_spaced", first: [POTATO], relevant: POTATO_FAMILY },
  { q: "bai mao niu", class: "pinyin_spaced", first: [YAK], relevant: YAK_FAMILY },
  { q: "xunhua hetao", class: "pinyin_spaced", first: [WALNUT], relevant: [S_WALNUT] },
  { q: "ledu dasuan", class: "pinyin_spaced", first: [GARLIC], relevant: [S_GARLIC] },

  // ----- pinyin with tones (marks and numbers) -----------------------------------------------------------------------------
  { q: "Hùzhù Qīngkē Jiǔ", class: "pinyin_tones", first: [QINGKEJIU], relevant: QINGKE_FAMILY },
  { q: "qīngkē", class: "pinyin_tones", first: [QINGKEJIU], relevant: QINGKE_FAMILY },
  { q: "Xúnhuà Huājiāo", class: "pinyin_tones", first: [HUAJIAO], relevant: PEPPER_FAMILY, not: CHILI_RECORDS },
  { q: "Lèdū Shāguǒ", class: "pinyin_tones", first: [SHAGUO], relevant: [S_CRABAPPLE] },
  { q: "Lèdū Zǐpí Dàsuàn", class: "pinyin_tones", first: [GARLIC], relevant: [S_GARLIC] },
  { q: "Hùzhù Mǎlíngshǔ", class: "pinyin_tones", first: [POTATO], relevant: POTATO_FAMILY },
  { q: "máoniú", class: "pinyin_tones", first: [YAK], relevant: YAK_FAMILY },
  { q: "hétao", class: "pinyin_tones", first: [WALNUT], relevant: [S_WALNUT] },
  { q: "Hùzhù Dāngguī", class: "pinyin_tones", first: [DANGGUI] },
  { q: "qing1ke1jiu3", class: "pinyin_tones", first: [QINGKEJIU], relevant: QINGKE_FAMILY, note: "tone numbers, as typed without an IME" },

  // ----- initials ----------------------------------------------------------------------------------------------------------
  { q: "xhhj", class: "initials", first: [HUAJIAO], relevant: PEPPER_FAMILY, not: CHILI_RECORDS, note: "循化花椒" },
  { q: "hzqkj", class: "initials", first: [QINGKEJIU], relevant: QINGKE_FAMILY, note: "互助青稞酒" },
  { q: "qkj", class: "initials", first: [QINGKEJIU], relevant: QINGKE_FAMILY, note: "青稞酒" },
  { q: "ldsg", class: "initials", first: [SHAGUO], relevant: [S_CRABAPPLE], note: "乐都沙果" },
  { q: "ldzpds", class: "initials", first: [GARLIC], relevant: [S_GARLIC], note: "乐都紫皮大蒜" },
  { q: "hzmls", class: "initials", first: [POTATO], relevant: POTATO_FAMILY, note: "互助马铃薯" },
  { q: "xhbpht", class: "initials", first: [WALNUT], relevant: [S_WALNUT], note: "循化薄皮核桃" },
  { q: "xhxljj", class: "initials", first: [CHILI], relevant: CHILI_FAMILY, not: SICHUAN_PEPPER_RECORDS, note: "循化线辣椒" },
  { q: "tyd", class: "initials", first: [TM_TIANYOUDE], relevant: [ORG_TIANYOUDE], note: "天佑德" },
  { q: "hhcl", class: "initials", first: [RB_HUANGHE], note: "黄河彩篮" },
  { q: "ldzxz", class: "initials", first: [ZANGXIANGZHU], note: "乐都藏香猪" },

  // ----- English: the catalogue's own English names ------------------------------------------------------------------------
  { q: "Huzhu Qingke Liquor", class: "english", first: [QINGKEJIU], relevant: QINGKE_FAMILY },
  { q: "Ledu Crabapple", class: "english", first: [SHAGUO], relevant: [S_CRABAPPLE] },
  { q: "Xunhua Sichuan Pepper", class: "english", first: [HUAJIAO], relevant: PEPPER_FAMILY, not: CHILI_RECORDS },
  { q: "Xunhua Thin-shell Walnut", class: "english", first: [WALNUT], relevant: [S_WALNUT] },
  { q: "Ledu Purple-skin Garlic", class: "english", first: [GARLIC], relevant: [S_GARLIC] },
  { q: "Ledu Sweet Cherry", class: "english", first: [CHERRY], relevant: [S_CHERRY] },
  { q: "Huzhu Bamei Pig", class: "english", first: [BAMEIZHU] },
  { q: "Huzhu Qinghai White Yak", class: "english", first: [YAK], relevant: YAK_FAMILY },
  { q: "Huzhu Rhubarb", class: "english", first: [DAHUANG] },
  { q: "Huzhu Angelica Root", class: "english", first: [DANGGUI] },
  { q: "Huzhu Broad Bean", class: "english", first: [CANDOU], relevant: [S_BEAN] },
  { q: "Ledu Tibetan Fragrant Pig", class: "english", first: [ZANGXIANGZHU] },
  { q: "Xunhua Thread Chili", class: "english", first: [CHILI], relevant: CHILI_FAMILY, not: SICHUAN_PEPPER_RECORDS },
  { q: "Yellow River Colourful Basket", class: "english", first: [RB_HUANGHE] },
  { q: "Tu Coil Embroidery", class: "english", first: [RB_PANXIU], relevant: [RB_QINGXIU] },
  { q: "Qinghai Ramen", class: "english", first: [RB_RAMEN], relevant: RAMEN_FAMILY },
  { q: "Liuwan Painted Pottery Museum", class: "english", first: [RB_LIUWAN] },
  { q: "Plateau Selenium Capital", class: "english", first: [RB_SELENIUM] },
  { q: "Qingke liquor brewing heritage", class: "english", first: [RB_BREWING], relevant: [QINGKEJIU] },

  // ----- foreign buyer: what an importer calls the product -------------------------------------------------------------------
  { q: "highland barley liquor", class: "foreign_buyer", first: [QINGKEJIU], relevant: QINGKE_FAMILY },
  { q: "highland barley wine", class: "foreign_buyer", first: [QINGKEJIU], relevant: QINGKE_FAMILY },
  { q: "barley spirit", class: "foreign_buyer", first: [QINGKEJIU], relevant: QINGKE_FAMILY },
  { q: "baijiu", class: "foreign_buyer", first: [QINGKEJIU], relevant: QINGKE_FAMILY },
  { q: "Chinese liquor", class: "foreign_buyer", first: [QINGKEJIU], relevant: QINGKE_FAMILY },
  { q: "Sichuan pepper", class: "foreign_buyer", first: [HUAJIAO], relevant: PEPPER_FAMILY, not: CHILI_RECORDS },
  { q: "szechuan peppercorns", class: "foreign_buyer", first: [HUAJIAO], relevant: PEPPER_FAMILY, not: CHILI_RECORDS },
  { q: "chili", class: "foreign_buyer", first: [CHILI], relevant: CHILI_FAMILY, not: SICHUAN_PEPPER_RECORDS },
  { q: "dried chili", class: "foreign_buyer", first: [CHILI], relevant: CHILI_FAMILY, not: SICHUAN_PEPPER_RECORDS },
  {
    q: "pepper",
    class: "foreign_buyer",
    first: [HUAJIAO, CHILI],
    relevant: [...PEPPER_FAMILY, ...CHILI_FAMILY],
    note: "ambiguous: Sichuan pepper or chili pepper, either is right",
  },
  { q: "spices", class: "foreign_buyer", first: [HUAJIAO, CHILI], relevant: [...PEPPER_FAMILY, ...CHILI_FAMILY] },
  { q: "yak meat", class: "foreign_buyer", first: [YAK], relevant: YAK_FAMILY },
  { q: "yak beef", class: "foreign_buyer", first: [YAK], relevant: YAK_FAMILY },
  { q: "garlic", class: "foreign_buyer", first: [GARLIC], relevant: GARLIC_FAMILY },
  { q: "purple garlic", class: "foreign_buyer", first: [GARLIC], relevant: [S_GARLIC] },
  { q: "walnut", class: "foreign_buyer", first: [WALNUT], relevant: [S_WALNUT] },
  { q: "walnuts", class: "foreign_buyer", first: [WALNUT], relevant: [S_WALNUT] },
  { q: "crab apple", class: "foreign_buyer", first: [SHAGUO], relevant: [S_CRABAPPLE] },
  { q: "potatoes", class: "foreign_buyer", first: [POTATO], relevant: POTATO_FAMILY },
  {
    q: "potato starch",
    class: "foreign_buyer",
    first: [POTATO],
    relevant: POTATO_FAMILY,
    note: "no starch is listed; the high-starch potato GI is the buyer's answer",
  },
  {
    q: "buckwheat",
    class: "foreign_buyer",
    first: [RB_FAMOUS],
    relevant: [...BUCKWHEAT_FAMILY, RB_SELENIUM],
    note: "the quality list names Minhe Buckwheat; 高原硒都 lists 苦荞 among its products",
  },
  { q: "fava beans", class: "foreign_buyer", first: [CANDOU], relevant: [S_BEAN] },
  { q: "dong quai", class: "foreign_buyer", first: [DANGGUI], note: "the usual Western trade name of 当归 (Angelica sinensis)" },
  { q: "Chinese rhubarb", class: "foreign_buyer", first: [DAHUANG] },
  { q: "cherries", class: "foreign_buyer", first: [CHERRY], relevant: [S_CHERRY] },
  { q: "hand-pulled noodles", class: "foreign_buyer", first: [RB_RAMEN], relevant: RAMEN_FAMILY },
  { q: "pork", class: "foreign_buyer", first: [ZANGXIANGZHU, BAMEIZHU] },
  { q: "embroidery", class: "foreign_buyer", first: [RB_QINGXIU, RB_PANXIU], relevant: [RB_SLOGAN] },
  { q: "painted pottery", class: "foreign_buyer", first: [RB_LIUWAN, RB_SLOGAN] },
  { q: "medicinal herbs", class: "foreign_buyer", first: [DAHUANG, DANGGUI] },

  // ----- synonyms ------------------------------------------------------------------------------------------------------------
  { q: "青稞白酒", class: "synonym", first: [QINGKEJIU], relevant: QINGKE_FAMILY },
  { q: "白酒", class: "synonym", first: [QINGKEJIU], relevant: QINGKE_FAMILY },
  { q: "烧酒", class: "synonym", first: [QINGKEJIU], relevant: QINGKE_FAMILY },
  { q: "裸大麦", class: "synonym", first: [QINGKEJIU], relevant: QINGKE_FAMILY, note: "青稞 is naked barley; its product here is the liquor" },
  {
    q: "酩馏酒",
    class: "synonym",
    first: [RB_BREWING],
    relevant: [QINGKEJIU, TM_WEIYUAN],
    note: "the Tu home-brewed qingke liquor; named (威远酩馏酒) in the brewing ICH record",
  },
  { q: "大红袍", class: "synonym", first: [HUAJIAO], relevant: PEPPER_FAMILY, note: "the 循化花椒 variety (here not the tea)" },
  { q: "花红", class: "synonym", first: [SHAGUO], relevant: [S_CRABAPPLE], note: "花红 (Malus asiatica) is the species of 沙果" },
  { q: "胡桃", class: "synonym", first: [WALNUT], relevant: [S_WALNUT], note: "the old name of 核桃" },
  { q: "川椒", class: "synonym", first: [HUAJIAO], relevant: PEPPER_FAMILY, not: CHILI_RECORDS, note: "a name of 花椒" },
  { q: "牛肉面", class: "synonym", first: [RB_RAMEN], relevant: RAMEN_FAMILY, not: [YAK, S_YAK], note: "Qinghai ramen is a beef noodle; yak meat is not" },
  { q: "面条", class: "synonym", first: [RB_RAMEN], relevant: RAMEN_FAMILY },
  { q: "猪肉", class: "synonym", first: [ZANGXIANGZHU, BAMEIZHU] },
  { q: "中药材", class: "synonym", first: [DAHUANG, DANGGUI] },
  { q: "刺绣", class: "synonym", first: [RB_QINGXIU, RB_PANXIU], relevant: [RB_SLOGAN] },
  {
    q: "青海互助青稞酒股份有限公司",
    class: "synonym",
    first: [ORG_TIANYOUDE],
    relevant: TIANYOUDE_MARKS,
    note: "the company's name before the 2021 rename",
  },

  // ----- dialect and everyday words ------------------------------------------------------------------------------------------
  { q: "洋芋", class: "dialect", first: [POTATO], relevant: POTATO_FAMILY, note: "what Qinghai calls the potato" },
  { q: "土豆", class: "dialect", first: [POTATO], relevant: POTATO_FAMILY },
  { q: "山药蛋", class: "dialect", first: [POTATO], relevant: POTATO_FAMILY, note: "northern dialect for potato" },
  { q: "辣子", class: "dialect", first: [CHILI], relevant: CHILI_FAMILY, not: SICHUAN_PEPPER_RECORDS, note: "northwest word for chili" },
  { q: "海椒", class: "dialect", first: [CHILI], relevant: CHILI_FAMILY, not: SICHUAN_PEPPER_RECORDS, note: "southwest word for chili, not 花椒" },
  { q: "麻椒", class: "dialect", first: [HUAJIAO], relevant: PEPPER_FAMILY, not: CHILI_RECORDS, note: "a word for 花椒" },
  {
    q: "大椒",
    class: "dialect",
    first: [HUAJIAO, CHILI],
    relevant: [...PEPPER_FAMILY, ...CHILI_FAMILY],
    note: "ambiguous: an old name of 花椒 (大红袍) and northern dialect for 辣椒; either GI first is right",
  },
  { q: "车厘子", class: "dialect", first: [CHERRY], relevant: [S_CHERRY], note: "trade word for large sweet cherries" },
  { q: "胡豆", class: "dialect", first: [CANDOU], relevant: [S_BEAN] },
  { q: "蒜头", class: "dialect", first: [GARLIC], relevant: GARLIC_FAMILY },
  { q: "毛牛", class: "dialect", first: [YAK], relevant: YAK_FAMILY, note: "common non-standard writing of 牦牛" },

  // ----- traditional characters ----------------------------------------------------------------------------------------------
  { q: "樂都紫皮大蒜", class: "traditional", first: [GARLIC], relevant: [S_GARLIC] },
  { q: "樂都沙果", class: "traditional", first: [SHAGUO], relevant: [S_CRABAPPLE] },
  { q: "樂都大櫻桃", class: "traditional", first: [CHERRY], relevant: [S_CHERRY] },
  { q: "樂都藏香豬", class: "traditional", first: [ZANGXIANGZHU] },
  { q: "互助八眉豬", class: "traditional", first: [BAMEIZHU] },
  { q: "互助青海白犛牛", class: "traditional", first: [YAK], relevant: YAK_FAMILY },
  { q: "犛牛", class: "traditional", first: [YAK], relevant: YAK_FAMILY },
  { q: "互助大黃", class: "traditional", first: [DAHUANG] },
  { q: "互助當歸", class: "traditional", first: [DANGGUI] },
  { q: "互助蠶豆", class: "traditional", first: [CANDOU], relevant: [S_BEAN] },
  { q: "互助馬鈴薯", class: "traditional", first: [POTATO], relevant: POTATO_FAMILY },
  { q: "馬鈴薯", class: "traditional", first: [POTATO], relevant: POTATO_FAMILY },
  { q: "循化線辣椒", class: "traditional", first: [CHILI], relevant: CHILI_FAMILY, not: SICHUAN_PEPPER_RECORDS },
  { q: "土族盤繡", class: "traditional", first: [RB_PANXIU], relevant: [RB_QINGXIU] },
  { q: "黃河彩籃", class: "traditional", first: [RB_HUANGHE] },
  { q: "青海拉麵", class: "traditional", first: [RB_RAMEN], relevant: RAMEN_FAMILY },
  { q: "柳灣彩陶", class: "traditional", first: [RB_LIUWAN], relevant: [RB_SLOGAN] },
  { q: "青海青稞酒傳統釀造技藝", class: "traditional", first: [RB_BREWING], relevant: [QINGKEJIU] },
  { q: "蕎麥", class: "traditional", first: [RB_FAMOUS], relevant: [...BUCKWHEAT_FAMILY, RB_SELENIUM] },

  // ----- pinyin typos --------------------------------------------------------------------------------------------------------
  { q: "qingkjiu", class: "typo_pinyin", first: [QINGKEJIU], relevant: QINGKE_FAMILY },
  { q: "qinke", class: "typo_pinyin", first: [QINGKEJIU], relevant: QINGKE_FAMILY, note: "-ng/-n confusion" },
  { q: "qingkejou", class: "typo_pinyin", first: [QINGKEJIU], relevant: QINGKE_FAMILY },
  { q: "xunhau", class: "typo_pinyin", first: XUNHUA_GIS, relevant: XUNHUA_OTHERS, note: "循化 mistyped: browse the county" },
  { q: "xunhau huajiao", class: "typo_pinyin", first: [HUAJIAO], relevant: PEPPER_FAMILY, not: CHILI_RECORDS },
  { q: "xunhuahuajao", class: "typo_pinyin", first: [HUAJIAO], relevant: PEPPER_FAMILY, not: CHILI_RECORDS },
  { q: "huzu", class: "typo_pinyin", first: HUZHU_GIS, relevant: HUZHU_OTHERS, note: "zh/z confusion for 互助" },
  { q: "ledou", class: "typo_pinyin", first: LEDU_GIS, relevant: LEDU_OTHERS, note: "乐都 read lè dōu, as a pinyin library would" },
  { q: "malinshu", class: "typo_pinyin", first: [POTATO], relevant: POTATO_FAMILY },
  { q: "dasuang", class: "typo_pinyin", first: [GARLIC], relevant: GARLIC_FAMILY },
  { q: "shagou", class: "typo_pinyin", first: [SHAGUO], relevant: [S_CRABAPPLE] },

  // ----- English typos -------------------------------------------------------------------------------------------------------
  { q: "walnutt", class: "typo_english", first: [WALNUT], relevant: [S_WALNUT] },
  { q: "garlik", class: "typo_english", first: [GARLIC], relevant: GARLIC_FAMILY },
  { q: "sichuan peper", class: "typo_english", first: [HUAJIAO], relevant: PEPPER_FAMILY, not: CHILI_RECORDS },
  { q: "potatoe", class: "typo_english", first: [POTATO], relevant: POTATO_FAMILY },
  { q: "yka", class: "typo_english", first: [YAK], relevant: YAK_FAMILY, note: "yak mistyped" },
  { q: "crabaple", class: "typo_english", first: [SHAGUO], relevant: [S_CRABAPPLE] },
  { q: "cherrys", class: "typo_english", first: [CHERRY], relevant: [S_CHERRY] },
  { q: "buckweat", class: "typo_english", first: [RB_FAMOUS], relevant: [...BUCKWHEAT_FAMILY, RB_SELENIUM] },
  { q: "rubarb", class: "typo_english", first: [DAHUANG] },
  { q: "angelika", class: "typo_english", first: [DANGGUI] },
  { q: "barly liquor", class: "typo_english", first: [QINGKEJIU], relevant: QINGKE_FAMILY },
  { q: "embroidry", class: "typo_english", first: [RB_QINGXIU, RB_PANXIU], relevant: [RB_SLOGAN] },
  { q: "thread chilli", class: "typo_english", first: [CHILI], relevant: CHILI_FAMILY, not: SICHUAN_PEPPER_RECORDS, note: "British spelling" },

  // ----- identifiers: registration numbers, announcements, credit codes (exactly as stored) ----------------------------------
  { q: "AGI01361", class: "identifier", first: [YAK], note: "AGI certificate of 互助青海白牦牛" },
  { q: "agi01361", class: "identifier", first: [YAK], note: "lower case" },
  { q: "农业农村部公告第185号", class: "identifier", first: [DAHUANG, DANGGUI] },
  { q: "第185号", class: "identifier", first: [DAHUANG, DANGGUI] },
  { q: "90000001", class: "identifier", first: [S_TM_QINGKE], relevant: [S_LIQUOR, S_ORG_DISTILLERY], note: "sample trademark's reg. no." },
  { q: "90000002", class: "identifier", first: [S_TM_XIDU], relevant: [S_SE_GARLIC, S_ORG_SELENIUM] },
  { q: "91630223MA7L8Q2K09", class: "identifier", first: [S_ORG_DISTILLERY], relevant: [S_LIQUOR, S_BASE_LIQUOR] },
  { q: "93630202MA7N4P6R1L", class: "identifier", first: [S_ORG_LEDU] },
  { q: "93630225MA7P2W5T3P", class: "identifier", first: [S_ORG_PEPPER] },
  { q: "92630223MA7R3X8U47", class: "identifier", first: [S_ORG_YAK] },
  { q: "93630223MA7T5Y9W6A", class: "identifier", first: [S_ORG_POTATO] },
  { q: "91630224MA7U6A1X7F", class: "identifier", first: [S_ORG_NOODLES] },
  { q: "93630222MA7W7B2Y8P", class: "identifier", first: [S_ORG_BUCKWHEAT] },
  { q: "91630203MA7X8C3A93", class: "identifier", first: [S_ORG_SELENIUM] },
  { q: "91630203ma7x8c3a93", class: "identifier", first: [S_ORG_SELENIUM], note: "credit code typed in lower case" },
  {
    q: "LB-33-2101630001",
    class: "identifier",
    first: [S_LIQUOR],
    note: "green-food certificate number as printed on the label",
  },

  // ----- certification and scheme words --------------------------------------------------------------------------------------
  {
    q: "地标",
    class: "certification",
    first: ALL_GIS,
    relevant: GI_AUTHORISED_PRODUCTS,
    not: [RB_FAMOUS],
    note: "everyday short form of 地理标志; the quality list says it is not a GI",
  },
  { q: "地理标志", class: "certification", first: ALL_GIS, relevant: GI_AUTHORISED_PRODUCTS, not: [RB_FAMOUS] },
  { q: "地理标志产品", class: "certification", first: ALL_GIS, relevant: GI_AUTHORISED_PRODUCTS, not: [RB_FAMOUS] },
  { q: "geographical indication", class: "certification", first: ALL_GIS, relevant: GI_AUTHORISED_PRODUCTS, not: [RB_FAMOUS] },
  {
    q: "地理标志证明商标",
    class: "certification",
    first: CERTIFICATION_MARK_GIS,
    relevant: [S_POTATO, S_PEPPER],
  },
  { q: "证明商标", class: "certification", first: CERTIFICATION_MARK_GIS, relevant: [S_POTATO, S_PEPPER] },
  { q: "农产品地理标志", class: "certification", first: AGRICULTURAL_GIS },
  { q: "地理标志保护产品", class: "certification", first: PROTECTED_PRODUCT_GIS, relevant: [S_LIQUOR, S_CRABAPPLE] },
  {
    q: "绿色食品",
    class: "certification",
    first: [S_LIQUOR],
    note: "only a sample product carries the label, so it is first",
  },
  { q: "green food", class: "certification", first: [S_LIQUOR] },
  {
    q: "有机",
    class: "certification",
    first: [S_PEPPER],
    not: [HUAJIAO],
    note: "only the sample pepper is certified organic; its certificate runs to 2026-12-31, after which nothing is organic",
  },
  {
    q: "organic",
    class: "certification",
    first: [S_PEPPER],
    not: [HUAJIAO],
    note: "循化花椒's text says production is 'organised': not organic (sample certificate runs to 2026-12-31)",
  },
  { q: "富硒", class: "certification", first: [RB_SELENIUM], relevant: PINGAN_OTHERS },
  { q: "selenium", class: "certification", first: [RB_SELENIUM], relevant: PINGAN_OTHERS },
  {
    q: "全国名特优新农产品",
    class: "certification",
    first: [RB_FAMOUS],
    relevant: [POTATO, CANDOU, S_POTATO],
    note: "互助马铃薯 is on the list; 互助蚕豆's text calls itself one",
  },
  { q: "名特优新", class: "certification", first: [RB_FAMOUS], relevant: [POTATO, CANDOU, S_POTATO] },
  {
    q: "区域公用品牌",
    class: "certification",
    first: [RB_HUANGHE, RB_RAMEN],
    relevant: ALL_REGIONAL_BRANDS.filter((r) => r !== RB_HUANGHE && r !== RB_RAMEN),
    note: "the two brands that are regional public brands in the strict sense first",
  },
  { q: "非遗", class: "certification", first: [RB_PANXIU, RB_BREWING], note: "short for 非物质文化遗产" },
  { q: "国家级非物质文化遗产", class: "certification", first: [RB_PANXIU, RB_BREWING] },

  // ----- slogans and brand phrases ---------------------------------------------------------------------------------------------
  { q: "彩陶故里·拉面之乡·青绣之源·醉美海东", class: "slogan", first: [RB_SLOGAN] },
  { q: "彩陶故里", class: "slogan", first: [RB_SLOGAN, RB_LIUWAN], note: "柳湾's brand type is 文化遗产品牌(彩陶故里)" },
  { q: "拉面之乡", class: "slogan", first: [RB_SLOGAN], relevant: [RB_RAMEN] },
  { q: "青绣之源", class: "slogan", first: [RB_SLOGAN], relevant: [RB_QINGXIU] },
  { q: "醉美海东", class: "slogan", first: [RB_SLOGAN] },
  { q: "极地门户", class: "slogan", first: [RB_SLOGAN], note: "positioning named in the slogan brand's description" },
  { q: "青藏首站", class: "slogan", first: [RB_SLOGAN] },
  { q: "极地门户·青藏首站", class: "slogan", first: [RB_SLOGAN] },
  { q: "一核两心三廊道六圈", class: "slogan", first: [RB_SLOGAN] },
  { q: "高原硒都", class: "slogan", first: [RB_SELENIUM], relevant: PINGAN_OTHERS },
  { q: "健康平安", class: "slogan", first: [RB_SELENIUM] },
  { q: "中国十大富硒之乡", class: "slogan", first: [RB_SELENIUM] },
  { q: "世界第一碗面", class: "slogan", first: [RB_LAJIA], relevant: [RB_RAMEN] },
  { q: "东方庞贝", class: "slogan", first: [RB_LAJIA] },
  { q: "四千年喇家青海拉面", class: "slogan", first: [RB_RAMEN], relevant: [RB_LAJIA] },
  { q: "清蒸清烧四次清", class: "slogan", first: [RB_BREWING], relevant: [QINGKEJIU] },
  { q: "一针两线", class: "slogan", first: [RB_PANXIU] },
  { q: "高原菜篮子", class: "slogan", first: [RB_HUANGHE] },

  // ----- filtered: facets as the search page takes them -------------------------------------------------------------------------
  {
    q: "",
    class: "filtered",
    filters: { type: ["regional_brand"], county: ["平安"] },
    first: PINGAN_BRANDS,
    note: "平安's two regional brands",
  },
  { q: "平安", class: "filtered", filters: { type: ["regional_brand"] }, first: PINGAN_BRANDS },
  { q: "", class: "filtered", filters: { type: ["gi"], county: ["互助"] }, first: HUZHU_GIS },
  { q: "", class: "filtered", filters: { type: ["gi"], county: ["循化"] }, first: XUNHUA_GIS },
  { q: "", class: "filtered", filters: { type: ["product"], county: ["互助"] }, first: [S_LIQUOR, S_BASE_LIQUOR, S_YAK, S_POTATO, S_BEAN] },
  {
    q: "大蒜",
    class: "filtered",
    filters: { type: ["product"] },
    first: GARLIC_FAMILY,
    note: "products asked for: both (sample) garlic products",
  },
  {
    q: "青稞",
    class: "filtered",
    filters: { type: ["trademark"] },
    first: [TM_WEIYUAN],
    relevant: [...TIANYOUDE_MARKS, S_TM_QINGKE],
    note: "the real mark with 青稞 in its name first; the 天佑德 marks cover 青稞白酒",
  },
  {
    q: "互助",
    class: "filtered",
    filters: { type: ["trademark"] },
    first: [TM_HUZHU],
    relevant: [TM_TIANYOUDE, TM_BADAZUOFANG, TM_YONGQINGHE, TM_SHIYIDE, TM_WEIYUAN, S_TM_QINGKE],
    note: "asking for trademarks: now the mark named 互助 is the exact answer",
  },
  {
    q: "合作社",
    class: "filtered",
    filters: { type: ["organization"] },
    first: [S_ORG_LEDU, S_ORG_PEPPER, S_ORG_POTATO, S_ORG_BUCKWHEAT],
    note: "all cooperatives are sample records",
  },
  { q: "青稞酒", class: "filtered", filters: { type: ["organization"] }, first: [ORG_TIANYOUDE, ORG_WEIYUAN], relevant: [S_ORG_DISTILLERY] },
  { q: "猪", class: "filtered", filters: { type: ["gi"] }, first: [ZANGXIANGZHU, BAMEIZHU] },
  { q: "拉面", class: "filtered", filters: { type: ["regional_brand"] }, first: [RB_RAMEN], relevant: [RB_LAJIA, RB_SLOGAN] },
  { q: "水果", class: "filtered", filters: { county: ["乐都"] }, first: [SHAGUO, CHERRY], relevant: [S_CRABAPPLE, S_CHERRY] },
  {
    q: "辣椒",
    class: "filtered",
    filters: { county: ["循化"] },
    first: [CHILI],
    relevant: CHILI_FAMILY,
    not: SICHUAN_PEPPER_RECORDS,
  },
  { q: "", class: "filtered", filters: { certification: ["green_food"] }, first: [S_LIQUOR] },
  { q: "", class: "filtered", filters: { type: ["product"], certification: ["selenium_rich"] }, first: [S_SE_GARLIC] },
  { q: "", class: "filtered", filters: { gi_scheme: ["certification_mark"] }, first: CERTIFICATION_MARK_GIS, relevant: [S_POTATO, S_PEPPER] },
  { q: "", class: "filtered", filters: { gi_scheme: ["agricultural"] }, first: AGRICULTURAL_GIS },
  { q: "", class: "filtered", filters: { gi_scheme: ["protected_product"] }, first: PROTECTED_PRODUCT_GIS, relevant: [S_LIQUOR, S_CRABAPPLE] },
  { q: "牛", class: "filtered", filters: { gi_scheme: ["agricultural"] }, first: [YAK] },

  // ----- unfindable: the catalogue holds none of these; no record's text contains them --------------------------------------------
  { q: "茶叶", class: "unfindable" },
  { q: "普洱", class: "unfindable" },
  { q: "龙井", class: "unfindable" },
  { q: "大闸蟹", class: "unfindable" },
  { q: "iphone", class: "unfindable" },
  { q: "榴莲", class: "unfindable" },
  { q: "coffee", class: "unfindable" },
  { q: "咖啡", class: "unfindable" },
  { q: "tea", class: "unfindable", note: "a whole word; 'Plateau' only contains the letters" },
  { q: "枸杞", class: "unfindable", note: "a Qinghai product, but not one this catalogue holds" },
  { q: "冬虫夏草", class: "unfindable" },
  { q: "蜂蜜", class: "unfindable" },
  { q: "沙棘", class: "unfindable" },
  { q: "茅台", class: "unfindable", note: "another liquor brand: the qingke liquor is not an answer" },
  { q: "五粮液", class: "unfindable" },
  { q: "螺蛳粉", class: "unfindable" },
  { q: "海参", class: "unfindable" },
  { q: "葡萄酒", class: "unfindable", note: "grape wine; 酒 alone must not pull in the qingke liquor" },
  { q: "沙棗", class: "unfindable", note: "traditional 沙枣 (oleaster), not 沙果 (crabapple)" },
  { q: "集体商标", class: "unfindable", note: "no collective mark is held; 平安驿's 村集体 is not a hit" },
  { q: "驰名商标", class: "unfindable", note: "no mark is recorded as well-known (互助's status is unverified)" },
  { q: "laptop", class: "unfindable" },
  { q: "xqzvbk", class: "unfindable", note: "random letters" },
  { q: "asdfghjkl", class: "unfindable", note: "keyboard row" },
];
