import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { S3PrivateStorage } from "../app/evidence/s3-storage.server";
import { fileEvidenceStorage } from "../app/evidence/storage.server";
import { S3ImageStorage } from "../app/images/s3-storage.server";
import { fileImageStorage } from "../app/images/storage.server";
import { createTestDatabase, type TestDatabase } from "../tests/support/db";
import { startTestS3, type TestS3 } from "../tests/support/s3";
import { createTestSearch } from "../tests/support/search";

// Issue 20, item 1: an operator moves a catalogue's pictures from disk into the bucket (npm run images:migrate), and
// backs up and restores a catalogue whose pictures and claim evidence live in buckets (npm run backup / restore) —
// real processes, as run.

const root = path.resolve(import.meta.dirname, "..");
const key = (n: number, ext = "jpg") => `${n.toString(16).padStart(2, "0")}/${n.toString(16).padStart(64, "0")}-640.${ext}`;
const keys = [key(1), key(1, "webp"), key(2, "avif")];

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let s3: TestS3;
let bucket: S3ImageStorage;
let dataDir: string;
let emptyUrl: string;
const emptyName = `hdt_${inject("runId")}_${process.pid}_bucket_restore`;

beforeAll(async () => {
  t = await createTestDatabase();
  search = await createTestSearch();
  s3 = await startTestS3();
  bucket = new S3ImageStorage(s3.settings);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "haidong-bucket-"));
  const disk = fileImageStorage(dataDir);
  for (const k of keys) await disk.put(k, Buffer.from(`picture ${k}`));
  // what a crash mid-write leaves behind is not a picture
  fs.writeFileSync(path.join(dataDir, "images", `${key(1)}.123.tmp`), "half");
  const admin = postgres(t.url.replace(/\/[^/]+$/, "/postgres"), { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database "${emptyName}"`);
  await admin.end();
  emptyUrl = t.url.replace(/\/[^/]+$/, `/${emptyName}`);
});
afterAll(async () => {
  await s3?.stop();
  await search?.drop();
  await t?.drop();
  const admin = postgres(t.url.replace(/\/[^/]+$/, "/postgres"), { max: 1, onnotice: () => undefined });
  await admin.unsafe(`drop database if exists "${emptyName}" with (force)`);
  await admin.end();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function run(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", `${script}.ts`), ...args], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "test",
      DATABASE_URL: t.url,
      MEILI_URL: inject("meiliUrl"),
      MEILI_MASTER_KEY: inject("meiliKey"),
      MEILI_INDEX_PREFIX: search.prefix,
      DATA_DIR: dataDir,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr.on("data", (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, output })));
}

describe("npm run images:migrate", () => {
  it("refuses to run without a bucket configured", async () => {
    const r = await run("images-migrate", [], {});
    expect(r.code).toBe(2);
    expect(r.output).toMatch(/set S3_BUCKET/);
  });

  it("copies every picture on disk into the bucket and reports the counts", async () => {
    const r = await run("images-migrate", [], s3.env);
    expect(r.output).toContain("copied 3 picture files");
    expect(r.code).toBe(0);
    expect(await bucket.list()).toEqual([...keys].sort());
    for (const k of keys) expect((await bucket.read(k))?.toString()).toBe(`picture ${k}`);
  });

  it("can be run again: what the bucket already holds is skipped", async () => {
    const r = await run("images-migrate", [], s3.env);
    expect(r.output).toContain("copied 0 picture files");
    expect(r.output).toContain("3 were already there");
    expect(r.code).toBe(0);
  });
});

describe("npm run backup / restore with pictures and claim evidence in buckets", () => {
  let backupDir: string;
  const licence = `${"e".repeat(64)}.pdf`;
  const withEvidence = () => ({ ...s3.env, S3_EVIDENCE_BUCKET: s3.evidenceBucket });
  const evidenceBucket = () => new S3PrivateStorage({ ...s3.settings, bucket: s3.evidenceBucket });

  it("downloads the buckets' pictures and evidence into the backup folder", async () => {
    backupDir = path.join(dataDir, "backup");
    // the disk copy is gone: the backup must come from the bucket
    fs.rmSync(path.join(dataDir, "images"), { recursive: true, force: true });
    await evidenceBucket().put(licence, Buffer.from("%PDF licence"));
    const r = await run("backup", [backupDir], withEvidence());
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain("3 image files and 1 evidence files");
    expect(await fileImageStorage(backupDir).list()).toEqual([...keys].sort());
    expect((await fileEvidenceStorage(backupDir).read(licence))?.toString()).toBe("%PDF licence");
  });

  it("uploads them back into emptied buckets with the database", async () => {
    await bucket.remove(await bucket.list());
    await evidenceBucket().remove([licence]);
    const r = await run("restore", [backupDir], { ...withEvidence(), DATABASE_URL: emptyUrl });
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain("3 image files and 1 evidence files");
    expect(await bucket.list()).toEqual([...keys].sort());
    expect((await evidenceBucket().read(licence))?.toString()).toBe("%PDF licence");
    expect(fs.existsSync(path.join(dataDir, "images"))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, "private"))).toBe(false);
  });
});
