// Reviewed synonym groups: every word in a group finds the others. Keep groups small and unambiguous; a wrong
// synonym silently floods results. Add county short/full names here too (people type both).
export const synonymGroups: string[][] = [
  ["土豆", "洋芋", "马铃薯", "potato", "potatoes"],
  ["青稞", "highland barley", "qingke", "裸大麦"],
  ["牦牛", "yak"],
  ["辣椒", "chili", "chilli", "pepper", "线辣椒"],
  ["花椒", "sichuan pepper", "prickly ash"],
  ["核桃", "walnut", "walnuts"],
  ["大蒜", "蒜", "garlic"],
  ["蚕豆", "胡豆", "broad bean", "fava bean"],
  ["樱桃", "车厘子", "cherry", "cherries"],
  ["沙果", "花红", "crabapple", "crab apple"],
  ["猪肉", "pork"],
  ["白酒", "烧酒", "baijiu", "liquor", "spirits"],
  ["青稞酒", "highland barley liquor", "qingke liquor", "barley spirit"],
  ["当归", "angelica", "danggui"],
  ["大黄", "rhubarb"],
  ["荞麦", "buckwheat"],
  ["菜籽油", "油菜籽油", "rapeseed oil", "canola oil"],
  ["拉面", "牛肉面", "ramen", "noodles"],
  ["蜂蜜", "honey"],
  ["枸杞", "goji", "wolfberry"],
  ["乐都", "乐都区", "ledu"],
  ["平安", "平安区", "pingan", "ping'an"],
  ["民和", "民和县", "民和回族土族自治县", "minhe"],
  ["互助", "互助县", "互助土族自治县", "huzhu"],
  ["化隆", "化隆县", "化隆回族自治县", "hualong"],
  ["循化", "循化县", "循化撒拉族自治县", "xunhua"],
];

/** Meilisearch's synonym map (each word → the rest of its group). */
export function synonymMap(): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const group of synonymGroups) {
    for (const word of group) {
      const others = group.filter((w) => w !== word);
      map[word] = [...new Set([...(map[word] ?? []), ...others])];
    }
  }
  return map;
}
