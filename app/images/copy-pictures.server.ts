import type { ImageStorage } from "./storage.server";

// Copying pictures between stores, in one place: `npm run backup` (bucket → the backup's images folder),
// `npm run restore` (back into the bucket) and `npm run images:migrate` (disk → bucket). Keys are content hashes, so
// a key the target already holds holds the same bytes: skipping it makes every copy safe to run again.

export interface CopyResult {
  copied: number;
  skipped: number;
}

/** Copies every picture `from` holds that `to` does not; a few at a time, so a large catalogue does not fill memory. */
export async function copyPictures(from: ImageStorage, to: ImageStorage, options: { concurrency?: number } = {}): Promise<CopyResult> {
  const present = new Set(await to.list());
  const all = await from.list();
  const missing = all.filter((key) => !present.has(key));
  let next = 0;
  let copied = 0;
  const worker = async () => {
    while (next < missing.length) {
      const key = missing[next++]!;
      const data = await from.read(key);
      // gone since the listing (swept meanwhile): nothing references it, nothing to copy
      if (!data) continue;
      await to.put(key, data);
      copied++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, missing.length) }, worker));
  return { copied, skipped: all.length - missing.length };
}
