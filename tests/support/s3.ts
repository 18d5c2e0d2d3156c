import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import type { S3Settings } from "../../app/images/s3-storage.server";

// An S3 protocol server in the test's own process (s3rver: the one available from npm here, docs/decisions/035), on a
// free port, keeping its objects in a temporary folder. It accepts any signature; the credentials below only let the
// SDK sign its requests.

export interface TestS3 {
  endpoint: string;
  bucket: string;
  settings: S3Settings;
  /** a second, private bucket for claim evidence (S3_EVIDENCE_BUCKET) */
  evidenceBucket: string;
  /** the app's environment for the picture bucket (startTestApp's env); add S3_EVIDENCE_BUCKET for evidence */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export async function startTestS3(bucket = "haidong-pictures", evidenceBucket = "haidong-evidence"): Promise<TestS3> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "haidong-s3-"));
  const configureBuckets = [{ name: bucket }, { name: evidenceBucket }];
  const server = new S3rver({ address: "127.0.0.1", port: 0, directory, silent: true, configureBuckets });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
  return {
    endpoint,
    bucket,
    settings: { bucket, endpoint, region: "us-east-1", credentials, forcePathStyle: true },
    evidenceBucket,
    env: {
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_REGION: "us-east-1",
      S3_ACCESS_KEY_ID: credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      S3_FORCE_PATH_STYLE: "1",
    },
    stop: async () => {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
