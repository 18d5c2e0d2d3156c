import path from "node:path";
import { z } from "zod";

// The one reading of the environment. It is validated once, at boot (scripts/start.ts, scripts/lib/cli.ts) or on the
// first `config()` in any other process (tests, the bench), and every problem is reported in one message so an operator
// fixes them in one go. Everyone else reads the typed, frozen `config()` — never process.env with a default of their
// own, which is how a value validated here used to be read differently elsewhere.
const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://");
const httpUrl = z.string().regex(/^https?:\/\/[^\s]+$/, "must be an http:// or https:// URL");
const bucketName = z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be a bucket name: 3–63 lower-case letters, digits, dots and hyphens");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: postgresUrl.optional(),
  MEILI_URL: httpUrl.optional(),
  MEILI_MASTER_KEY: z.string().min(16, "must be at least 16 characters").optional(),
  MEILI_BIN: z.string().optional(),
  MEILI_INDEX_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_-]*$/, "may hold only letters, digits, - and _")
    .default(""),
  // how long a search may wait for Meilisearch before the page answers from PostgreSQL (degraded)
  MEILI_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  // the bound on every query the app server sends (db/client.ts): past it the request answers 503 with Retry-After
  // instead of waiting on a database that stopped answering; command-line scripts are not bound
  DB_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  DATA_DIR: z.string().default("./data"),
  HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // server processes `npm start` runs on PORT (scripts/lib/cluster.ts): default one per core in production, else one
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  PUBLIC_ORIGIN: httpUrl.optional(),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  TRUST_PROXY: z.enum(["0", "1"]).default("0"),
  // the browser that prints PDFs (app/events/pdf.server.ts, scripts/catalogue-pdf.ts)
  CHROMIUM_PATH: z.string().default("/usr/bin/chromium"),
  // "off" on a server without Chromium and the CJK fonts: catalogue PDFs answer 503 pointing at the printable page
  PDF_RENDERER: z.enum(["chromium", "off"]).default("chromium"),
  // the server's logs (app/platform/log.server.ts, docs/decisions/036-structured-logs.md): the least severe level
  // written, and the line format — JSON lines by default in production, one readable line each otherwise
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOG_FORMAT: z.enum(["json", "pretty"]).optional(),
  // Pictures in an S3-compatible bucket instead of $DATA_DIR/images (app/images/s3-storage.server.ts,
  // docs/decisions/035-object-storage-for-pictures.md): set S3_BUCKET to switch; the rest only matter with it.
  S3_BUCKET: bucketName.optional(),
  // claim evidence (staff only) in its own private bucket, never the picture bucket, which may be public-read
  S3_EVIDENCE_BUCKET: bucketName.optional(),
  // the provider's endpoint (Aliyun OSS, Tencent COS, Huawei OBS, MinIO); unset means AWS itself
  S3_ENDPOINT: httpUrl.optional(),
  S3_REGION: z
    .string()
    .regex(/^[a-z0-9-]+$/, "must be a region name such as cn-hangzhou or us-east-1")
    .default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  // bucket in the path (http://endpoint/bucket/key) instead of the host name: MinIO and most self-hosted servers
  S3_FORCE_PATH_STYLE: z.enum(["0", "1"]).default("0"),
  // where browsers fetch pictures from (a public-read bucket or a CDN in front of it); unset, the app streams them
  S3_PUBLIC_BASE_URL: httpUrl.transform((url) => url.replace(/\/+$/, "")).optional(),
  // Outgoing mail (app/notifications, docs/decisions/042-mail-queue-and-notifications.md): smtp://user:pass@host:587
  // (STARTTLS when the server offers it) or smtps://…:465. Unset, messages are kept in the database and shown to
  // staff at /staff/outbox instead of being sent.
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s/]+\/?(\?\S*)?$/, "must be an smtp:// or smtps:// URL such as smtp://user:password@mail.example.cn:587")
    .optional(),
  // the From of every e-mail: an address, or `Name <address>`
  MAIL_FROM: z
    .string()
    .regex(/^(?:[^<>\r\n]+ <[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, "must be an address or Name <address>")
    .default("海东品牌目录 <noreply@localhost>"),
});

/** Rules across variables, checked on the raw values so they are reported alongside any format errors. */
function crossChecks(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (env.NODE_ENV === "production" && !env.SESSION_SECRET) problems.push("SESSION_SECRET is required when NODE_ENV=production");
  // QR codes, printed links and the PDF must never take their origin from the request's Host (app/platform/public-origin.server.ts)
  if (env.NODE_ENV === "production" && !env.PUBLIC_ORIGIN) problems.push("PUBLIC_ORIGIN is required when NODE_ENV=production");
  if (env.NODE_ENV === "production" && env.MEILI_URL && !env.MEILI_MASTER_KEY) {
    problems.push("MEILI_MASTER_KEY is required with MEILI_URL in production");
  }
  // credentials come in pairs, and the other S3_* settings mean nothing without a bucket
  if (!!env.S3_ACCESS_KEY_ID !== !!env.S3_SECRET_ACCESS_KEY) problems.push("S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are set together or not at all");
  if (!env.S3_BUCKET) {
    const orphans = ["S3_ENDPOINT", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_PUBLIC_BASE_URL", "S3_FORCE_PATH_STYLE", "S3_EVIDENCE_BUCKET"].filter(
      (name) => env[name],
    );
    if (orphans.length) problems.push(`${orphans.join(", ")} ${orphans.length > 1 ? "are" : "is"} set but S3_BUCKET is not (pictures would stay on disk)`);
  }
  // a production server that sends mail must say who from: noreply@localhost would be refused or marked as spam
  if (env.NODE_ENV === "production" && env.SMTP_URL && !env.MAIL_FROM) problems.push("MAIL_FROM is required with SMTP_URL in production");
  if (env.S3_EVIDENCE_BUCKET && env.S3_EVIDENCE_BUCKET === env.S3_BUCKET) {
    problems.push("S3_EVIDENCE_BUCKET must not be S3_BUCKET: claim evidence is private and the picture bucket may be public");
  }
  return problems;
}

export type Config = z.infer<typeof envSchema> & { dataDir: string };

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  const problems = [...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`)), ...crossChecks(cleaned)];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  return { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR) };
}

/** What boot learns after validation: the embedded services' addresses and the generated session secret. */
export type LearnedAtBoot = Partial<Pick<Config, "DATABASE_URL" | "MEILI_URL" | "MEILI_MASTER_KEY" | "SESSION_SECRET">>;

// On globalThis, not in a module variable: scripts/start.ts runs from source while the server build it imports
// bundles its own copy of this module, and both must read the one object (as app/services.server.ts does for the pool).
const g = globalThis as typeof globalThis & { __haidongConfig?: Readonly<Config>; __haidongConfigCompleted?: boolean };

/** The validated configuration, read from the environment on first use and the same object ever after. */
export function config(): Readonly<Config> {
  return (g.__haidongConfig ??= Object.freeze(loadConfig()));
}

/**
 * Adds what boot learned (called once, by scripts/start.ts or scripts/lib/cli.ts, before anything reads those values),
 * instead of writing process.env after validation, which left two sources that could disagree.
 */
export function completeConfig(learned: LearnedAtBoot): Readonly<Config> {
  if (g.__haidongConfigCompleted) throw new Error("completeConfig() is called once, at boot");
  g.__haidongConfigCompleted = true;
  const defined = Object.fromEntries(Object.entries(learned).filter(([, v]) => v !== undefined && v !== ""));
  return (g.__haidongConfig = Object.freeze({ ...config(), ...defined }));
}

/** Forgets the memoised configuration, so a test can read a changed environment. Tests only. */
export function resetConfigForTests() {
  delete g.__haidongConfig;
  delete g.__haidongConfigCompleted;
}
