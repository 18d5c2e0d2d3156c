import path from "node:path";
import sharp from "sharp";

// Generates public/og-default.png, the Open Graph picture of records without a photo of their own (1200×630, the size
// social sites crop to). Run once when the design changes: `npx tsx scripts/og-default-image.ts`; the PNG is committed
// so no font is needed at run time.
const out = path.resolve(import.meta.dirname, "..", "public", "og-default.png");
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
  <rect width="1200" height="630" fill="#0b5d3b"/>
  <path d="M0 470 C 200 400 350 520 600 450 S 1000 380 1200 440 L 1200 630 L 0 630 Z" fill="#0e7048"/>
  <path d="M0 540 C 250 480 420 590 700 520 S 1050 470 1200 520 L 1200 630 L 0 630 Z" fill="#d9a441"/>
  <circle cx="1110" cy="80" r="48" fill="#f3d27a"/>
  <text x="80" y="215" font-family="Noto Sans CJK SC, Noto Serif CJK SC, sans-serif" font-size="84" font-weight="700" fill="#ffffff">海东品牌与地理标志目录</text>
  <text x="82" y="300" font-family="Noto Sans CJK SC, DejaVu Sans, sans-serif" font-size="42" fill="#e8f3ec">Haidong Brand &amp; GI Catalogue</text>
  <text x="82" y="370" font-family="Noto Sans CJK SC, DejaVu Sans, sans-serif" font-size="30" fill="#e8f3ec">商标 · 地理标志 · 区域公用品牌 · 产品</text>
</svg>`;
await sharp(Buffer.from(svg)).png({ compressionLevel: 9, palette: true }).toFile(out);
console.log(`wrote ${out}`);
