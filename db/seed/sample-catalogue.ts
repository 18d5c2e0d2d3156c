// Sample producers and products so buyers have something to browse in development and demos. Every record is
// flagged is_sample (shown as 示例数据 in the UI) and every name says 示例; none of it is a reference fact.

export interface SampleProduct {
  name_zh: string;
  name_en: string;
  category: string;
  gi?: string;
  regionalBrand?: string;
  trademark?: string;
  months: number[];
  volume: [number, string];
  minOrder: [number, string];
  packs: string[];
  storage: "ambient" | "chilled" | "frozen";
  price: string;
  provinces: string[];
  samples: boolean;
  certifications?: { kind: "green_food" | "organic" | "selenium_rich" | "famous_special"; no: string; expires: string }[];
  description_zh: string;
  description_en: string;
  colour: string;
}

export interface SampleOrganization {
  name_zh: string;
  name_en: string;
  type: "company" | "cooperative" | "family_farm";
  county: string;
  /** 17 characters; the check character is computed */
  creditBody: string;
  address: string;
  phone: string;
  email: string;
  website?: string;
  gi?: {
    name: string;
    basis: "announcement" | "collective_member" | "certification_licence";
    ref: string;
    from: string;
    to: string;
    verification: "verified" | "pending";
  }[];
  regionalBrand?: { name: string; licence: string; from: string; to: string };
  trademarks?: { reg_no: string; name_zh: string; classes: number[]; goods: string; application: string; registration: string }[];
  products: SampleProduct[];
}

export const sampleOrganizations: SampleOrganization[] = [
  {
    name_zh: "互助示例青稞酒业有限公司",
    name_en: "Huzhu Sample Highland Barley Distillery Co., Ltd.",
    type: "company",
    county: "互助土族自治县",
    creditBody: "91630223MA7L8Q2K0",
    address: "互助土族自治县威远镇示例路 1 号",
    phone: "0972-0000001",
    email: "sales@distillery.example.com",
    website: "https://distillery.example.com",
    gi: [{ name: "互助青稞酒", basis: "announcement", ref: "示例公告 2020 第 1 号", from: "2020-01-01", to: "2030-12-31", verification: "verified" }],
    regionalBrand: { name: "黄河彩篮", licence: "示例许可 HHCL-001", from: "2023-01-01", to: "2028-12-31" },
    trademarks: [{ reg_no: "90000001", name_zh: "示例青稞", classes: [33], goods: "青稞酒", application: "2015-05-10", registration: "2016-03-14" }],
    products: [
      {
        name_zh: "示例互助青稞酒 42度 500毫升",
        name_en: "Sample Huzhu qingke liquor 42% 500 ml",
        category: "酒类",
        gi: "互助青稞酒",
        regionalBrand: "黄河彩篮",
        trademark: "90000001",
        months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
        volume: [800, "吨"],
        minOrder: [50, "箱"],
        packs: ["500毫升×6瓶/箱", "礼盒 2 瓶"],
        storage: "ambient",
        price: "80–120 元/瓶",
        provinces: ["青海", "甘肃", "北京", "上海"],
        samples: true,
        certifications: [{ kind: "green_food", no: "LB-33-2101630001", expires: "2027-06-30" }],
        description_zh: "以高原青稞为原料,清香型,适合团购与礼品。",
        description_en: "Light-aroma liquor distilled from plateau highland barley; suited to group purchase and gifts.",
        colour: "#b8860b",
      },
      {
        name_zh: "示例青稞原浆酒 礼盒",
        name_en: "Sample qingke base liquor gift box",
        category: "酒类",
        months: [9, 10, 11, 12, 1],
        volume: [50, "吨"],
        minOrder: [20, "盒"],
        packs: ["礼盒 2×500毫升"],
        storage: "ambient",
        price: "300–400 元/盒",
        provinces: ["青海", "广东"],
        samples: false,
        description_zh: "节庆礼盒装。",
        description_en: "Festive gift box.",
        colour: "#8b4513",
      },
    ],
  },
  {
    name_zh: "乐都区示例果蔬种植专业合作社",
    name_en: "Ledu Sample Fruit and Vegetable Growers' Cooperative",
    type: "cooperative",
    county: "乐都区",
    creditBody: "93630202MA7N4P6R1",
    address: "乐都区高庙镇示例村",
    phone: "0972-0000002",
    email: "coop@ledu.example.com",
    gi: [
      { name: "乐都沙果", basis: "announcement", ref: "示例公告 2019 第 7 号", from: "2019-09-01", to: "2029-08-31", verification: "verified" },
      { name: "乐都大樱桃", basis: "announcement", ref: "待审核", from: "2024-01-01", to: "2029-12-31", verification: "pending" },
    ],
    products: [
      {
        name_zh: "示例乐都沙果 鲜果",
        name_en: "Sample Ledu crabapple, fresh",
        category: "水果",
        gi: "乐都沙果",
        months: [8, 9, 10],
        volume: [300, "吨"],
        minOrder: [1, "吨"],
        packs: ["5公斤/箱", "10公斤/箱"],
        storage: "chilled",
        price: "6–9 元/公斤",
        provinces: ["青海", "甘肃", "四川"],
        samples: true,
        description_zh: "果色鲜艳,香脆酸甜,耐储运。",
        description_en: "Colourful, crisp and sweet-sour; stores and travels well.",
        colour: "#c0392b",
      },
      {
        name_zh: "示例乐都紫皮大蒜",
        name_en: "Sample Ledu purple-skin garlic",
        category: "蔬菜",
        months: [7, 8, 9, 10, 11],
        volume: [500, "吨"],
        minOrder: [2, "吨"],
        packs: ["10公斤/网袋"],
        storage: "ambient",
        price: "8–12 元/公斤",
        provinces: ["青海", "陕西", "河南"],
        samples: true,
        description_zh: "个大瓣少,辣味适中。",
        description_en: "Large bulbs with few cloves and moderate heat.",
        colour: "#8e44ad",
      },
      {
        name_zh: "示例乐都大樱桃",
        name_en: "Sample Ledu sweet cherry",
        category: "水果",
        gi: "乐都大樱桃",
        months: [5, 6],
        volume: [26, "吨"],
        minOrder: [100, "公斤"],
        packs: ["2公斤/盒"],
        storage: "chilled",
        price: "60–90 元/公斤",
        provinces: ["青海"],
        samples: false,
        description_zh: "温室种植,五月上市。",
        description_en: "Greenhouse-grown; in season from May.",
        colour: "#a93226",
      },
    ],
  },
  {
    name_zh: "循化县示例花椒专业合作社",
    name_en: "Xunhua Sample Sichuan Pepper Cooperative",
    type: "cooperative",
    county: "循化撒拉族自治县",
    creditBody: "93630225MA7P2W5T3",
    address: "循化撒拉族自治县积石镇示例村",
    phone: "0972-0000003",
    email: "pepper@xunhua.example.com",
    gi: [{ name: "循化花椒", basis: "certification_licence", ref: "示例备案 XH-2021-015", from: "2021-05-01", to: "2031-04-30", verification: "verified" }],
    products: [
      {
        name_zh: "示例循化大红袍花椒",
        name_en: "Sample Xunhua 'Dahongpao' Sichuan pepper",
        category: "调味品",
        gi: "循化花椒",
        months: [8, 9, 10, 11, 12],
        volume: [120, "吨"],
        minOrder: [50, "公斤"],
        packs: ["500克/袋", "25公斤/箱"],
        storage: "ambient",
        price: "90–130 元/公斤",
        provinces: ["青海", "四川", "重庆", "湖南"],
        samples: true,
        certifications: [{ kind: "organic", no: "ORG-630225-0001", expires: "2026-12-31" }],
        description_zh: "色泽鲜红,麻味浓郁。",
        description_en: "Bright red husks with a strong numbing taste.",
        colour: "#e74c3c",
      },
      {
        name_zh: "示例循化线辣椒 干制",
        name_en: "Sample Xunhua thread chili, dried",
        category: "调味品",
        months: [9, 10, 11],
        volume: [200, "吨"],
        minOrder: [100, "公斤"],
        packs: ["1公斤/袋"],
        storage: "ambient",
        price: "20–30 元/公斤",
        provinces: ["青海", "甘肃"],
        samples: true,
        description_zh: "细长鲜红,辣度适中,油润香浓。",
        description_en: "Long, thin and bright red; moderate heat, rich aroma.",
        colour: "#cb4335",
      },
      {
        name_zh: "示例循化薄皮核桃",
        name_en: "Sample Xunhua thin-shell walnut",
        category: "坚果",
        months: [9, 10, 11, 12],
        volume: [80, "吨"],
        minOrder: [200, "公斤"],
        packs: ["1公斤/袋", "10公斤/箱"],
        storage: "ambient",
        price: "30–45 元/公斤",
        provinces: ["青海", "北京"],
        samples: true,
        description_zh: "壳薄仁饱,出仁率高。",
        description_en: "Thin shells and full kernels.",
        colour: "#a0522d",
      },
    ],
  },
  {
    name_zh: "互助县示例牦牛家庭农场",
    name_en: "Huzhu Sample Yak Family Farm",
    type: "family_farm",
    county: "互助土族自治县",
    creditBody: "92630223MA7R3X8U4",
    address: "互助土族自治县示例乡示例村",
    phone: "0972-0000004",
    email: "yak@farm.example.com",
    // an authorisation that has run out: the product keeps its GI link but shows no badge
    gi: [{ name: "互助青海白牦牛", basis: "collective_member", ref: "示例会员 2016-03", from: "2016-01-01", to: "2021-12-31", verification: "verified" }],
    products: [
      {
        name_zh: "示例白牦牛肉 冷冻分割",
        name_en: "Sample white yak beef, frozen cuts",
        category: "肉类",
        gi: "互助青海白牦牛",
        months: [10, 11, 12, 1, 2],
        volume: [40, "吨"],
        minOrder: [200, "公斤"],
        packs: ["1公斤/袋", "10公斤/箱"],
        storage: "frozen",
        price: "110–150 元/公斤",
        provinces: ["青海", "广东", "浙江"],
        samples: false,
        description_zh: "高原放牧,肉质紧实。",
        description_en: "Plateau-grazed; firm, lean meat.",
        colour: "#7f8c8d",
      },
    ],
  },
  {
    name_zh: "互助县示例马铃薯种植专业合作社",
    name_en: "Huzhu Sample Potato Growers' Cooperative",
    type: "cooperative",
    county: "互助土族自治县",
    creditBody: "93630223MA7T5Y9W6",
    address: "互助土族自治县塘川镇示例村",
    phone: "0972-0000005",
    email: "potato@coop.example.com",
    gi: [{ name: "互助马铃薯", basis: "certification_licence", ref: "示例备案 HZ-2022-031", from: "2022-03-01", to: "2032-02-29", verification: "verified" }],
    regionalBrand: { name: "黄河彩篮", licence: "示例许可 HHCL-017", from: "2023-06-01", to: "2028-05-31" },
    products: [
      {
        name_zh: "示例互助马铃薯 商品薯",
        name_en: "Sample Huzhu potato, ware grade",
        category: "蔬菜",
        gi: "互助马铃薯",
        regionalBrand: "黄河彩篮",
        months: [9, 10, 11, 12, 1, 2, 3],
        volume: [3000, "吨"],
        minOrder: [10, "吨"],
        packs: ["25公斤/网袋"],
        storage: "ambient",
        price: "1.6–2.2 元/公斤",
        provinces: ["青海", "甘肃", "四川", "云南"],
        samples: true,
        certifications: [{ kind: "famous_special", no: "MTYX-2025-063", expires: "2028-12-31" }],
        description_zh: "表皮光滑,薯块大,淀粉含量高。",
        description_en: "Smooth skin, large tubers, high starch.",
        colour: "#d4ac0d",
      },
      {
        name_zh: "示例互助蚕豆",
        name_en: "Sample Huzhu broad beans",
        category: "杂粮",
        months: [8, 9, 10],
        volume: [600, "吨"],
        minOrder: [5, "吨"],
        packs: ["50公斤/袋"],
        storage: "ambient",
        price: "6–8 元/公斤",
        provinces: ["青海", "广东", "福建"],
        samples: true,
        description_zh: "粒大色鲜,蛋白质含量高。",
        description_en: "Large, bright beans with high protein.",
        colour: "#27ae60",
      },
    ],
  },
  {
    name_zh: "化隆县示例拉面食品有限公司",
    name_en: "Hualong Sample Noodle Foods Co., Ltd.",
    type: "company",
    county: "化隆回族自治县",
    creditBody: "91630224MA7U6A1X7",
    address: "化隆回族自治县巴燕镇示例路 8 号",
    phone: "0972-0000006",
    email: "noodles@hualong.example.com",
    products: [
      {
        name_zh: "示例青海拉面 半干面",
        name_en: "Sample Qinghai hand-pulled noodles, semi-dried",
        category: "粮油制品",
        months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
        volume: [1500, "吨"],
        minOrder: [100, "箱"],
        packs: ["250克×20袋/箱"],
        storage: "ambient",
        price: "5–7 元/袋",
        provinces: ["全国"],
        samples: true,
        description_zh: "按拉面工艺制作,附汤料包。",
        description_en: "Made the hand-pulled way; comes with soup seasoning.",
        colour: "#f5b041",
      },
    ],
  },
  {
    name_zh: "民和县示例荞麦种植专业合作社",
    name_en: "Minhe Sample Buckwheat Growers' Cooperative",
    type: "cooperative",
    county: "民和回族土族自治县",
    creditBody: "93630222MA7W7B2Y8",
    address: "民和回族土族自治县官亭镇示例村",
    phone: "0972-0000007",
    email: "buckwheat@minhe.example.com",
    products: [
      {
        name_zh: "示例民和荞麦米",
        name_en: "Sample Minhe buckwheat groats",
        category: "杂粮",
        months: [9, 10, 11, 12],
        volume: [200, "吨"],
        minOrder: [1, "吨"],
        packs: ["2.5公斤/袋"],
        storage: "ambient",
        price: "9–12 元/公斤",
        provinces: ["青海", "北京", "江苏"],
        samples: true,
        description_zh: "颗粒饱满,适合杂粮礼包。",
        description_en: "Plump grains, good for mixed-grain gift packs.",
        colour: "#6e2c00",
      },
    ],
  },
  {
    name_zh: "平安区示例富硒农业有限公司",
    name_en: "Ping'an Sample Selenium-rich Agriculture Co., Ltd.",
    type: "company",
    county: "平安区",
    creditBody: "91630203MA7X8C3A9",
    address: "平安区示例镇示例路 3 号",
    phone: "0972-0000008",
    email: "selenium@pingan.example.com",
    trademarks: [{ reg_no: "90000002", name_zh: "示例硒都", classes: [29, 31], goods: "蔬菜、杂粮", application: "2014-01-20", registration: "2015-12-14" }],
    products: [
      {
        name_zh: "示例富硒大蒜",
        name_en: "Sample selenium-rich garlic",
        category: "蔬菜",
        trademark: "90000002",
        months: [7, 8, 9, 10],
        volume: [150, "吨"],
        minOrder: [1, "吨"],
        packs: ["5公斤/箱"],
        storage: "ambient",
        price: "12–16 元/公斤",
        provinces: ["青海", "上海"],
        samples: true,
        certifications: [{ kind: "selenium_rich", no: "SE-630203-0008", expires: "2027-03-31" }],
        description_zh: "富硒土壤种植。",
        description_en: "Grown on selenium-rich soil.",
        colour: "#5d6d7e",
      },
    ],
  },
];
