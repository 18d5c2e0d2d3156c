import { sql, type Transaction } from "kysely";
import { pinyin } from "pinyin-pro";
import { jsonb } from "../json";
import type { Database } from "../schema";

// Township-level units (乡镇 and 街道) of Haidong's districts and counties. The shared reference file has none, yet
// producers' addresses, imports (`township` column), GI protected areas and the search facet need them.
//
// Source: 国家统计局 2023年统计用区划代码 (as of 2023-06-30), checked against encyclopedia and news pages in November
// 2026 (docs/decisions/020-townships-from-the-2023-statistical-codes.md lists them). The statistical list is official
// but is read here from a public mirror and writes some ethnic townships (民族乡) without their designation, so every
// row is seeded with confidence "medium" until staff check it against 民政部's division register.
//
// `alias` is the other name a unit is written with, kept in places.short_zh so imports and addresses still resolve:
// the short form the statistical list uses for a 民族乡, or the town (镇) a 街道 replaced.

export interface Township {
  name_zh: string;
  alias?: string;
  note?: string;
}

const STATISTICAL_CODES = "国家统计局 2023年统计用区划代码 (2023-06-30): http://www.stats.gov.cn/sj/tjbz/tjyqhdmhcxhfdm/2023/index.html";
// The hand-entered list seeded before (decision 015): rows still carrying it are upgraded by the next seed.
const HAND_ENTERED = "entered by hand; to be verified against 民政部 全国行政区划信息查询平台";

const ethnic = (name_zh: string, alias: string): Township => ({
  name_zh,
  alias,
  note: `The statistical code list writes ${alias}; encyclopedia entries (2005, 2010 census) give the ethnic township's full name.`,
});
const replaced = (name_zh: string, town: string, when: string): Township => ({
  name_zh,
  alias: town,
  note: `${when}: 撤销${town}, 设立${name_zh}. Addresses written ${town} resolve here.`,
});
const plain = (...names: string[]): Township[] => names.map((name_zh) => ({ name_zh }));

export const TOWNSHIPS: Readonly<Record<string, readonly Township[]>> = {
  乐都区: [
    replaced("碾伯街道", "碾伯镇", "2021"),
    { name_zh: "岗沟街道", note: "2021: 撤销碾伯镇, 设立碾伯街道、岗沟街道; an address written 碾伯镇 may belong here." },
    ...plain("雨润镇", "寿乐镇", "高庙镇", "洪水镇", "高店镇", "瞿昙镇", "共和乡", "中岭乡", "李家乡"),
    ethnic("下营藏族乡", "下营乡"),
    { name_zh: "芦花乡", alias: "芦化乡", note: "Spelt 芦花乡 by the statistical code list, 芦化乡 in the 2010 census table of an encyclopedia." },
    ...plain("马营乡", "马厂乡", "蒲台乡"),
    ethnic("中坝藏族乡", "中坝乡"),
    ...plain("峰堆乡", "城台乡"),
    ethnic("达拉土族乡", "达拉乡"),
  ],
  平安区: [
    replaced("平安街道", "平安镇", "2022-02"),
    replaced("小峡街道", "小峡镇", "by 2023-06"),
    ...plain("三合镇"),
    ethnic("洪水泉回族乡", "洪水泉乡"),
    ethnic("石灰窑回族乡", "石灰窑乡"),
    ethnic("古城回族乡", "古城乡"),
    ethnic("沙沟回族乡", "沙沟乡"),
    ethnic("巴藏沟回族乡", "巴藏沟乡"),
  ],
  民和回族土族自治县: [
    ...plain("川口镇", "古鄯镇", "马营镇", "官亭镇", "巴州镇", "满坪镇", "李二堡镇", "峡门镇", "马场垣乡", "北山乡", "松树乡", "西沟乡"),
    ...plain("总堡乡", "隆治乡", "大庄乡", "转导乡", "前河乡", "甘沟乡", "中川乡"),
    ethnic("杏儿藏族乡", "杏儿乡"),
    ...plain("核桃庄乡", "新民乡"),
  ],
  互助土族自治县: [
    replaced("高寨街道", "高寨镇", "by 2023-06"),
    ...plain("威远镇", "丹麻镇", "南门峡镇", "加定镇", "五十镇", "五峰镇", "塘川镇", "台子乡", "西山乡", "红崖子沟乡", "巴扎藏族乡"),
    ...plain("哈拉直沟乡", "东山乡", "东和乡", "东沟乡", "林川乡", "蔡家堡乡", "松多藏族乡"),
  ],
  化隆回族自治县: [
    ...plain("巴燕镇", "群科镇", "牙什尕镇", "甘都镇", "扎巴镇", "昂思多镇", "二塘乡", "谢家滩乡", "德恒隆乡", "沙连堡乡"),
    { name_zh: "阿什努乡", alias: "阿什奴乡", note: "An older edition of the statistical code list and encyclopedias write 阿什奴乡." },
    ...plain("石大仓乡", "初麻乡", "查甫藏族乡", "塔加藏族乡", "金源藏族乡", "雄先藏族乡"),
  ],
  循化撒拉族自治县: plain("积石镇", "白庄镇", "街子镇", "道帏藏族乡", "岗察藏族乡", "文都藏族乡", "尕楞藏族乡", "清水乡", "查汗都斯乡"),
};

const SUFFIXES: [RegExp, string][] = [
  [/(回族|藏族|土族|撒拉族)?乡$/, "Township"],
  [/镇$/, "Town"],
  [/街道$/, "Subdistrict"],
];

/** 碾伯镇 → "Nianbo Town", 李二堡镇 → "Li'erbao Town": Hanyu Pinyin without tones, apostrophe before a/e/o syllables. */
export function townshipEnglishName(nameZh: string): string {
  const [pattern, kind] = SUFFIXES.find(([p]) => p.test(nameZh)) ?? [/$/, "Township"];
  const base = nameZh.replace(pattern, "");
  const syllables = pinyin(base, { toneType: "none", type: "array" });
  const joined = syllables.map((s, i) => (i > 0 && /^[aeo]/.test(s) ? `'${s}` : s)).join("");
  return `${joined.charAt(0).toUpperCase()}${joined.slice(1)} ${kind}`;
}

function row(countyId: number, t: Township) {
  return {
    kind: "township" as const,
    parent_id: countyId,
    name_zh: t.name_zh,
    short_zh: t.alias ?? null,
    name_en: townshipEnglishName(t.name_zh),
    pinyin: pinyin(t.name_zh, { type: "string" }),
    confidence: "medium" as const,
    source: jsonb([STATISTICAL_CODES]),
    notes: t.note ?? null,
  };
}

export async function seedTownships(trx: Transaction<Database>) {
  const counties = await trx.selectFrom("places").select(["id", "name_zh"]).where("kind", "=", "county").execute();
  for (const county of counties) {
    const townships = TOWNSHIPS[county.name_zh] ?? [];
    if (townships.length === 0) continue;
    // A row the earlier hand-entered list created under a name that has since changed (碾伯镇, 下营乡) becomes the
    // current unit, so organisations and GI protected areas that point at it keep their reference.
    for (const t of townships) {
      if (!t.alias) continue;
      await trx
        .updateTable("places")
        .set(row(county.id, t))
        .where("parent_id", "=", county.id)
        .where("name_zh", "=", t.alias)
        .where(sql<boolean>`source = ${jsonb([HAND_ENTERED])}`)
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom("places as current").select("current.id").where("current.parent_id", "=", county.id).where("current.name_zh", "=", t.name_zh))),
        )
        .execute();
    }
    await trx
      .insertInto("places")
      .values(townships.map((t) => row(county.id, t)))
      // rows still as the hand-entered list left them take the sourced values; anything staff changed is kept
      .onConflict((oc) =>
        oc
          .columns(["parent_id", "name_zh"])
          .doUpdateSet((eb) => ({
            short_zh: eb.ref("excluded.short_zh"),
            name_en: eb.ref("excluded.name_en"),
            confidence: eb.ref("excluded.confidence"),
            source: eb.ref("excluded.source"),
            notes: eb.ref("excluded.notes"),
          }))
          .where(sql<boolean>`places.source = ${jsonb([HAND_ENTERED])}`),
      )
      .execute();
  }
}
