import type { S3Client } from "@aws-sdk/client-s3";
import type { Config } from "../platform/config.server";
import { S3Bucket, s3Client, s3Connection, type S3Connection } from "../platform/s3-bucket.server";
import { END_OF_TIME, isEvidenceKey, type PrivateFileStorage } from "./storage.server";

// Claim evidence in its own S3-compatible bucket (S3_EVIDENCE_BUCKET): private like $DATA_DIR/private/evidence. Objects
// are written without any ACL (the bucket's default: private), marked never to be cached, and read only by the staff
// route through this store; there is no URL for them. Config refuses the picture bucket, which may be public.
// docs/decisions/035-object-storage-for-pictures.md

/** The evidence bucket's settings; S3_EVIDENCE_BUCKET must be set. */
export function s3EvidenceSettings(c: Readonly<Config>): S3Connection & { bucket: string } {
  if (!c.S3_EVIDENCE_BUCKET) throw new Error("S3_EVIDENCE_BUCKET is not configured");
  return { ...s3Connection(c), bucket: c.S3_EVIDENCE_BUCKET };
}

const CONTENT_TYPES = { pdf: "application/pdf", jpg: "image/jpeg" } as const;

function checkedEvidenceKey(key: string) {
  if (!isEvidenceKey(key)) throw new Error(`invalid evidence key: ${key}`);
  return key;
}

export class S3PrivateStorage implements PrivateFileStorage {
  private readonly objects: S3Bucket;

  constructor(settings: S3Connection & { bucket: string }, client: S3Client = s3Client(settings)) {
    this.objects = new S3Bucket(client, settings.bucket);
  }

  get client() {
    return this.objects.client;
  }

  async put(key: string, data: Buffer) {
    const type = CONTENT_TYPES[checkedEvidenceKey(key).slice(-3) as keyof typeof CONTENT_TYPES];
    await this.objects.put(key, data, { contentType: type, cacheControl: "private, no-store" });
  }

  async read(key: string) {
    return isEvidenceKey(key) ? this.objects.read(key) : undefined;
  }

  async remove(keys: string[]) {
    await this.objects.remove(keys.map(checkedEvidenceKey));
  }

  async listOlderThan(before: Date) {
    return (await this.objects.list()).filter((o) => isEvidenceKey(o.key) && o.lastModified && o.lastModified < before).map((o) => o.key);
  }

  async list() {
    return (await this.listOlderThan(END_OF_TIME)).sort();
  }
}
