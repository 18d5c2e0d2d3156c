// Copying stored files between stores (pictures, claim evidence), in one place: `npm run backup` (bucket → the
// backup's folder), `npm run restore` (back into the bucket) and `npm run images:migrate` (disk → bucket). Keys are
// content hashes, so a key the target already holds holds the same bytes: skipping it makes every copy safe to rerun.

/** What a copy needs of a store: ImageStorage and PrivateFileStorage both have it. */
export interface KeyedFiles {
  list(): Promise<string[]>;
  read(key: string): Promise<Buffer | undefined>;
  put(key: string, data: Buffer): Promise<void>;
}

export interface CopyResult {
  copied: number;
  skipped: number;
}

/** Copies every file `from` holds that `to` does not; a few at a time, so a large catalogue does not fill memory. */
export async function copyStoredFiles(from: KeyedFiles, to: KeyedFiles, options: { concurrency?: number } = {}): Promise<CopyResult> {
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
