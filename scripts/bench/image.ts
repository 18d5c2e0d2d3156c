import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { ENCODERS, processImage, storeVariants, VARIANT_WIDTHS } from "../../app/images/pipeline.server";
import { FileImageStorage } from "../../app/images/storage.server";
import { makeRow, median, type BenchRow } from "./stats";

// One 4000×3000 JPEG through processImage + storeVariants vs a standalone sharp script making the same variants
// (AVIF, WebP and mozjpeg JPEG with the pipeline's ENCODERS settings at each width, the 16 px placeholder) straight
// from the JPEG, the way the sharp documentation writes it: one input, clone() per output.

async function photo(): Promise<Buffer> {
  const width = 4000;
  const height = 3000;
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const n = ((x * 7919 + y * 104729) % 97) - 48;
      raw[i] = (x / 16 + n) & 255;
      raw[i + 1] = (y / 12 + n) & 255;
      raw[i + 2] = ((x + y) / 28 + n) & 255;
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 88 })
    .toBuffer();
}

async function standalone(data: Buffer, dir: string) {
  const base = sharp(data).autoOrient();
  for (const w of VARIANT_WIDTHS) {
    const resized = base.clone().resize({ width: w, withoutEnlargement: true });
    fs.writeFileSync(path.join(dir, `${w}.avif`), await resized.clone().avif(ENCODERS.avif).toBuffer());
    fs.writeFileSync(path.join(dir, `${w}.webp`), await resized.clone().webp(ENCODERS.webp).toBuffer());
    fs.writeFileSync(path.join(dir, `${w}.jpg`), await resized.clone().jpeg(ENCODERS.jpeg).toBuffer());
  }
  await base.clone().resize({ width: 16 }).webp({ quality: 40 }).toBuffer();
}

export async function benchImage(tmp: string, quick: boolean): Promise<BenchRow[]> {
  const data = await photo();
  const rounds = quick ? 2 : 5;
  const app: number[] = [];
  const base: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const dir = fs.mkdtempSync(path.join(tmp, "img-"));
    let t0 = performance.now();
    await storeVariants(new FileImageStorage(path.join(dir, "app")), await processImage(data));
    app.push(performance.now() - t0);
    fs.mkdirSync(path.join(dir, "base"));
    t0 = performance.now();
    await standalone(data, path.join(dir, "base"));
    base.push(performance.now() - t0);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return [makeRow("image", median(app), "ms", median(base), { kind: "ratioAtMost", max: 1.3 })];
}
