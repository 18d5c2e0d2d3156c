import type { S3Client } from "@aws-sdk/client-s3";
import type { Config } from "../platform/config.server";
import { S3Bucket, s3Client, s3Connection, type S3Connection, type StoredObject } from "../platform/s3-bucket.server";
import { appImagePath, checkedImageKey, IMMUTABLE_CACHE_CONTROL, imageContentType, isImageKey, type ImageStorage } from "./storage.server";

// Pictures in an S3-compatible bucket: the same operations as the disk store, on the same server-generated keys
// (docs/decisions/035-object-storage-for-pictures.md).

export interface S3Settings extends S3Connection {
  bucket: string;
  /** where browsers fetch pictures directly (public-read bucket or CDN); undefined: the app streams them */
  publicBaseUrl?: string;
}

/** The picture bucket's settings of a validated configuration (app/platform/config.server.ts); S3_BUCKET must be set. */
export function s3Settings(c: Readonly<Config>): S3Settings {
  if (!c.S3_BUCKET) throw new Error("S3_BUCKET is not configured");
  return { ...s3Connection(c), bucket: c.S3_BUCKET, publicBaseUrl: c.S3_PUBLIC_BASE_URL };
}

export class S3ImageStorage implements ImageStorage {
  private readonly objects: S3Bucket;

  constructor(
    private readonly settings: S3Settings,
    client: S3Client = s3Client(settings),
  ) {
    this.objects = new S3Bucket(client, settings.bucket);
  }

  get client() {
    return this.objects.client;
  }

  async put(key: string, data: Buffer) {
    await this.objects.put(checkedImageKey(key), data, { contentType: imageContentType(key), cacheControl: IMMUTABLE_CACHE_CONTROL });
  }

  async read(key: string) {
    // a string that is not a content-hash key never reaches the bucket
    return isImageKey(key) ? this.objects.read(key) : undefined;
  }

  /** The stored object as a stream (the app serves /images/<key> from it); undefined when it is missing. */
  async open(key: string): Promise<StoredObject | undefined> {
    return isImageKey(key) ? this.objects.open(key) : undefined;
  }

  async remove(keys: string[]) {
    await this.objects.remove(keys.map(checkedImageKey));
  }

  async list() {
    return (await this.objects.list())
      .map((o) => o.key)
      .filter(isImageKey)
      .sort();
  }

  urlFor(key: string) {
    return this.settings.publicBaseUrl ? `${this.settings.publicBaseUrl}/${checkedImageKey(key)}` : appImagePath(checkedImageKey(key));
  }
}
