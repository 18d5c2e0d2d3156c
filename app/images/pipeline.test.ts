import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { ImageRejected, processImage, sniffImageType, storeVariants } from "./pipeline.server";
import { FileImageStorage } from "./storage.server";

async function jpegWithExif(width: number, height: number, orientation: number) {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .jpeg()
    .withMetadata({ orientation, exif: { IFD0: { Make: "PhoneCo", Copyright: "secret" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "36/1 30/1 0/1" } } })
    .toBuffer();
}

async function rejection(data: Buffer) {
  try {
    await processImage(data);
  } catch (e) {
    if (e instanceof ImageRejected) return e.problem;
    throw e;
  }
  return "accepted";
}

describe("processImage", () => {
  it("re-encodes to AVIF, WebP and JPEG variants, applies orientation and strips all metadata", async () => {
    const input = await jpegWithExif(1600, 1200, 6); // orientation 6: rotate 90° clockwise when displayed
    const out = await processImage(input);
    expect(out.width).toBe(1200);
    expect(out.height).toBe(1600);
    expect(out.variants.map((v) => `${v.format}:${v.width}`)).toEqual([
      "avif:320",
      "webp:320",
      "jpeg:320",
      "avif:640",
      "webp:640",
      "jpeg:640",
      "avif:1200",
      "webp:1200",
      "jpeg:1200",
    ]);
    for (const v of out.variants) {
      const meta = await sharp(v.data).metadata();
      // the file is what its name and format say, at the size recorded for <img width/height> and srcset
      expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({
        format: { avif: "heif", webp: "webp", jpeg: "jpeg" }[v.format],
        width: v.width,
        height: Math.round((v.width * 1600) / 1200),
      });
      expect(v.key).toMatch(new RegExp(`^${out.hash.slice(0, 2)}/${out.hash}-${v.width}\\.${{ avif: "avif", webp: "webp", jpeg: "jpg" }[v.format]}$`));
      expect(meta.exif).toBeUndefined();
      expect(meta.orientation ?? 1).toBe(1);
      expect(v.data.includes(Buffer.from("PhoneCo"))).toBe(false);
    }
    expect(out.placeholder).toMatch(/^data:image\/webp;base64,/);
  });

  it("makes a 1600 px variant for the venue screen from a wide photo, and never upscales a narrower one", async () => {
    const wide = await processImage(await jpegWithExif(2400, 1800, 1));
    expect([...new Set(wide.variants.map((v) => v.width))]).toEqual([320, 640, 1280, 1600]);
    expect(wide.variants.filter((v) => v.width === 1600).map((v) => v.format)).toEqual(["avif", "webp", "jpeg"]);
    // 1400 wide: its own width is the largest variant, not a blown-up 1600
    const narrower = await processImage(await jpegWithExif(1400, 1050, 1));
    expect([...new Set(narrower.variants.map((v) => v.width))]).toEqual([320, 640, 1280, 1400]);
  });

  it("names files deterministically: the same upload gives the same keys, another photo other keys", async () => {
    const input = await jpegWithExif(800, 600, 1);
    const a = await processImage(input);
    const b = await processImage(Buffer.from(input));
    expect(b.variants.map((v) => v.key)).toEqual(a.variants.map((v) => v.key));
    const other = await processImage(await jpegWithExif(800, 600, 3));
    expect(other.hash).not.toBe(a.hash);
  });

  it("keeps the colours upright after orientation: the top of the displayed photo is the top-left of the pixels", async () => {
    // left half red, right half blue, stored with orientation 6 (rotate 90° clockwise): displayed, the top is red
    const raw = Buffer.alloc(400 * 200 * 3);
    for (let y = 0; y < 200; y++) for (let x = 0; x < 400; x++) raw.set(x < 200 ? [255, 0, 0] : [0, 0, 255], (y * 400 + x) * 3);
    const jpeg = await sharp(raw, { raw: { width: 400, height: 200, channels: 3 } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const out = await processImage(jpeg);
    const jpg = out.variants.find((v) => v.format === "jpeg")!;
    const { data, info } = await sharp(jpg.data).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([200, 400]);
    const at = (x: number, y: number) => Array.from(data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3));
    expect(at(100, 50)[0]).toBeGreaterThan(200); // red at the top
    expect(at(100, 350)[2]).toBeGreaterThan(200); // blue at the bottom
  });

  it("takes the type from magic bytes, not the name", async () => {
    expect(sniffImageType(Buffer.from("<html><script>alert(1)</script></html>"))).toBeUndefined();
    expect(await rejection(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBe("unsupportedType");
    expect(await rejection(Buffer.alloc(0))).toBe("empty");
  });

  it("refuses truncated and corrupt files", async () => {
    const good = await jpegWithExif(400, 300, 1);
    expect(await rejection(good.subarray(0, good.length / 2))).toBe("corrupt");
    const png = await sharp({ create: { width: 50, height: 50, channels: 3, background: "#0a0" } })
      .png()
      .toBuffer();
    const badCrc = Buffer.from(png);
    badCrc[30] = badCrc[30]! ^ 0xff; // inside IHDR: its CRC no longer matches
    expect(await rejection(badCrc)).toBe("corrupt");
  });

  it("re-encodes polyglots: script in a JPEG comment or a ZIP/HTML after the end marker never reaches a variant", async () => {
    const payload = "<html><script>alert(document.cookie)</script></html>";
    const jpeg = await jpegWithExif(400, 300, 1);
    const comment = Buffer.from(payload);
    const com = Buffer.concat([Buffer.from([0xff, 0xfe, (comment.length + 2) >> 8, (comment.length + 2) & 0xff]), comment]);
    const zip = Buffer.concat([Buffer.from("PK\x03\x04", "latin1"), Buffer.alloc(26), Buffer.from(payload)]);
    // SOI, then a COM segment with markup, the rest of the photo, then an HTML page and a ZIP local header appended
    const polyglot = Buffer.concat([jpeg.subarray(0, 2), com, jpeg.subarray(2), Buffer.from(payload), zip]);
    expect(sniffImageType(polyglot)).toBe("jpeg");
    const out = await processImage(polyglot);
    for (const v of [...out.variants.map((x) => x.data), Buffer.from(out.placeholder)]) {
      expect(v.includes(Buffer.from("<script"))).toBe(false);
      expect(v.includes(Buffer.from("PK\x03\x04", "latin1"))).toBe(false);
    }
    // a PNG signature in front of an HTML page is not an image at all
    const fakePng = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(payload)]);
    expect(await rejection(fakePng)).toBe("corrupt");
  });

  it("refuses a 20000×20000 PNG from its header, without decoding it", async () => {
    expect(await rejection(pngHeaderOnly(20000, 20000))).toBe("tooManyPixels");
  });

  it("refuses animated images, GIF (hundreds of frames) and WebP alike", async () => {
    const frames = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        sharp({ create: { width: 16, height: 16, channels: 3, background: { r: (i * 37) % 256, g: (i * 91) % 256, b: (i * 53) % 256 } } })
          .png()
          .toBuffer(),
      ),
    );
    const gif = await sharp(frames, { join: { animated: true } })
      .gif()
      .toBuffer();
    expect(await rejection(gif)).toBe("unsupportedType");
    const webp = await sharp(frames.slice(0, 3), { join: { animated: true } })
      .webp()
      .toBuffer();
    expect(await rejection(webp)).toBe("animated");
  });
});

/** A tiny PNG whose valid header claims the given size (a decompression bomb without the bytes). */
function pngHeaderOnly(width: number, height: number) {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const idat = zlib.deflateSync(Buffer.alloc(64));
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", idat),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

describe("storeVariants", () => {
  // removing files after a failure is the picture flow's job (picture-flow.test.ts): only it can ask what else uses them
  it("writes every variant under its content-hash key", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "img-store-"));
    const storage = new FileImageStorage(dir);
    const image = await processImage(await jpegWithExif(700, 500, 1));
    const variants = await storeVariants(storage, image);
    for (const v of variants) expect(fs.existsSync(path.join(dir, v.key))).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
