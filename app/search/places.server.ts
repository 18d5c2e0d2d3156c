import reference from "../../db/seed/haidong.json";

/** 乐都区 → 乐都, 互助土族自治县 → 互助 (the same rule as the seed's short names). */
function shortCountyName(nameZh: string): string {
  if (nameZh.endsWith("自治县")) return nameZh.slice(0, 2);
  if (nameZh.endsWith("区") || nameZh.endsWith("县")) return nameZh.slice(0, -1);
  return nameZh;
}

export interface CountyOption {
  name_zh: string;
  short_zh: string;
  name_en: string;
}

/** Haidong's districts and counties (and the industrial park, which records may name), in reference order. */
export const COUNTY_OPTIONS: CountyOption[] = reference.counties.map((c) => ({
  name_zh: c.name_zh,
  short_zh: c.is_administrative_division ? shortCountyName(c.name_zh) : c.name_zh,
  name_en: c.name_en,
}));

/** 乐都区, 乐都 and "Ledu District" (any case) all name 乐都区; anything else is not a Haidong county. */
export function resolveCounty(value: string): string | undefined {
  const v = value.trim();
  const lower = v.toLowerCase();
  return COUNTY_OPTIONS.find((c) => c.name_zh === v || c.short_zh === v || c.name_en.toLowerCase() === lower)?.name_zh;
}

/** Short Chinese and English names of the Nice classes, for facet labels. */
export const NICE_CLASS_NAMES: Record<number, { zh: string; en: string }> = Object.fromEntries(
  reference.nice_classes.map((n) => [n.class, { zh: n.zh_short, en: n.en_short }]),
);
