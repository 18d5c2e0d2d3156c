import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";

// Generates public/favicon.svg (modern browsers, from the <link rel="icon"> in app/root.tsx) and public/favicon.ico
// (what browsers, bookmarks and crawlers ask for without a link: it was a 404, issue 18). Run once when the design
// changes: `npx tsx scripts/favicon.ts`; both files are committed. The mark: the catalogue's green with the plateau's
// hills and a barley-gold field, as on the default Open Graph picture (scripts/og-default-image.ts); no text, so no font.
const publicDir = path.resolve(import.meta.dirname, "..", "public");
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">
  <rect width="64" height="64" rx="12" fill="#0b5d3b"/>
  <path d="M0 40 C 12 30 22 44 34 36 S 54 28 64 34 L 64 64 L 0 64 Z" fill="#0e7048"/>
  <path d="M0 50 C 14 42 26 54 40 46 S 56 42 64 46 L 64 64 L 0 64 Z" fill="#d9a441"/>
  <circle cx="48" cy="16" r="7" fill="#f3d27a"/>
</svg>
`;
fs.writeFileSync(path.join(publicDir, "favicon.svg"), svg);

// An ICO file holding PNG images (allowed since Windows Vista, read by every current browser): a 6-byte header, one
// 16-byte directory entry per image, then the PNGs.
const sizes = [16, 32, 48];
const pngs = await Promise.all(sizes.map((size) => sharp(Buffer.from(svg)).resize(size, size).png({ compressionLevel: 9 }).toBuffer()));
const header = Buffer.alloc(6);
header.writeUInt16LE(0, 0); // reserved
header.writeUInt16LE(1, 2); // type: icon
header.writeUInt16LE(pngs.length, 4);
let offset = 6 + 16 * pngs.length;
const entries = pngs.map((png, i) => {
  const entry = Buffer.alloc(16);
  entry.writeUInt8(sizes[i]!, 0); // width
  entry.writeUInt8(sizes[i]!, 1); // height
  entry.writeUInt8(0, 2); // no palette
  entry.writeUInt8(0, 3); // reserved
  entry.writeUInt16LE(1, 4); // colour planes
  entry.writeUInt16LE(32, 6); // bits per pixel
  entry.writeUInt32LE(png.length, 8);
  entry.writeUInt32LE(offset, 12);
  offset += png.length;
  return entry;
});
fs.writeFileSync(path.join(publicDir, "favicon.ico"), Buffer.concat([header, ...entries, ...pngs]));
console.log(`wrote ${path.join(publicDir, "favicon.svg")} and favicon.ico (${sizes.join(", ")} px)`);
