import type { Transaction } from "kysely";
import { pinyin } from "pinyin-pro";
import { jsonb } from "../json";
import type { Database } from "../schema";

// Townships (乡镇) of Haidong's districts and counties. The shared reference file has none, yet producers' addresses,
// imports (`township` column) and the search facet need them. This list was entered by hand from the administrative
// divisions as they stood around 2023 and has NOT been checked against an official register, so every row is seeded
// with confidence "low" (shown as 待核实) until staff verify it against 民政部's division register.

export const TOWNSHIPS: Readonly<Record<string, readonly string[]>> = {
  乐都区: ["碾伯镇", "雨润镇", "寿乐镇", "高庙镇", "洪水镇", "高店镇", "瞿昙镇", "共和乡", "中岭乡", "李家乡", "马厂乡", "芦花乡", "马营乡", "峰堆乡", "城台乡", "蒲台乡", "中坝乡", "达拉乡", "下营乡"],
  平安区: ["平安镇", "小峡镇", "三合镇", "洪水泉回族乡", "石灰窑回族乡", "古城回族乡", "沙沟回族乡", "巴藏沟回族乡"],
  民和回族土族自治县: ["川口镇", "古鄯镇", "马营镇", "官亭镇", "巴州镇", "满坪镇", "李二堡镇", "峡门镇", "马场垣乡", "北山乡", "松树乡", "西沟乡", "总堡乡", "隆治乡", "大庄乡", "转导乡", "前河乡", "甘沟乡", "中川乡", "杏儿乡", "核桃庄乡", "新民乡"],
  互助土族自治县: ["威远镇", "丹麻镇", "高寨镇", "南门峡镇", "加定镇", "五十镇", "五峰镇", "塘川镇", "台子乡", "西山乡", "红崖子沟乡", "巴扎藏族乡", "哈拉直沟乡", "东山乡", "东和乡", "东沟乡", "林川乡", "蔡家堡乡", "松多藏族乡"],
  化隆回族自治县: ["巴燕镇", "群科镇", "牙什尕镇", "甘都镇", "扎巴镇", "昂思多镇", "二塘乡", "谢家滩乡", "德恒隆乡", "沙连堡乡", "阿什努乡", "石大仓乡", "初麻乡", "查甫藏族乡", "塔加藏族乡", "金源藏族乡", "雄先藏族乡"],
  循化撒拉族自治县: ["积石镇", "白庄镇", "街子镇", "道帏藏族乡", "岗察藏族乡", "文都藏族乡", "尕楞藏族乡", "清水乡", "查汗都斯乡"],
};

const SUFFIXES: [RegExp, string][] = [
  [/(回族|藏族|土族|撒拉族)?乡$/, "Township"],
  [/镇$/, "Town"],
];

/** 碾伯镇 → "Nianbo Town", 李二堡镇 → "Li'erbao Town": Hanyu Pinyin without tones, apostrophe before a/e/o syllables. */
export function townshipEnglishName(nameZh: string): string {
  const [pattern, kind] = SUFFIXES.find(([p]) => p.test(nameZh)) ?? [/$/, "Township"];
  const base = nameZh.replace(pattern, "");
  const syllables = pinyin(base, { toneType: "none", type: "array" });
  const joined = syllables.map((s, i) => (i > 0 && /^[aeo]/.test(s) ? `'${s}` : s)).join("");
  return `${joined.charAt(0).toUpperCase()}${joined.slice(1)} ${kind}`;
}

export async function seedTownships(trx: Transaction<Database>) {
  const counties = await trx.selectFrom("places").select(["id", "name_zh"]).where("kind", "=", "county").execute();
  for (const county of counties) {
    const names = TOWNSHIPS[county.name_zh] ?? [];
    if (names.length === 0) continue;
    await trx
      .insertInto("places")
      .values(
        names.map((name_zh) => ({
          kind: "township" as const,
          parent_id: county.id,
          name_zh,
          name_en: townshipEnglishName(name_zh),
          pinyin: pinyin(name_zh, { type: "string" }),
          confidence: "low" as const,
          source: jsonb(["entered by hand; to be verified against 民政部 全国行政区划信息查询平台"]),
          notes: "Township list not in the shared reference file; verify before relying on it.",
        })),
      )
      // staff may have corrected a township: a re-seed never overwrites it
      .onConflict((oc) => oc.columns(["parent_id", "name_zh"]).doNothing())
      .execute();
  }
}
