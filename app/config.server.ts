import path from "node:path";
import { z } from "zod";

// Environment is validated once at boot; every problem is reported in one message so an operator fixes them in one go.
const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://");
const httpUrl = z.string().regex(/^https?:\/\/[^\s]+$/, "must be an http:// or https:// URL");

const envSchema = z
  .object({
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
    PUBLIC_ORIGIN: httpUrl.optional(),
    SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    TRUST_PROXY: z.enum(["0", "1"]).default("0"),
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
