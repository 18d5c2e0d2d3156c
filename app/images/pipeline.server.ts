import { createHash } from "node:crypto";
import sharp, { type Metadata } from "sharp";
import type { ImageVariant } from "../../db/schema";
import type { ImageStorage } from "./storage.server";

// Untrusted uploads: the type comes from magic bytes, sharp refuses images over 40 MP before decoding them, a
// header check refuses absurd sides and animations, and every variant is re-encoded without metadata — the
// uploaded bytes are never stored or served.

export const IMAGE_LIMITS = { maxBytes: 15 * 1024 * 1024, maxPixels: 40_000_000, maxSide: 12_000, timeoutSeconds: 20 };
// 1600: the presenter on a venue screen (issue 19) picks it where the photo's box is wider than 1280 device pixels.
// A picture narrower than a width gets its own width instead (never upscaled), so small uploads gain no variant.
export const VARIANT_WIDTHS = [320, 640, 1280, 1600] as const;

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
  /** content hash of the uploaded bytes (plus the pipeline version): same upload, same keys, no duplicate files */
  hash: string;
  width: number;
  height: number;
  variants: (ImageVariant & { data: Buffer })[];
  placeholder: string;
}

/** Bump when the encoders' settings change, so new settings never reuse files made with the old ones. */
const PIPELINE_VERSION = "v2";
// AVIF effort 1: on 2 cores effort 2 costs ~1.3 s for the 1280 px variant and effort 4 ~7 s, for files only 5–15 %
// smaller; effort 1 keeps the AVIF variants near 0.3 s each (the 1600 px one a little more), so they are made inline
// (decision record 010).
export const ENCODERS = {
  avif: { quality: 50, effort: 1 },
  webp: { quality: 78, effort: 4 },
  jpeg: { quality: 80, mozjpeg: true },
} as const;
const EXTENSION = { avif: "avif", webp: "webp", jpeg: "jpg" } as const;

function open(data: Buffer) {
  return sharp(data, { limitInputPixels: IMAGE_LIMITS.maxPixels, failOn: "warning", animated: false }).timeout({
    seconds: IMAGE_LIMITS.timeoutSeconds,
  });
}

type Pixels = { data: Buffer; info: { width: number; height: number; channels: 1 | 2 | 3 | 4 } };

function fromPixels(px: Pixels) {
  return sharp(px.data, { raw: { width: px.info.width, height: px.info.height, channels: px.info.channels } }).timeout({
    seconds: IMAGE_LIMITS.timeoutSeconds,
  });
}

/**
 * The checks every upload of a picture passes before any decoding (also claim evidence photos): not empty, within the
 * byte, pixel and side limits, a JPEG, PNG or WebP by its bytes, and a single frame. Returns sharp's header metadata.
 */
export async function inspectImage(data: Buffer): Promise<Metadata> {
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

  return meta;
}

export async function processImage(data: Buffer): Promise<ProcessedImage> {
  const meta = await inspectImage(data);
  const { width = 0, height = 0 } = meta;
  // One decode, straight to the largest variant: JPEG shrink-on-load decodes a 12 MP photo at 1/2 size, autoOrient
  // applies the EXIF rotation before metadata is dropped (phone photos stay upright), and the smaller widths are
  // resized from these 8-bit sRGB pixels rather than from the upload again.
  const largest = Math.max(...VARIANT_WIDTHS);
  let base: Pixels;
  try {
    base = (await open(data)
      .autoOrient()
      .resize({ width: largest, withoutEnlargement: true })
      .toColourspace("srgb")
      .raw({ depth: "uchar" })
      .toBuffer({ resolveWithObject: true })) as Pixels;
  } catch {
    throw new ImageRejected("corrupt");
  }
  const hash = createHash("sha256").update(PIPELINE_VERSION).update("\0").update(data).digest("hex");
  const orientedWidth = meta.autoOrient?.width ?? width;
  const orientedHeight = meta.autoOrient?.height ?? height;
  const variants: ProcessedImage["variants"] = [];
  const widths = [...new Set(VARIANT_WIDTHS.map((target) => Math.min(target, base.info.width)))];
  for (const w of widths) {
    const px = w === base.info.width ? base : ((await fromPixels(base).resize({ width: w }).raw().toBuffer({ resolveWithObject: true })) as Pixels);
    for (const format of ["avif", "webp", "jpeg"] as const) {
      const encoder = fromPixels(px);
      const out = await encoder[format](ENCODERS[format] as never).toBuffer({ resolveWithObject: true });
      variants.push({ width: out.info.width, height: out.info.height, format, key: `${hash.slice(0, 2)}/${hash}-${w}.${EXTENSION[format]}`, data: out.data });
    }
  }
  const tiny = await fromPixels(base).resize({ width: 16 }).webp({ quality: 40 }).toBuffer();
  return {
    hash,
    width: orientedWidth,
    height: orientedHeight,
    variants,
    placeholder: `data:image/webp;base64,${tiny.toString("base64")}`,
  };
}

/**
 * Stores every variant. A failure leaves what was written: the same keys may already hold another picture's files
 * (content hashes), so only the picture flow (picture-flow.server.ts), which can ask the database, removes anything.
 */
export async function storeVariants(storage: ImageStorage, image: ProcessedImage): Promise<ImageVariant[]> {
  for (const v of image.variants) await storage.put(v.key, v.data);
  return image.variants.map(({ data: _data, ...v }) => v);
}
