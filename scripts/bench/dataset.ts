import { creditCodeCheckCharacter } from "../../app/domain/credit-code";

// A deterministic synthetic catalogue written as import CSVs (the real import path validates and loads it).

export interface Scale {
  organizations: number;
  trademarks: number;
  products: number;
}

export function scaleOf(factor: number): Scale {
  return { organizations: Math.round(3000 * factor), trademarks: Math.round(12000 * factor), products: Math.round(50000 * factor) };
}

export const COUNTIES = ["乐都", "平安", "民和", "互助", "化隆", "循化"] as const;
const COUNTY_EN = ["Ledu", "Ping'an", "Minhe", "Huzhu", "Hualong", "Xunhua"];
const ADJ = ["高原", "河湟", "雪域", "湟水", "祁连", "拉脊", "黄河", "青海", "东山", "南山", "北山"];
const ADJ_EN = ["Plateau", "Hehuang", "Snowland", "Huangshui", "Qilian", "Laji", "Yellow River", "Qinghai", "East Hill", "South Hill", "North Hill"];
export const GOODS = ["青稞", "牦牛", "辣椒", "大蒜", "蜂蜜", "菜籽", "马铃薯", "藏羊", "枸杞", "沙棘", "黄菇", "蚕豆", "苹果", "核桃", "花椒"];
export const GOODS_EN = [
  "highland barley",
  "yak",
  "chili",
  "garlic",
  "honey",
  "rapeseed",
  "potato",
  "tibetan sheep",
  "goji",
  "sea buckthorn",
  "mushroom",
  "broad bean",
  "apple",
  "walnut",
  "sichuan pepper",
];
const SUFFIX = ["粉", "酒", "肉", "油", "干", "茶", "醋", "面", "饼"];
const SUFFIX_EN = ["flour", "liquor", "meat", "oil", "dried", "tea", "vinegar", "noodles", "cake"];
const CATEGORIES = ["杂粮", "肉类", "蔬菜", "调味品", "粮油制品", "酒类", "水果", "坚果"];
const SYLLABLES = ["金", "福", "源", "康", "瑞", "丰", "禾", "泉", "鑫", "隆", "昌", "盛", "宝", "安", "顺", "和", "兴", "德", "华", "美"];
const CERTS = ["", "green_food:LB-1:2030-01-31", "organic::", "selenium_rich::", ""];

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
export function creditCode(i: number): string {
  let n = i;
  let tail = "";
  for (let k = 0; k < 7; k++) {
    tail = ALPHABET[n % 31]! + tail;
    n = Math.floor(n / 31);
  }
  const first17 = `93630202MA${tail}`;
  return first17 + creditCodeCheckCharacter(first17);
}

const csvCell = (v: string | number) => {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csv = (header: string[], rows: (string | number)[][]) => [header.join(","), ...rows.map((r) => r.map(csvCell).join(","))].join("\n") + "\n";

export function productName(i: number, orgs: number) {
  const org = i % orgs;
  const k = (org * 31 + Math.floor(i / orgs)) % (ADJ.length * GOODS.length * SUFFIX.length);
  const a = k % ADJ.length;
  const g = Math.floor(k / ADJ.length) % GOODS.length;
  const s = Math.floor(k / (ADJ.length * GOODS.length));
  return { org, zh: `${ADJ[a]}${GOODS[g]}${SUFFIX[s]}`, en: `${ADJ_EN[a]} ${GOODS_EN[g]} ${SUFFIX_EN[s]}`, goods: g };
}

export function organizationsCsv(scale: Scale): string {
  const rows = [];
  for (let i = 0; i < scale.organizations; i++) {
    const c = i % COUNTIES.length;
    const g = i % GOODS.length;
    rows.push([
      creditCode(i),
      `${COUNTIES[c]}县${ADJ[i % ADJ.length]}${GOODS[g]}专业合作社${i}`,
      `${COUNTY_EN[c]} ${GOODS_EN[g]} Cooperative ${i}`,
      "合作社",
      COUNTIES[c]!,
    ]);
  }
  return csv(["credit_code", "name_zh", "name_en", "org_type", "county"], rows);
}

export const trademarkRegNo = (i: number) => String(40_000_000 + i);

export function trademarksCsv(scale: Scale): string {
  const rows = [];
  for (let i = 0; i < scale.trademarks; i++) {
    const org = i % scale.organizations;
    const name = `${SYLLABLES[i % 20]}${SYLLABLES[Math.floor(i / 20) % 20]}${GOODS[i % GOODS.length]}`;
    const nice = [29, 30, 31, 32, 33][i % 5]!;
    rows.push([
      trademarkRegNo(i),
      name,
      `${GOODS_EN[i % GOODS.length]} mark ${i}`,
      "普通商标",
      String(nice),
      GOODS[i % GOODS.length]!,
      "",
      creditCode(org),
      COUNTIES[i % 6]!,
      "2018-03-01",
      "2019-05-14",
      "已注册",
      i % 50 === 0 ? "是" : "否",
    ]);
  }
  return csv(
    [
      "reg_no",
      "name_zh",
      "name_en",
      "mark_type",
      "nice_classes",
      "goods",
      "holder_name",
      "holder_credit_code",
      "county",
      "application_date",
      "registration_date",
      "status",
      "well_known",
    ],
    rows,
  );
}

export function productsCsv(scale: Scale): string {
  const rows = [];
  for (let i = 0; i < scale.products; i++) {
    const p = productName(i, scale.organizations);
    const months = [(i % 12) + 1, ((i + 3) % 12) + 1].join(";");
    const tm = i % 4 === 0 ? trademarkRegNo(i % scale.trademarks) : "";
    rows.push([creditCode(p.org), p.zh, p.en, CATEGORIES[i % CATEGORIES.length]!, tm, months, CERTS[i % CERTS.length]!]);
  }
  return csv(["organization_credit_code", "name_zh", "name_en", "category", "trademark_reg_no", "availability_months", "certifications"], rows);
}
