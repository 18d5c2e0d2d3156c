import sharp from "sharp";
import { storePicture } from "../../app/images/picture-flow.server";
import type { ImageStorage } from "../../app/images/storage.server";
import type { SampleImage } from "../../db/seed/sample";
import type { SampleProduct } from "../../db/seed/sample-catalogue";

/** A plain, clearly artificial product picture (a coloured field with simple shapes), run through the real pipeline. */
export function sampleImageMaker(storage: ImageStorage) {
  return async (product: SampleProduct): Promise<SampleImage> => {
    // drawn at 1600×1200 so the sample pictures have every variant, the presenter's 1600 px one included (issue 19)
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1200" viewBox="0 0 800 600">
      <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${product.colour}"/><stop offset="1" stop-color="#f4f1e8"/></linearGradient></defs>
      <rect width="800" height="600" fill="url(#g)"/>
      <circle cx="400" cy="300" r="150" fill="#ffffff" fill-opacity="0.35"/>
      <rect x="40" y="40" width="720" height="520" fill="none" stroke="#ffffff" stroke-width="12" stroke-dasharray="24 16"/>
    </svg>`;
    // the seed writes its pictures later, in its own transaction: only the process → store half of the picture flow
    return storePicture(storage, await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer());
  };
}
