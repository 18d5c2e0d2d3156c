import { useT, usePreferences } from "../i18n/i18n";

// A block diagram of Haidong's six county-level divisions (海东市 两区四县), each placed roughly where it lies: 互助 in
// the north, 平安 and 乐都 along the Huangshui valley, 民和 in the east, 化隆 south of them and 循化 across the Yellow
// River. Blocks, not outlines, on purpose: a map that draws administrative boundaries must be a reviewed standard map
// (《地图管理条例》, 审图号), which a catalogue cannot provide; a diagram that says so can still show where a GI's area is.

interface Block {
  zh: string;
  short_zh: string;
  en: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

const BLOCKS: readonly Block[] = [
  { zh: "互助土族自治县", short_zh: "互助", en: "Huzhu", x: 80, y: 8, w: 170, h: 64 },
  { zh: "平安区", short_zh: "平安", en: "Ping'an", x: 40, y: 80, w: 76, h: 50 },
  { zh: "乐都区", short_zh: "乐都", en: "Ledu", x: 122, y: 80, w: 110, h: 50 },
  { zh: "民和回族土族自治县", short_zh: "民和", en: "Minhe", x: 238, y: 80, w: 74, h: 96 },
  { zh: "化隆回族自治县", short_zh: "化隆", en: "Hualong", x: 24, y: 138, w: 160, h: 46 },
  { zh: "循化撒拉族自治县", short_zh: "循化", en: "Xunhua", x: 150, y: 190, w: 130, h: 44 },
];

/** The diagram with the county (Chinese name as seeded) holding the area marked; its caption says what it is not. */
export function HaidongAreaMap({ countyZh, label }: { countyZh: string | null; label: string }) {
  const t = useT();
  const { lang } = usePreferences();
  const marked = BLOCKS.find((b) => b.zh === countyZh);
  const name = (b: Block) => (lang === "en" ? b.en : b.short_zh);
  return (
    <figure className="area-map">
      <svg viewBox="0 0 320 244" role="img" aria-label={marked ? t("gi.mapLabel", { area: label, county: name(marked) }) : t("gi.mapNoCounty")}>
        {BLOCKS.map((b) => (
          <g key={b.zh} className={b === marked ? "area-map__block area-map__block--marked" : "area-map__block"}>
            <rect x={b.x} y={b.y} width={b.w} height={b.h} rx="6" />
            <text x={b.x + b.w / 2} y={b.y + b.h / 2} dominantBaseline="middle" textAnchor="middle" lang={lang === "en" ? "en" : "zh-CN"}>
              {name(b)}
            </text>
          </g>
        ))}
        <path className="area-map__river" d="M4 186 C 60 192, 110 180, 150 186 S 240 178, 316 182" />
      </svg>
      <figcaption className="muted">{t("gi.mapCaption")}</figcaption>
    </figure>
  );
}
