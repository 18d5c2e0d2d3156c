import fs from "node:fs";
import path from "node:path";

// How the disk stores (pictures, claim evidence) write and read a file by key, in one place: write-then-rename, so a
// reader never sees half a file and a crash leaves only a .tmp behind; a missing file reads as undefined.

/** Writes `data` to `file` atomically, creating its folder; `private` makes both readable by the server's user only. */
export async function writeFileAtomically(file: string, data: Buffer, options: { private?: boolean } = {}) {
  await fs.promises.mkdir(path.dirname(file), { recursive: true, ...(options.private ? { mode: 0o700 } : {}) });
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.promises.writeFile(tmp, data, options.private ? { mode: 0o600 } : {});
  await fs.promises.rename(tmp, file);
}

export async function readFileIfPresent(file: string): Promise<Buffer | undefined> {
  try {
    return await fs.promises.readFile(file);
  } catch {
    return undefined;
  }
}

export async function removeFiles(files: readonly string[]) {
  await Promise.all(files.map((f) => fs.promises.rm(f, { force: true })));
}
