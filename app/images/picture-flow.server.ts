import type { Db, Trx } from "../../db/client";
import { unreferencedImageKeys } from "../../db/queries/product-pictures";
import { processImage, storeVariants, type ProcessedImage } from "./pipeline.server";
import type { ImageStorage } from "./storage.server";
import type { ImageVariant } from "../../db/schema";

// The one way a picture enters the catalogue: process → store → the caller's transaction → on failure remove only
// what nothing references. Keys are content hashes, so the same photo uploaded twice (a product picture and a misuse
// report's photo, two products) shares its files: deleting "the keys we just wrote" would delete someone else's picture.

/** A processed, stored picture: what an `images` row (or a revision's picture list) records about it. */
export interface StoredPicture {
  storage_key: string;
  width: number;
  height: number;
  variants: ImageVariant[];
  placeholder: string;
}

/**
 * Processes and stores an upload without a database. Only for the sample seed, which writes its pictures later in its
 * own transaction; a failure can leave files behind (the seed's next run writes the same keys again). Throws
 * ImageRejected for an unusable upload.
 */
export async function storePicture(storage: ImageStorage, upload: Buffer): Promise<StoredPicture> {
  const processed = await processImage(upload);
  return storedPicture(processed, await storeVariants(storage, processed));
}

function storedPicture(processed: ProcessedImage, variants: ImageVariant[]): StoredPicture {
  // the largest JPEG is the fallback every browser can show (and what storage_key names)
  const largestJpeg = variants.filter((v) => v.format === "jpeg").at(-1)!;
  return { storage_key: largestJpeg.key, width: processed.width, height: processed.height, variants, placeholder: processed.placeholder };
}

/**
 * Processes the upload (ImageRejected before anything is stored), stores its files, and runs `write` in a transaction
 * with the stored picture (null when there is no upload: a misuse report's photo is optional). If storing or `write`
 * fails, the files of this picture that no row or open revision uses are removed and the error is rethrown.
 */
export async function savePicture<T>(
  db: Db,
  storage: ImageStorage,
  upload: Buffer | null,
  write: (trx: Trx, picture: StoredPicture | null) => Promise<T>,
): Promise<T> {
  const processed = upload ? await processImage(upload) : null;
  const keys = processed?.variants.map((v) => v.key) ?? [];
  try {
    const picture = processed ? storedPicture(processed, await storeVariants(storage, processed)) : null;
    return await db.transaction().execute((trx) => write(trx, picture));
  } catch (e) {
    await removeUnreferencedPictures(db, storage, keys);
    throw e;
  }
}

/** After a commit (or a failure): removes the files of these keys that no picture uses any more. */
export async function removeUnreferencedPictures(db: Db, storage: ImageStorage, keys: string[]) {
  if (keys.length) await storage.remove(await unreferencedImageKeys(db, keys));
}
