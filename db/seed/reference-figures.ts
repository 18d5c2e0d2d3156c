// The reference figures /stats shows beside the catalogue's own counts, in the reader's language, with each source
// assessed (decision 032). haidong.json is the project's sourced reference file, copied verbatim: its `as_of` and
// `notes` are English working notes, two of its rows are both "中国驰名商标", and some of its sources are mirrors,
// machine translations or AI summaries. This overlay, keyed by the file's `metric`, gives what a reader sees instead:
// a distinct label, the date in both languages, the confidence after assessing the sources, the reason when it is
// low, and the sources themselves — those that do not count as support are kept only to say why.
//
// The value still comes from the seeded `figures` row (db/queries/stats.ts reads it by `metric`), so the number a
// reader sees is the one the reference file gives. reference-figures.test.ts checks that every metric exists there.

export interface Bilingual {
  zh: string;
  en: string;
}

/**
 * What kind of publisher a source is. Only official and news sources support a figure; a mirror (a copy on an
 * unrelated site), an aggregator, a translation or AI-summary site, or a site whose nature could not be established
 * is named only to explain a low confidence.
 */
export type SourceKind = "official" | "news" | "mirror" | "aggregator" | "translation_ai" | "unidentified";

export const SUPPORTING_KINDS: readonly SourceKind[] = ["official", "news"];

export interface FigureSource {
  kind: SourceKind;
  publisher: Bilingual;
  /** the original title as published (Chinese), shown with lang="zh-CN" */
  title: string | null;
  /** publication date, YYYY-MM-DD */
  date: string | null;
  url: string | null;
}

/** A source with the verdict on it: whether it may be cited as support. */
export type AssessedSource = FigureSource & { supports: boolean };

export function assess(source: FigureSource): AssessedSource {
  return { ...source, supports: SUPPORTING_KINDS.includes(source.kind) };
}

export interface ReferenceOverlay {
  /** the `metric` of the haidong.json figure */
  metric: string;
  /** the sub-figure to read when the file gives an object of named values */
  pick?: string;
  label: Bilingual;
  asOf: Bilingual;
  confidence: "high" | "medium" | "low";
  /** why the confidence is below high; shown on /stats */
  reason: Bilingual | null;
  sources: FigureSource[];
}

const HT_CN_2020: FigureSource = {
  kind: "unidentified",
  publisher: { zh: "ht.cn 网站(文章署名海东市市场监督管理局)", en: "the ht.cn website (article credited to the Haidong Market Regulation Bureau)" },
  title: "亮丽品牌闪耀“海东造”",
  date: "2020-10-23",
  url: "https://www.ht.cn/anf-id-7-aid-171656-tid-6.html",
};

const HT_CN_REASON: Bilingual = {
  zh: "仅有一篇 2020 年 10 月的网站文章,文中提到 2015 年的资金,数字所指时间不明;未找到政府网站或新闻媒体的同一数字。",
  en: "Only one website article of October 2020, which mentions 2015 funding, so the date of the figure is unclear; no government or news source was found for it.",
};

const TIBET_CN_MIRROR: FigureSource = {
  kind: "mirror",
  publisher: { zh: "tyjgjz.com(转载中国西藏网 2022-12-20 报道)", en: "tyjgjz.com (a copy of a China Tibet Online report of 2022-12-20)" },
  title: "青海海东:“黄河彩篮”区域公用品牌对外发布",
  date: "2022-12-20",
  url: "http://tyjgjz.com/cn/ecology/202212/t20221220_7330421.html",
};

const TIBET_CN_REASON: Bilingual = {
  zh: "只在无关网站的转载中找到(原为中国西藏网 2022 年 12 月报道,数字由青海省农业农村厅提供);未找到原文或政府网站的同一数字。",
  en: "Found only in a copy on an unrelated site (originally a China Tibet Online report of December 2022, figures from the Qinghai agriculture department); neither the original nor a government page with the figure was found.",
};

export const REFERENCE_FIGURES = {
  trademarkTarget: {
    metric: "target: valid trademark registrations in Haidong by 2025 (商标有效注册量)",
    label: { zh: "2025 年目标:全市商标有效注册量", en: "2025 target: valid trademark registrations in Haidong" },
    asOf: { zh: "2025 年目标,2022-10-14 印发", en: "target for 2025, issued 2022-10-14" },
    confidence: "high",
    reason: null,
    sources: [
      {
        kind: "official",
        publisher: {
          zh: "海东市人民政府办公室 东政办〔2022〕145号,二、发展目标",
          en: "General Office of the Haidong Municipal Government, document Dongzhengban [2022] No. 145, part 2 (targets)",
        },
        title: "关于贯彻落实青海省“十四五”知识产权保护和运用规划的实施意见",
        date: "2022-10-14",
        url: null,
      },
    ],
  },
  registeredTrademarks: {
    metric: "注册商标 (registered trademarks) in Haidong",
    label: { zh: "全市注册商标(2020 年 10 月报道)", en: "Registered trademarks in Haidong (reported October 2020)" },
    asOf: { zh: "2020-10-23 发布,数字时间不明", en: "published 2020-10-23; date of the figure unclear" },
    confidence: "low",
    reason: HT_CN_REASON,
    sources: [HT_CN_2020],
  },
  wellKnown2022: {
    metric: "中国驰名商标 held in Haidong",
    label: { zh: "中国驰名商标(2022 年 12 月报道)", en: "China well-known marks (reported December 2022)" },
    asOf: { zh: "2022 年 12 月报道", en: "reported December 2022" },
    confidence: "low",
    reason: TIBET_CN_REASON,
    sources: [TIBET_CN_MIRROR],
  },
  wellKnown2020: {
    metric: "中国驰名商标 in Haidong",
    label: { zh: "中国驰名商标(2020 年 10 月报道)", en: "China well-known marks (reported October 2020)" },
    asOf: { zh: "2020-10-23 发布,数字时间不明", en: "published 2020-10-23; date of the figure unclear" },
    confidence: "low",
    reason: HT_CN_REASON,
    sources: [HT_CN_2020],
  },
  provincialFamous: {
    metric: "青海省著名商标 held in Haidong",
    label: { zh: "青海省著名商标(2022 年 12 月报道)", en: "Qinghai famous marks (reported December 2022)" },
    asOf: { zh: "2022 年 12 月报道", en: "reported December 2022" },
    confidence: "low",
    reason: TIBET_CN_REASON,
    sources: [TIBET_CN_MIRROR],
  },
  agriculturalGi: {
    metric: "农产品地理标志登记产品 (AGI) in Haidong",
    label: { zh: "农产品地理标志登记产品(2022 年 12 月报道)", en: "Registered agricultural-product GIs (reported December 2022)" },
    asOf: { zh: "2022 年 12 月报道", en: "reported December 2022" },
    confidence: "low",
    reason: TIBET_CN_REASON,
    sources: [TIBET_CN_MIRROR],
  },
  certificationMarks: {
    metric: "地理标志证明商标 in Haidong",
    label: { zh: "地理标志证明商标(2020 年 10 月报道)", en: "GI certification marks (reported October 2020)" },
    asOf: { zh: "2020-10-23 发布,数字时间不明", en: "published 2020-10-23; date of the figure unclear" },
    confidence: "low",
    reason: HT_CN_REASON,
    sources: [HT_CN_2020],
  },
  giProducts: {
    metric: "GI products ('地理标志产品') in Haidong",
    label: { zh: "地理标志产品(推介会报道,日期不明)", en: "GI products (promotion-event report, date unknown)" },
    asOf: { zh: "日期不明", en: "date unknown" },
    confidence: "low",
    reason: {
      zh: "唯一来源是人工智能生成的英文摘要网站(reportify.ai),不能作为依据;未找到推介会的原始报道。",
      en: "The only source is an AI-generated English summary site (reportify.ai), which cannot support a figure; the original report of the event was not found.",
    },
    sources: [
      {
        kind: "translation_ai",
        publisher: { zh: "reportify.ai(人工智能英文摘要)", en: "reportify.ai (AI-generated English summary)" },
        title: "青海海东高原特色农产品推介会在江苏[无锡]",
        date: null,
        url: "https://reportify.ai/news/1176256790573223936",
      },
    ],
  },
  qinghaiGiUsers2024: {
    metric: "Qinghai GI certification marks / GI protected products / GI-mark user enterprises",
    pick: "用标企业",
    label: { zh: "青海省地理标志用标企业(截至 2024 年)", en: "Qinghai enterprises using GI marks (to 2024)" },
    asOf: { zh: "截至 2024 年", en: "to the end of 2024" },
    confidence: "high",
    reason: null,
    sources: [
      {
        kind: "official",
        publisher: { zh: "青海省人民政府网", en: "Qinghai Provincial Government website" },
        title: null,
        date: "2025-10-09",
        url: "http://www.qinghai.gov.cn/zwgk/system/2025/10/09/030083377.shtml",
      },
    ],
  },
  qinghaiGiUsers2022: {
    metric: "Qinghai enterprises authorised to use the GI special mark",
    label: { zh: "青海省地理标志专用标志使用企业(2022 年)", en: "Qinghai enterprises using the GI special mark (2022)" },
    asOf: { zh: "2022 年(国家知识产权局第 487、496 号公告后)", en: "2022 (after CNIPA announcements 487 and 496)" },
    confidence: "low",
    reason: {
      zh: "只在翻译网站(handytranslator.com)转载的青海省市场监管局消息中找到,未找到原文;2024 年的官方数字见上一行。",
      en: "Found only in a copy of a Qinghai market-regulation news item on a translation site (handytranslator.com); the original was not found. The official 2024 figure is in the row above.",
    },
    sources: [
      {
        kind: "translation_ai",
        publisher: { zh: "handytranslator.com(翻译网站转载)", en: "handytranslator.com (copy on a translation site)" },
        title: null,
        date: null,
        url: "http://wap.handytranslator.com/news/article-2184.html",
      },
    ],
  },
} satisfies Record<string, ReferenceOverlay>;

export type ReferenceKey = keyof typeof REFERENCE_FIGURES;
