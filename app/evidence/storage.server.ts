import fs from "node:fs";
import path from "node:path";
import { config, type Config } from "../platform/config.server";
import { readFileIfPresent, removeFiles, writeFileAtomically } from "../platform/stored-files.server";
import { S3PrivateStorage, s3EvidenceSettings } from "./s3-storage.server";

/**
 * Private files: claim evidence (licences, certificates) that only staff may read. On disk under $DATA_DIR/private,
 * outside anything the server serves statically; read only through the staff route. Keys are content hashes chosen
 * by the server. With S3_EVIDENCE_BUCKET the same operations run against a private bucket (./s3-storage.server.ts).
 */
export interface PrivateFileStorage {
  put(key: string, data: Buffer): Promise<void>;
  read(key: string): Promise<Buffer | undefined>;
  remove(keys: string[]): Promise<void>;
  /** keys written before `before`, for sweeping files no row points at */
  listOlderThan(before: Date): Promise<string[]>;
  /** every stored key (backups) */
  list(): Promise<string[]>;
}

/** Later than any file's time: listOlderThan(END_OF_TIME) is every file. */
export const END_OF_TIME = new Date(8.64e15);

const KEY = /^[a-f0-9]{64}\.(pdf|jpg)$/;

export function isEvidenceKey(key: string): boolean {
  return KEY.test(key);
}

export class FilePrivateStorage implements PrivateFileStorage {
  constructor(private readonly root: string) {}

  private file(key: string) {
    if (!isEvidenceKey(key)) throw new Error(`invalid evidence key: ${key}`);
    return path.join(this.root, key.slice(0, 2), key);
  }

  async put(key: string, data: Buffer) {
    await writeFileAtomically(this.file(key), data, { private: true });
  }

  async read(key: string) {
    // a key that is not a content hash names no file (and no path outside the store)
    return isEvidenceKey(key) ? readFileIfPresent(this.file(key)) : undefined;
  }

  async remove(keys: string[]) {
    await removeFiles(keys.map((k) => this.file(k)));
  }

  async listOlderThan(before: Date) {
    const keys: string[] = [];
    const dirs = await fs.promises.readdir(this.root).catch(() => [] as string[]);
    for (const dir of dirs) {
      const names = await fs.promises.readdir(path.join(this.root, dir)).catch(() => [] as string[]);
      for (const name of names) {
        if (!isEvidenceKey(name)) continue;
        const stat = await fs.promises.stat(path.join(this.root, dir, name)).catch(() => undefined);
        if (stat && stat.mtime < before) keys.push(name);
      }
    }
    return keys;
  }

  async list() {
    return (await this.listOlderThan(END_OF_TIME)).sort();
  }
}

/** The evidence directory under a data directory: backup and restore copy it with the images. */
export const EVIDENCE_DIR = path.join("private", "evidence");

export function fileEvidenceStorage(dataDir: string): FilePrivateStorage {
  return new FilePrivateStorage(path.join(dataDir, EVIDENCE_DIR));
}

// One store (and S3 client) per configuration, not one per request.
let cached: { config: Readonly<Config>; storage: PrivateFileStorage } | undefined;

/** The configured store: the private evidence bucket when S3_EVIDENCE_BUCKET is set, else $DATA_DIR/private/evidence. */
export function evidenceStorage(): PrivateFileStorage {
  const current = config();
  if (cached?.config !== current) {
    cached = {
      config: current,
      storage: current.S3_EVIDENCE_BUCKET ? new S3PrivateStorage(s3EvidenceSettings(current)) : fileEvidenceStorage(current.dataDir),
    };
  }
  return cached.storage;
}
