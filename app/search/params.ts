import { z } from "zod";
import type { SearchEntityType } from "../../db/schema";

export const ENTITY_TYPE_VALUES = ["gi", "trademark", "regional_brand", "product", "organization"] as const satisfies readonly SearchEntityType[];

/** The search parameters shared by /search and /api/v1/search; the messages name the offending parameter. */
export const searchParamsSchema = z.object({
  q: z.string().max(200, "q: at most 200 characters").default(""),
  type: z.array(z.enum(ENTITY_TYPE_VALUES, { message: "type: unknown record type" })).max(5).default([]),
  county: z.array(z.string().max(30, "county: too long")).max(10, "county: at most 10 values").default([]),
  page: z.coerce.number({ message: "page: must be a number" }).int("page: must be a whole number").min(1, "page: must be at least 1").max(500, "page: at most 500").default(1),
  per_page: z.coerce.number({ message: "per_page: must be a number" }).int().min(1, "per_page: at least 1").max(50, "per_page: at most 50").default(20),
});

export type SearchParams = z.infer<typeof searchParamsSchema>;

export function parseSearchParams(params: URLSearchParams, allowed: readonly string[] = ["q", "type", "county", "page", "per_page", "lang", "elder"]) {
  const unknown = [...new Set(params.keys())].filter((k) => !allowed.includes(k));
  if (unknown.length > 0) return { ok: false as const, error: `unknown parameter: ${unknown.join(", ")}` };
  const raw = {
    q: params.get("q") ?? undefined,
    type: params.getAll("type").filter(Boolean),
    county: params.getAll("county").filter(Boolean),
    page: params.get("page") || undefined,
    per_page: params.get("per_page") || undefined,
  };
  const parsed = searchParamsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false as const, error: parsed.error.issues.map((i) => i.message).join("; ") };
  return { ok: true as const, value: parsed.data };
}
