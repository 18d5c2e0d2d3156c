// Reviewed synonym groups: every word in a group finds the others (Meilisearch synonyms, and the PostgreSQL fallback
// expands queries with the same groups). Keep groups small and unambiguous; a wrong synonym silently floods results.
// Words are compared lower-case. County groups hold the short, full and pinyin names people type.
export const synonymGroups: string[][] = [
  // produce
  // 山药蛋 is the north-west's word for it
  ["土豆", "洋芋", "山药蛋", "马铃薯", "potato", "potatoes"],
  ["青稞", "highland barley", "qingke", "裸大麦", "元麦"],
  // 青稞酒 is sold abroad as "highland barley wine" as often as "liquor"
  [
    "青稞酒",
    "highland barley liquor",
    "highland barley spirit",
    "highland barley wine",
    "qingke liquor",
    "qingke jiu",
    "barley spirit",
    "barley liquor",
    "barley wine",
  ],
  ["白酒", "烧酒", "baijiu", "liquor", "spirits", "chinese liquor", "chinese spirits"],
  ["酩馏酒", "酩馏", "mingliu"],
  // 毛牛 is how the word is often mis-written (and said) in the trade
  ["牦牛", "毛牛", "yak", "yaks"],
  ["牦牛肉", "yak meat", "yak beef"],
  ["牛肉", "beef"],
  ["羊肉", "mutton", "lamb"],
  // the GI pigs (藏香猪, 八眉猪) are sold as pork: one group
  ["猪", "猪肉", "pig", "pigs", "hog", "pork"],
  // 辣子 is what Qinghai and Gansu buyers say. Not bare "pepper": it is also the English of 花椒 (Sichuan pepper), and
  // a buyer of chili must not get 花椒 (or the reverse)
  ["辣椒", "辣子", "海椒", "chili", "chilli", "chile", "chili pepper", "chilli pepper", "hot pepper"],
  ["线辣椒", "线椒", "thread chili", "thread pepper"],
  [
    "花椒",
    "川椒",
    "sichuan pepper",
    "szechuan pepper",
    "sichuan peppercorn",
    "sichuan peppercorns",
    "szechuan peppercorn",
    "szechuan peppercorns",
    "prickly ash",
  ],
  ["核桃", "胡桃", "walnut", "walnuts"],
  ["大蒜", "蒜", "garlic"],
  ["蚕豆", "胡豆", "broad bean", "broad beans", "fava bean", "fava beans", "faba bean", "faba beans"],
  ["樱桃", "大樱桃", "车厘子", "cherry", "cherries"],
  ["沙果", "花红", "crabapple", "crab apple"],
  ["杏", "杏子", "apricot", "apricots"],
  ["苹果", "apple", "apples"],
  ["当归", "angelica", "danggui", "dang gui", "dong quai"],
  ["大黄", "rhubarb", "chinese rhubarb"],
  ["中药材", "药材", "medicinal herb", "medicinal herbs"],
  ["荞麦", "buckwheat"],
  ["苦荞", "tartary buckwheat", "bitter buckwheat"],
  ["菜籽油", "菜油", "油菜籽油", "rapeseed oil", "canola oil"],
  ["拉面", "牛肉面", "面条", "lamian", "ramen", "noodles", "hand-pulled noodles", "hand pulled noodles", "pulled noodles"],
  ["蜂蜜", "honey"],
  ["枸杞", "goji", "goji berry", "wolfberry"],
  ["蔬菜", "vegetable", "vegetables"],
  ["水果", "fruit", "fruits"],
  ["刺绣", "embroidery"],
  ["沙棘", "sea buckthorn", "seabuckthorn"],
  ["蕨麻", "silverweed", "juema"],
  ["黄芪", "astragalus"],
  ["胡麻油", "亚麻籽油", "linseed oil", "flaxseed oil"],
  ["鸡蛋", "土鸡蛋", "egg", "eggs"],
  ["土鸡", "chicken"],
  ["蘑菇", "mushroom", "mushrooms"],
  ["藏香猪", "tibetan pig"],
  // labels buyers filter by in words
  ["有机", "有机产品", "organic"],
  ["绿色食品", "green food"],
  ["富硒", "selenium", "selenium-rich", "selenium rich"],
  // 地标 is the everyday short form of 地理标志 on packaging and in trade talk
  ["地理标志", "地标", "geographical indication", "gi"],
  ["区域公用品牌", "区域品牌", "regional brand", "regional public brand"],
  ["驰名商标", "well-known trademark", "well known trademark"],
  // places: short, full and pinyin names
  ["青海", "青海省", "qinghai"],
  ["海东", "海东市", "haidong"],
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

const byWord = new Map<string, string[]>();
for (const group of synonymGroups) {
  for (const word of group) byWord.set(word.toLowerCase(), [...new Set([...(byWord.get(word.toLowerCase()) ?? []), ...group])]);
}

/** The spellings that mean `text` (itself first), from the groups; just `[text]` when it is in none. */
export function synonymsOf(text: string): string[] {
  const t = text.trim();
  return [t, ...(byWord.get(t.toLowerCase()) ?? []).filter((w) => w.toLowerCase() !== t.toLowerCase())];
}
