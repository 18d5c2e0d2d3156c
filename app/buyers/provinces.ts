// China's 34 provincial-level divisions by the short Chinese name products use in "provinces served" (青海, 甘肃 …).
export const PROVINCES = [
  ["北京", "Beijing"],
  ["天津", "Tianjin"],
  ["河北", "Hebei"],
  ["山西", "Shanxi"],
  ["内蒙古", "Inner Mongolia"],
  ["辽宁", "Liaoning"],
  ["吉林", "Jilin"],
  ["黑龙江", "Heilongjiang"],
  ["上海", "Shanghai"],
  ["江苏", "Jiangsu"],
  ["浙江", "Zhejiang"],
  ["安徽", "Anhui"],
  ["福建", "Fujian"],
  ["江西", "Jiangxi"],
  ["山东", "Shandong"],
  ["河南", "Henan"],
  ["湖北", "Hubei"],
  ["湖南", "Hunan"],
  ["广东", "Guangdong"],
  ["广西", "Guangxi"],
  ["海南", "Hainan"],
  ["重庆", "Chongqing"],
  ["四川", "Sichuan"],
  ["贵州", "Guizhou"],
  ["云南", "Yunnan"],
  ["西藏", "Tibet"],
  ["陕西", "Shaanxi"],
  ["甘肃", "Gansu"],
  ["青海", "Qinghai"],
  ["宁夏", "Ningxia"],
  ["新疆", "Xinjiang"],
  ["香港", "Hong Kong"],
  ["澳门", "Macao"],
  ["台湾", "Taiwan"],
] as const;

export type Province = (typeof PROVINCES)[number][0];
export const PROVINCE_NAMES = PROVINCES.map(([zh]) => zh) as unknown as readonly [Province, ...Province[]];

export function provinceLabel(zh: string, lang: "zh-CN" | "en"): string {
  if (lang === "zh-CN") return zh;
  return PROVINCES.find(([name]) => name === zh)?.[1] ?? zh;
}
