import { DeleteObjectsCommand, GetObjectCommand, paginateListObjectsV2, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import type { Readable } from "node:stream";
import type { Config } from "./config.server";

// How the stores talk to an S3-compatible bucket (AWS S3, Aliyun OSS, Tencent COS, Huawei OBS, MinIO), in one place:
// the connection settings, missing objects as undefined, deletes in batches. Which keys are allowed, and what headers
// an object gets, is the store's business (app/images/s3-storage.server.ts, app/evidence/s3-storage.server.ts).
// docs/decisions/035-object-storage-for-pictures.md

export interface S3Connection {
  /** the provider's endpoint; undefined means AWS itself */
  endpoint?: string;
  region: string;
  /** undefined: the SDK's own chain (environment, instance role) */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** bucket in the path rather than the host name (MinIO, most self-hosted servers) */
  forcePathStyle: boolean;
}

/** The connection settings of a validated configuration (app/platform/config.server.ts). */
export function s3Connection(c: Readonly<Config>): S3Connection {
  return {
    endpoint: c.S3_ENDPOINT,
    region: c.S3_REGION,
    credentials: c.S3_ACCESS_KEY_ID && c.S3_SECRET_ACCESS_KEY ? { accessKeyId: c.S3_ACCESS_KEY_ID, secretAccessKey: c.S3_SECRET_ACCESS_KEY } : undefined,
    forcePathStyle: c.S3_FORCE_PATH_STYLE === "1",
  };
}

export function s3Client(connection: S3Connection): S3Client {
  return new S3Client({
    region: connection.region,
    endpoint: connection.endpoint,
    forcePathStyle: connection.forcePathStyle,
    credentials: connection.credentials,
    // checksums only where the protocol requires them: several S3-compatible providers reject the newer headers
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

/** DeleteObjects takes at most this many keys per call. */
export const DELETE_BATCH = 1000;

function isMissing(e: unknown) {
  return e instanceof S3ServiceException && (e.name === "NoSuchKey" || e.name === "NotFound" || e.$metadata.httpStatusCode === 404);
}

export interface StoredObject {
  body: Readable;
  length?: number;
  etag?: string;
}

/** One bucket, keys already checked by the caller. */
export class S3Bucket {
  constructor(
    readonly client: S3Client,
    readonly name: string,
  ) {}

  async put(key: string, data: Buffer, headers: { contentType: string; cacheControl: string }) {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.name, Key: key, Body: data, ContentType: headers.contentType, CacheControl: headers.cacheControl }),
    );
  }

  /** The object as a stream; undefined when the bucket does not hold it. */
  async open(key: string): Promise<StoredObject | undefined> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.name, Key: key }));
      if (!object.Body) return undefined;
      return { body: object.Body as Readable, length: object.ContentLength, etag: object.ETag };
    } catch (e) {
      if (isMissing(e)) return undefined;
      throw e;
    }
  }

  async read(key: string): Promise<Buffer | undefined> {
    const object = await this.open(key);
    return object && Buffer.concat(await object.body.toArray());
  }

  /** Deletes in batches; a key that is already gone is not an error (two sweeps may race), as `rm --force` on disk. */
  async remove(keys: readonly string[]) {
    for (let i = 0; i < keys.length; i += DELETE_BATCH) {
      const objects = keys.slice(i, i + DELETE_BATCH).map((Key) => ({ Key }));
      const done = await this.client.send(new DeleteObjectsCommand({ Bucket: this.name, Delete: { Objects: objects, Quiet: true } }));
      const failed = (done.Errors ?? []).filter((e) => e.Code !== "NoSuchKey");
      if (failed.length)
        throw new Error(`could not delete ${failed.length} objects from ${this.name}: ${failed[0]!.Key} ${failed[0]!.Code} ${failed[0]!.Message ?? ""}`);
    }
  }

  /** Every object's key and last change, page by page. */
  async list(): Promise<{ key: string; lastModified?: Date }[]> {
    const objects: { key: string; lastModified?: Date }[] = [];
    for await (const page of paginateListObjectsV2({ client: this.client }, { Bucket: this.name })) {
      for (const object of page.Contents ?? []) if (object.Key) objects.push({ key: object.Key, lastModified: object.LastModified });
    }
    return objects;
  }
}
