import type { ProductCategory } from "../../app/domain/product-form";

// The reader-facing texts of the reference records, Chinese first and English second, written from the sourced facts
// in haidong.json (a verbatim copy of ../shared/reference/haidong.json, whose descriptions are English notes). Nothing
// here adds a fact the reference file does not hold: where the sources are silent (an approval number, a list of
// townships) the text says so. Keyed by the reference file's Chinese name; reference.test.ts checks every reference
// record has its entry, so a new record in the file cannot reach a page without its Chinese text.

export interface GiText {
  name_en: string;
  /** one of the product categories, so GI pages, product pages and facets share one vocabulary (English by categoryEn) */
  category: ProductCategory;
  quality_zh: string;
  quality_en: string;
  /** the quality standard or specification as the sources name it */
  standard?: string;
  /** 保护范围: townships as the sources list them (resolved to places, old names through their alias) */
  area_townships?: string[];
  /** what the sources say of the area beyond (or instead of) a township list */
  area_zh?: string;
  area_en?: string;
  /** 登记情况: what is and is not documented about the registration */
  register_zh: string;
  register_en: string;
}

export const GI_TEXTS: Readonly<Record<string, GiText>> = {
  互助青稞酒: {
    name_en: "Huzhu Qingke Liquor (highland-barley baijiu)",
    category: "酒类",
    quality_zh:
      "以高原青稞为原料酿造的清香型白酒。产地互助县平均海拔约 2,600 米,年平均气温 3.5 ℃,年日照约 2,670 小时。质量执行《地理标志互助青稞酒》标准和团体标准《青稞香型白酒》。",
    quality_en:
      "A light-aroma (qingxiang) baijiu brewed from plateau highland barley. Huzhu lies at about 2,600 m on average, with an annual mean of 3.5 °C and about 2,670 hours of sunshine. Quality follows the standard 《地理标志互助青稞酒》 and the group standard 《青稞香型白酒》.",
    standard: "《地理标志互助青稞酒》;团体标准《青稞香型白酒》",
    area_zh: "互助土族自治县(来源未列出乡镇范围)",
    area_en: "Huzhu Tu Autonomous County (the sources do not list the townships)",
    register_zh:
      "地理标志保护产品。2022 年国家知识产权局以《国家知识产权局办公室关于确定2022年国家地理标志产品保护示范区筹建名单的通知》将“互助青稞酒”列入国家地理标志产品保护示范区筹建名单(全国 29 个,青海首个,当时也是唯一一个)。最初批准年份和原国家质检总局公告号尚未查到。",
    register_en:
      "GI protected product. In 2022 CNIPA's notice 《国家知识产权局办公室关于确定2022年国家地理标志产品保护示范区筹建名单的通知》 put Huzhu Qingke Liquor on the list of 29 zones preparing a National GI Product Protection Demonstration Zone, the first (and then only) one in Qinghai. The original approval year and AQSIQ announcement number have not been found.",
  },
  乐都沙果: {
    name_en: "Ledu Crabapple",
    category: "水果",
    quality_zh: "沙果即花红。果实色泽艳丽、汁多,香气浓,脆甜可口;贮藏后果肉变沙。可加工成果干、果丹皮和果酒。",
    quality_en:
      "A crabapple (花红, Malus asiatica): colourful, juicy, fragrant, crisp and sweet; the flesh turns sandy (沙) in storage. Made into dried fruit, fruit leather and fruit wine.",
    standard: "青海省地方标准《乐都沙果》(草案);依据乐政〔2014〕22号",
    area_townships: ["高庙镇", "碾伯镇", "洪水镇", "雨润镇", "高店镇", "寿乐镇"],
    register_zh: "申报地理标志保护产品,2014 年 12 月通过原国家质检总局技术审查;最终批准公告和年份尚未查到。",
    register_en:
      "Applied for as a GI protected product; passed AQSIQ's technical review in December 2014. The final approval announcement and year have not been found.",
  },
  乐都藏香猪: {
    name_en: "Ledu Tibetan Fragrant Pig",
    category: "肉类",
    quality_zh: "来源未见品质描述。2014 年技术审查专家认为其品质与当地地理和人文因素相关。",
    quality_en: "The sources give no quality description. The 2014 technical review found its quality linked to local geography and culture.",
    area_zh: "乐都区(来源未列出乡镇范围)",
    area_en: "Ledu District (the sources do not list the townships)",
    register_zh: "申报地理标志保护产品,仅有 2014 年 12 月通过原国家质检总局技术审查的记载;是否最终批准尚未核实。",
    register_en: "Applied for as a GI protected product; only the December 2014 AQSIQ technical-review pass is documented. Final approval is not verified.",
  },
  互助八眉猪: {
    name_en: "Huzhu Bamei Pig",
    category: "肉类",
    quality_zh:
      "因额部皱纹呈倒“八”字形而得名。适应性强、早熟、耐粗饲、产仔多、母性好,沉积脂肪能力强,肉质好;被国家标准机构评为“无公害瘦肉型猪肉”。2000 年 8 月 23 日列入国家级畜禽品种保护名录的 19 个猪种之首。",
    quality_en:
      "Named for the inverted ‘八’-shaped wrinkles on its forehead. Adaptable, early-maturing, hardy, prolific, a good mother, with strong fat deposition and good meat; rated ‘无公害瘦肉型猪肉’ (pollution-free lean pork) by the national standards body. First of the 19 pig breeds on the national list of protected livestock breeds of 2000-08-23.",
    area_zh: "互助土族自治县;一份来源以证明商标常见的“地域范围/特定品质”格式列出 19 个乡镇的产地范围(名单未核实)",
    area_en:
      "Huzhu Tu Autonomous County; one source gives a production area of 19 townships in the 地域范围/特定品质 (area/specific quality) format of certification-mark listings (list not verified)",
    register_zh: "农产品地理标志(原农业部登记)。登记证书编号和年份尚未查到;是否另有地理标志证明商标未核实。",
    register_en:
      "Agricultural product GI (registered by the Ministry of Agriculture). Certificate number and year not found; whether a GI certification mark also exists is not verified.",
  },
  互助青海白牦牛: {
    name_en: "Huzhu Qinghai White Yak",
    category: "肉类",
    quality_zh: "体格结实紧凑,偏肉用型;被毛全白(裸露皮肤常有色素斑)。",
    quality_en: "Solid, compact build leaning to a meat type; the coat is entirely white (bare skin often has pigment spots).",
    area_zh: "互助土族自治县(来源未列出乡镇范围)",
    area_en: "Huzhu Tu Autonomous County (the sources do not list the townships)",
    register_zh: "农产品地理标志,2013 年登记,登记证书编号 AGI01361;证书持有人为互助土族自治县畜牧兽医工作站。",
    register_en: "Agricultural product GI registered in 2013, certificate AGI01361; held by the Huzhu county animal husbandry and veterinary station.",
  },
  互助大黄: {
    name_en: "Huzhu Rhubarb (medicinal)",
    category: "中药材",
    quality_zh: "气清香,味苦而微涩,嚼之粘牙。2018 年 6 月检测:浸出物 ≥ 53.5%,总蒽醌 ≥ 1.77%,游离蒽醌 ≥ 0.856%,均高于 2015 年版《中国药典》限量。",
    quality_en:
      "Fresh aroma, bitter and slightly astringent, sticky when chewed. Tests of June 2018: extract ≥ 53.5 %, total anthraquinones ≥ 1.77 %, free anthraquinones ≥ 0.856 %, all above the 2015 Pharmacopoeia minima.",
    area_zh: "互助土族自治县(来源未列出乡镇范围)",
    area_en: "Huzhu Tu Autonomous County (the sources do not list the townships)",
    register_zh: "农产品地理标志,2019 年 6 月 24 日农业农村部公告第 185 号登记。",
    register_en: "Agricultural product GI, registered on 2019-06-24 by MARA Announcement No. 185.",
  },
  互助当归: {
    name_en: "Huzhu Angelica Root (danggui)",
    category: "中药材",
    quality_zh: "质油润,药香浓郁,味微苦。2018 年 6 月检测:浸出物 64.7%,挥发油 0.6%,阿魏酸 0.155%(《中国药典》限量分别为 45%、0.4%、0.05%)。",
    quality_en:
      "Oily, with a strong medicinal aroma and a slightly bitter taste. Tests of June 2018: extract 64.7 %, volatile oil 0.6 %, ferulic acid 0.155 % (Pharmacopoeia minima 45 %, 0.4 %, 0.05 %).",
    area_zh: "互助土族自治县(来源未列出乡镇范围)",
    area_en: "Huzhu Tu Autonomous County (the sources do not list the townships)",
    register_zh: "农产品地理标志,2019 年 6 月 24 日农业农村部公告第 185 号登记。",
    register_en: "Agricultural product GI, registered on 2019-06-24 by MARA Announcement No. 185.",
  },
  互助蚕豆: {
    name_en: "Huzhu Broad Bean",
    category: "杂粮",
    quality_zh:
      "籽粒大、色泽鲜亮,主栽品种为青海 9 号、青海 11 号。互助县种植 8 万至 9 万亩,主要在塘川、威远、台子、五峰、丹麻。来源称青海蚕豆粗蛋白约 28%,无豆象危害;并称其为全国名特优新农产品。",
    quality_en:
      "Large, bright-coloured beans, mainly of the varieties Qinghai 9 and Qinghai 11. Huzhu grows 80,000–90,000 mu, mostly in Tangchuan, Weiyuan, Taizi, Wufeng and Danma. The source adds that Qinghai beans carry about 28 % crude protein and no bean-weevil damage, and calls it a national famous, special, quality and new farm product.",
    area_townships: ["塘川镇", "威远镇", "台子乡", "五峰镇", "丹麻镇"],
    area_zh: "来源列出的是主产乡镇,不是登记的保护范围",
    area_en: "The sources list the main growing townships, not a registered protected area",
    register_zh: "农产品地理标志。登记证书编号和年份尚未查到。",
    register_en: "Agricultural product GI. Certificate number and year not found.",
  },
  互助马铃薯: {
    name_en: "Huzhu Potato",
    category: "蔬菜",
    quality_zh: "表皮光滑、薯块大、产量高、淀粉含量高、病虫害少、适口性好;曾获 2006 年全国秋季农产品交易会金奖。",
    quality_en: "Smooth skin, large tubers, high yield and starch, few pests, good to eat; gold prize at the 2006 national autumn farm-products fair.",
    area_zh: "互助县 14 个乡镇,北纬 36°30′—37°09′、东经 101°46′—102°45′(来源未列出乡镇名称)",
    area_en: "14 townships of Huzhu between 36°30′–37°09′ N and 101°46′–102°45′ E (the sources do not name them)",
    register_zh: "地理标志证明商标。注册号和注册人尚未查到。另列入 2025 年第一批全国名特优新农产品(质量名录,不是地理标志)。",
    register_en:
      "GI certification trademark. Registration number and holder not found. Also on MARA's 2025 first list of famous, special, quality and new farm products (a quality list, not a GI).",
  },
  循化花椒: {
    name_en: "Xunhua Sichuan Pepper",
    category: "调味品",
    quality_zh: "以“大红袍”品种为主:色泽鲜红、颗粒大、皮厚、油重、麻味浓,蛋白质 10.65%,售价近外地花椒的两倍。由循化撒拉族自治县花椒协会组织生产。",
    quality_en:
      "Mainly the Dahongpao (大红袍) variety: bright red, large grains, thick peel, oily, strongly numbing; 10.65 % protein; sells at nearly twice the price of pepper from elsewhere. Production is organised by the Xunhua Salar Autonomous County Sichuan Pepper Association.",
    area_zh: "循化撒拉族自治县(来源未列出乡镇范围)",
    area_en: "Xunhua Salar Autonomous County (the sources do not list the townships)",
    register_zh: "地理标志证明商标。注册号和注册人(商标持有人)尚未查到。",
    register_en: "GI certification trademark. Registration number and holder not found.",
  },
  循化薄皮核桃: {
    name_en: "Xunhua Thin-shell Walnut",
    category: "坚果",
    quality_zh: "果大、壳薄、仁含油量高;获原农业部 2008 年全国名优果品交易会金奖;种植 7,000 多亩。",
    quality_en:
      "Large nuts, thin shells, oil-rich kernels; gold award at the Ministry of Agriculture's 2008 national famous-fruit fair; over 7,000 mu planted.",
    area_zh: "循化撒拉族自治县(来源未列出乡镇范围)",
    area_en: "Xunhua Salar Autonomous County (the sources do not list the townships)",
    register_zh: "地理标志证明商标。注册号和注册人尚未查到。",
    register_en: "GI certification trademark. Registration number and holder not found.",
  },
  循化线辣椒: {
    name_en: "Xunhua Thread Chili",
    category: "调味品",
    quality_zh: "果形细长如线,色泽鲜红,肉厚,辣度适中,油润味香,是循化辣酱的原料。2025 年种植约 2.5 万亩,预计产量 3.25 万吨、产值约 2 亿元。",
    quality_en:
      "Long, thin, thread-like pods, bright red and thick-fleshed, moderately hot, oily and aromatic; the basis of Xunhua chili sauce. 2025: about 25,000 mu, an expected 32,500 t worth about CNY 200 m.",
    area_zh: "循化撒拉族自治县(来源未列出乡镇范围)",
    area_en: "Xunhua Salar Autonomous County (the sources do not list the townships)",
    register_zh: "待核实:只有一个商业网页称其为“国家地理标志产品”,保护制度和登记情况尚未确认。",
    register_en: "Unverified: only a commercial page calls it a national GI product; the scheme and registration are not confirmed.",
  },
  乐都紫皮大蒜: {
    name_en: "Ledu Purple-skin Garlic",
    category: "蔬菜",
    quality_zh: "蒜头大、瓣少,辣味适中,风味独特;外皮紫红,单头重约 65.9 克。",
    quality_en: "Large bulbs with few cloves, moderate pungency and a distinctive flavour; purple-red skin; a bulb weighs about 65.9 g.",
    area_zh: "乐都区(来源未列出乡镇范围)",
    area_en: "Ledu District (the sources do not list the townships)",
    register_zh: "待核实:一个商业网页称其为“国家地理标志产品”,保护制度、持有人和年份均未确认。",
    register_en: "Unverified: a commercial page calls it a national GI product; the scheme, holder and year are not confirmed.",
  },
  乐都大樱桃: {
    name_en: "Ledu Sweet Cherry",
    category: "水果",
    quality_zh: "所读来源未见品质描述。温室栽培,2024 年有温室 189 栋,年产约 5.2 万斤。",
    quality_en: "The sources read give no quality description. Grown in greenhouses: 189 of them in 2024, about 52,000 jin (26 t) a year.",
    area_zh: "乐都区(来源未列出乡镇范围)",
    area_en: "Ledu District (the sources do not list the townships)",
    register_zh: "农产品地理标志。2019 年《青海日报》将其列为青海 7 个地理标志农产品品牌之一(合计评估价值 108.62 亿元);登记证书编号尚未查到。",
    register_en:
      "Agricultural product GI. Qinghai Daily (2019) lists it among seven Qinghai GI farm-product brands (appraised together at CNY 10.862 bn); certificate number not found.",
  },
};

export interface RegionalBrandText {
  /** the display name in Chinese (the reference file's name mixes languages for some) */
  name_zh: string;
  name_en: string;
  /** the scope in Chinese where the reference file writes it in both languages */
  scope?: string;
  scope_en: string;
  brand_type_zh: string;
  brand_type_en: string;
  description_zh: string;
  /** the English description where the reference file's one names things only in Chinese */
  description_en?: string;
}

export const REGIONAL_BRAND_TEXTS: Readonly<Record<string, RegionalBrandText>> = {
  "彩陶故里·拉面之乡·青绣之源·醉美海东": {
    name_zh: "彩陶故里·拉面之乡·青绣之源·醉美海东",
    scope_en: "Haidong City",
    name_en: "Home of Painted Pottery, Ramen and Qinghai Embroidery — Beautiful Haidong",
    brand_type_zh: "城市旅游品牌形象",
    brand_type_en: "City tourism brand image",
    description_zh: "海东市的旅游品牌形象,与“极地门户·青藏首站”的定位和“一核两心三廊道六圈”的布局并提。",
  },
  黄河彩篮: {
    name_zh: "黄河彩篮",
    scope_en: "Haidong City",
    name_en: "Yellow River Colourful Basket",
    brand_type_zh: "农产品区域公用品牌",
    brand_type_en: "Regional public brand for farm products",
    description_zh: "2022 年 12 月 18 日发布的海东农业统一品牌,依托“黄河彩篮”高原菜篮子产业园;海东市表示将把品牌图形注册商标并登记著作权。",
  },
  "青海拉面 / 化隆拉面 (拉面经济)": {
    name_zh: "青海拉面 · 化隆拉面",
    scope_en: "Qinghai, centred on Hualong Hui Autonomous County",
    name_en: "Qinghai Ramen · Hualong Ramen",
    scope: "青海省,以化隆回族自治县为核心",
    brand_type_zh: "省级区域公用品牌和县域拉面产业",
    brand_type_en: "Provincial regional public brand and county ramen industry",
    description_zh:
      "化隆的拉面经济:截至 2024 年底,化隆人在全国 337 个城市和 16 个国家开办拉面店 2 万多家,从业 11.3 万人,营业额 135 亿元,占青海拉面产业的 67%。《化隆回族自治县促进拉面产业发展条例》(2025 年 7 月 1 日施行)鼓励经营者使用自有商标,并申请使用“青海拉面”区域公用品牌和标识;青海以“青海拉面”为母品牌,下设“四千年喇家青海拉面”等子品牌。",
  },
  "青绣 (Qinghai embroidery)": {
    name_zh: "青绣",
    scope_en: "Qinghai, with Haidong as its main base",
    name_en: "Qinghai Embroidery (Qingxiu)",
    scope: "青海省,以海东市为主要基地",
    brand_type_zh: "手工艺产业品牌",
    brand_type_en: "Craft industry brand",
    description_zh:
      "青海刺绣的统称,包括土族盘绣、藏绣、皮绣、撒拉族刺绣、回族刺绣和河湟刺绣。海东出台《海东市推动青绣产业高质量发展三年行动方案(2020—2022年)》,2018 年以来获扶持资金 816 万元;16 家企业被命名为省级民族手工艺品扶贫基地,代表企业互助土族自治县素隆姑刺绣有限公司带动约 2,000 名农村妇女。2020 年平安首届河湟香包大赛展出青绣作品 1,500 多件。",
    description_en:
      "The collective name for Qinghai embroidery: Tu Coil Embroidery (Panxiu), Tibetan, leather, Salar, Hui and Hehuang embroidery. Haidong issued a three-year action plan for the Qingxiu industry (2020–2022) and has received CNY 8.16 m in support since 2018; 16 firms were named provincial ethnic-handicraft poverty-alleviation bases, and a representative firm in Huzhu (Sulonggu Embroidery) involves about 2,000 rural women. In 2020 the first Hehuang sachet contest in Ping'an showed more than 1,500 works.",
  },
  土族盘绣: {
    name_zh: "土族盘绣",
    scope_en: "Huzhu Tu Autonomous County",
    name_en: "Tu Coil Embroidery (Panxiu)",
    brand_type_zh: "国家级非物质文化遗产(手工技艺)",
    brand_type_en: "National intangible cultural heritage (craft)",
    description_zh: "2006 年列入第一批国家级非物质文化遗产名录,已有一千多年历史;“一针两线”(上针盘、下针缝)的技法;国家级传承人李发秀。",
  },
  "平安驿·河湟民俗文化体验地 (平安驿·袁家村·河湟印象)": {
    name_zh: "平安驿·河湟民俗文化体验地",
    scope_en: "Ping'an District",
    name_en: "Ping'an Post · Hehuang Folk Culture Experience",
    brand_type_zh: "文旅目的地品牌",
    brand_type_en: "Culture and tourism destination brand",
    description_zh:
      "仿河湟传统民族建筑改建的街区(又称平安驿·袁家村·河湟印象),汇集本地美食和民俗表演;定位为毗邻西宁机场的青海旅游门户,与乐都、平安的 12 个村集体合作。",
  },
  "柳湾彩陶 / 青海柳湾彩陶博物馆": {
    name_zh: "柳湾彩陶 · 青海柳湾彩陶博物馆",
    scope_en: "Liuwan Village, Gaomiao Town, Ledu District",
    name_en: "Liuwan Painted Pottery · Qinghai Liuwan Painted Pottery Museum",
    brand_type_zh: "文化遗产品牌(彩陶故里)",
    brand_type_en: "Heritage brand (home of painted pottery)",
    description_zh:
      "位于乐都区高庙镇柳湾村,是全国最大的彩陶专题博物馆:藏品约 37,925 件,其中约 2 万件为马家窑(半山、马厂)、齐家和辛店文化彩陶;1974—1986 年柳湾墓地发掘清理墓葬 1,730 座。开馆时间来源不一(2004 年 4 月 28 日或 2005 年)。",
  },
  "高原硒都·健康平安": {
    name_zh: "高原硒都·健康平安",
    scope_en: "Ping'an District",
    name_en: "Plateau Selenium Capital · Healthy Ping'an",
    brand_type_zh: "富硒农业品牌",
    brand_type_en: "Selenium-rich farming brand",
    description_zh:
      "2010 年在互助、平安、乐都一带发现富硒土壤 840 平方千米,其中平安 600 多平方千米;获“中国高原净土富硒区”“中国高原富硒养生区”“中国十大富硒之乡”称号;产品有富硒马铃薯、青宏杏、苦荞、金丝皇菊等。",
  },
  青海青稞酒传统酿造技艺: {
    name_zh: "青海青稞酒传统酿造技艺",
    scope_en: "Huzhu Tu Autonomous County",
    name_en: "Traditional Brewing of Qinghai Qingke Liquor",
    brand_type_zh: "国家级非物质文化遗产(2021 年第五批)",
    brand_type_en: "National intangible cultural heritage (5th list, 2021)",
    description_zh: "由青海互助青稞酒有限公司(天佑德)申报,工艺为“清蒸清烧四次清”。另外,互助县威远酩馏酒 2008 年列入省级非物质文化遗产。",
  },
  "喇家遗址 '世界第一碗面'": {
    name_zh: "喇家遗址“世界第一碗面”",
    scope_en: "Lajia Village, Guanting Town, Minhe Hui and Tu Autonomous County",
    name_en: "Lajia Site — ‘the World's First Bowl of Noodles’",
    brand_type_zh: "拉面品牌所用的遗址故事",
    brand_type_en: "Heritage story used in ramen branding",
    description_zh: "位于民和县官亭镇喇家村的新石器时代灾难遗址(“东方庞贝”),2002 年出土距今约 4,000 年的面条遗存。",
  },
  "全国名特优新农产品 (2025 first batch) - 民和荞麦, 互助马铃薯": {
    name_zh: "全国名特优新农产品(2025 年第一批):民和荞麦、互助马铃薯",
    scope_en: "Minhe and Huzhu counties",
    name_en: "National Famous, Special, Quality and New Farm Products (2025, first batch): Minhe Buckwheat, Huzhu Potato",
    scope: "民和回族土族自治县、互助土族自治县",
    brand_type_zh: "农业农村部质量名录(不是地理标志)",
    brand_type_en: "MARA quality list (not a GI)",
    description_zh: "青海入选 2025 年第一批全国名特优新农产品的 8 个产品中,有海东的民和荞麦和互助马铃薯两个。",
  },
};
