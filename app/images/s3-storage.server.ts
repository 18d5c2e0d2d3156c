import { DeleteObjectsCommand, GetObjectCommand, paginateListObjectsV2, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import type { Readable } from "node:stream";
import type { Config } from "../platform/config.server";
import { appImagePath, checkedImageKey, IMMUTABLE_CACHE_CONTROL, imageContentType, isImageKey, type ImageStorage } from "./storage.server";

// Pictures in an S3-compatible bucket (AWS S3, Aliyun OSS, Tencent COS, Huawei OBS, MinIO): the same operations as
// the disk store, on the same server-generated keys (docs/decisions/035-object-storage-for-pictures.md).

export interface S3Settings {
  bucket: string;
  /** the provider's endpoint; undefined means AWS itself */
  endpoint?: string;
  region: string;
  /** undefined: the SDK's own chain (environment, instance role) */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** bucket in the path rather than the host name (MinIO, most self-hosted servers) */
  forcePathStyle: boolean;
  /** where browsers fetch pictures directly (public-read bucket or CDN); undefined: the app streams them */
  publicBaseUrl?: string;
}

/** The bucket settings of a validated configuration (app/platform/config.server.ts); S3_BUCKET must be set. */
export function s3Settings(c: Readonly<Config>): S3Settings {
  if (!c.S3_BUCKET) throw new Error("S3_BUCKET is not configured");
  return {
    bucket: c.S3_BUCKET,
    endpoint: c.S3_ENDPOINT,
    region: c.S3_REGION,
    credentials: c.S3_ACCESS_KEY_ID && c.S3_SECRET_ACCESS_KEY ? { accessKeyId: c.S3_ACCESS_KEY_ID, secretAccessKey: c.S3_SECRET_ACCESS_KEY } : undefined,
    forcePathStyle: c.S3_FORCE_PATH_STYLE === "1",
    publicBaseUrl: c.S3_PUBLIC_BASE_URL,
  };
}

/** DeleteObjects takes at most this many keys per call. */
const DELETE_BATCH = 1000;

function isMissing(e: unknown) {
  return e instanceof S3ServiceException && (e.name === "NoSuchKey" || e.name === "NotFound" || e.$metadata.httpStatusCode === 404);
}

export class S3ImageStorage implements ImageStorage {
  readonly client: S3Client;

  constructor(
    private readonly settings: S3Settings,
    client?: S3Client,
  ) {
    this.client =
      client ??
      new S3Client({
        region: settings.region,
        endpoint: settings.endpoint,
        forcePathStyle: settings.forcePathStyle,
        credentials: settings.credentials,
        // checksums only where the protocol requires them: several S3-compatible providers reject the newer headers
        requestChecksumCalculation: "WHEN_REQUIRED",
        responseChecksumValidation: "WHEN_REQUIRED",
      });
  }

  get bucket() {
    return this.settings.bucket;
  }

  async put(key: string, data: Buffer) {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.settings.bucket,
        Key: checkedImageKey(key),
        Body: data,
        ContentType: imageContentType(key),
        CacheControl: IMMUTABLE_CACHE_CONTROL,
      }),
    );
  }

  async read(key: string) {
    const object = await this.open(key);
    return object && Buffer.concat(await object.body.toArray());
  }

  /** The stored object as a stream (the app serves /images/<key> from it); undefined when it is missing. */
  async open(key: string): Promise<{ body: Readable; length?: number; etag?: string } | undefined> {
    if (!isImageKey(key)) return undefined;
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: key }));
      if (!object.Body) return undefined;
      return { body: object.Body as Readable, length: object.ContentLength, etag: object.ETag };
    } catch (e) {
      if (isMissing(e)) return undefined;
      throw e;
    }
  }

  async remove(keys: string[]) {
    const objects = keys.map((key) => ({ Key: checkedImageKey(key) }));
    for (let i = 0; i < objects.length; i += DELETE_BATCH) {
      const done = await this.client.send(
        new DeleteObjectsCommand({ Bucket: this.settings.bucket, Delete: { Objects: objects.slice(i, i + DELETE_BATCH), Quiet: true } }),
      );
      // a missing key is not an error (as on disk); anything else is
      const failed = (done.Errors ?? []).filter((e) => e.Code !== "NoSuchKey");
      if (failed.length)
        throw new Error(
          `could not delete ${failed.length} pictures from ${this.settings.bucket}: ${failed[0]!.Key} ${failed[0]!.Code} ${failed[0]!.Message ?? ""}`,
        );
    }
  }

  async list() {
    const keys: string[] = [];
    for await (const page of paginateListObjectsV2({ client: this.client }, { Bucket: this.settings.bucket })) {
      for (const object of page.Contents ?? []) if (object.Key && isImageKey(object.Key)) keys.push(object.Key);
    }
    return keys.sort();
  }

  urlFor(key: string) {
    return this.settings.publicBaseUrl ? `${this.settings.publicBaseUrl}/${checkedImageKey(key)}` : appImagePath(checkedImageKey(key));
  }
}
