import { createHash } from "node:crypto";
import sharp, { type Metadata, type OutputInfo } from "sharp";
import type { ImageVariant } from "../../db/schema";
import type { ImageStorage } from "./storage.server";

// Untrusted uploads: the type comes from magic bytes, sharp refuses images over 40 MP before decoding them, a
// header check refuses absurd sides and animations, and every variant is re-encoded without metadata — the
// uploaded bytes are never stored or served.

export const IMAGE_LIMITS = { maxBytes: 15 * 1024 * 1024, maxPixels: 40_000_000, maxSide: 12_000, timeoutSeconds: 20 };
export const VARIANT_WIDTHS = [320, 640, 1280] as const;

export type ImageProblem = "empty" | "tooLarge" | "unsupportedType" | "corrupt" | "tooManyPixels" | "animated";

export class ImageRejected extends Error {
  constructor(public readonly problem: ImageProblem) {
    super(`image rejected: ${problem}`);
    this.name = "ImageRejected";
  }
}

export function sniffImageType(data: Buffer): "jpeg" | "png" | "webp" | undefined {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return "jpeg";
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "png";
  if (data.length >= 12 && data.toString("latin1", 0, 4) === "RIFF" && data.toString("latin1", 8, 12) === "WEBP") return "webp";
  return undefined;
}

export interface ProcessedImage {
  /** content hash of the normalised image: same photo, same key, no duplicate files */
  hash: string;
  width: number;
  height: number;
  variants: (ImageVariant & { data: Buffer })[];
  placeholder: string;
}

function open(data: Buffer) {
  return sharp(data, { limitInputPixels: IMAGE_LIMITS.maxPixels, failOn: "warning", animated: false }).timeout({
    seconds: IMAGE_LIMITS.timeoutSeconds,
  });
}

export async function processImage(data: Buffer): Promise<ProcessedImage> {
  if (data.length === 0) throw new ImageRejected("empty");
  if (data.length > IMAGE_LIMITS.maxBytes) throw new ImageRejected("tooLarge");
  if (!sniffImageType(data)) throw new ImageRejected("unsupportedType");

  let meta: Metadata;
  try {
    // reads the header only; sharp refuses a header announcing more than maxPixels before any decoding
    meta = await sharp(data, { limitInputPixels: IMAGE_LIMITS.maxPixels }).metadata();
  } catch (e) {
    throw new ImageRejected(/pixel limit/i.test((e as Error).message) ? "tooManyPixels" : "corrupt");
  }
  const { width = 0, height = 0 } = meta;
  if (!width || !height) throw new ImageRejected("corrupt");
  if (width * height > IMAGE_LIMITS.maxPixels || width > IMAGE_LIMITS.maxSide || height > IMAGE_LIMITS.maxSide) {
    throw new ImageRejected("tooManyPixels");
  }
  if ((meta.pages ?? 1) > 1) throw new ImageRejected("animated");

  let normalised: { data: Buffer; info: OutputInfo };
  try {
    // autoOrient applies the EXIF rotation before metadata is dropped, so phone photos stay upright
    normalised = await open(data).autoOrient().toColourspace("srgb").png({ compressionLevel: 1 }).toBuffer({ resolveWithObject: true });
  } catch {
    throw new ImageRejected("corrupt");
  }
  const hash = createHash("sha256").update(normalised.data).digest("hex");
  const base = normalised.data;
  const variants: ProcessedImage["variants"] = [];
  for (const target of VARIANT_WIDTHS) {
    const w = Math.min(target, normalised.info.width);
    if (variants.some((v) => v.width === w)) continue;
    const resized = sharp(base).resize({ width: w, withoutEnlargement: true });
    const webp = await resized.clone().webp({ quality: 78, effort: 4 }).toBuffer({ resolveWithObject: true });
    const jpeg = await resized.clone().jpeg({ quality: 80, mozjpeg: true }).toBuffer({ resolveWithObject: true });
    variants.push({ width: webp.info.width, height: webp.info.height, format: "webp", key: `${hash.slice(0, 2)}/${hash}-${w}.webp`, data: webp.data });
    variants.push({ width: jpeg.info.width, height: jpeg.info.height, format: "jpeg", key: `${hash.slice(0, 2)}/${hash}-${w}.jpg`, data: jpeg.data });
  }
  const tiny = await sharp(base).resize({ width: 16 }).webp({ quality: 40 }).toBuffer();
  return {
    hash,
    width: normalised.info.width,
    height: normalised.info.height,
    variants,
    placeholder: `data:image/webp;base64,${tiny.toString("base64")}`,
  };
}

/** Stores every variant; on any failure removes what was written, so a failed upload leaves no stray files. */
export async function storeVariants(storage: ImageStorage, image: ProcessedImage): Promise<ImageVariant[]> {
  const written: string[] = [];
  try {
    for (const v of image.variants) {
      await storage.put(v.key, v.data);
      written.push(v.key);
    }
  } catch (e) {
    await storage.remove(written);
    throw e;
  }
  return image.variants.map(({ data: _data, ...v }) => v);
}
