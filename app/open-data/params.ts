import { z } from "zod";
import type { ListFilters, OpenDataType } from "../../db/queries/open-data";
import { CERTIFICATION_VALUES, GI_SCHEME_VALUES } from "../search/facets";

// Query parameters of /api/v1/<type>, in the style of app/search/params.ts: one Zod schema per parameter value, a
// parameter given at most once unless it is repeatable (repeated values OR together, different parameters AND), empty
// values mean "not given", and anything unknown is refused with a message naming it. The same definitions describe the
// parameters in /api/v1/openapi.json.

export const MAX_PER_PAGE = 100;
export const DEFAULT_PER_PAGE = 20;
export const MAX_PAGE = 10_000;

export type CountyResolver = (value: string) => string | undefined;

export interface ParamDef {
  description: string;
  /** how a URL string becomes the value the schema checks */
  kind: "integer" | "boolean" | "string";
  /** the value after that conversion; also its JSON Schema in the OpenAPI document */
  schema: z.ZodType;
  repeatable?: boolean;
  /** what the message says when the value is wrong */
  expected: string;
}

const page: ParamDef = {
  description: `Page number, from 1 (default 1, at most ${MAX_PAGE})`,
  kind: "integer",
  schema: z.int().min(1).max(MAX_PAGE),
  expected: `an integer from 1 to ${MAX_PAGE}`,
};
const perPage: ParamDef = {
  description: `Records per page (default ${DEFAULT_PER_PAGE}, at most ${MAX_PER_PAGE})`,
  kind: "integer",
  schema: z.int().min(1).max(MAX_PER_PAGE),
  expected: `an integer from 1 to ${MAX_PER_PAGE}`,
};
const county: ParamDef = {
  description: "A Haidong district or county: full or short Chinese name or English name (乐都区, 乐都, Ledu District). Repeat to match any of several.",
  kind: "string",
  schema: z.string().min(1).max(40),
  repeatable: true,
  expected: "a Haidong district or county (乐都区, 乐都 or Ledu District)",
};
const township: ParamDef = {
  description: "A township (乡镇) by its Chinese name, matched against the producer's township. Repeatable.",
  kind: "string",
  schema: z.string().min(1).max(40),
  repeatable: true,
  expected: "a township name known to the catalogue",
};
const giScheme: ParamDef = {
  description: "GI protection scheme. Repeatable.",
  kind: "string",
  schema: z.enum(GI_SCHEME_VALUES),
  repeatable: true,
  expected: `one of ${GI_SCHEME_VALUES.join(", ")}`,
};
const niceClass: ParamDef = {
  description: "Nice class of the goods or services, 1–45. Repeatable.",
  kind: "integer",
  schema: z.int().min(1).max(45),
  repeatable: true,
  expected: "an integer from 1 to 45",
};
const wellKnown: ParamDef = {
  description: "true: only 中国驰名商标; false: only marks that are not",
  kind: "boolean",
  schema: z.boolean(),
  expected: "true or false",
};
const certification: ParamDef = {
  description: "A certification the product holds and that has not expired. Repeatable.",
  kind: "string",
  schema: z.enum(CERTIFICATION_VALUES),
  repeatable: true,
  expected: `one of ${CERTIFICATION_VALUES.join(", ")}`,
};
const month: ParamDef = {
  description: "A month (1–12) in which the product is available. Repeatable.",
  kind: "integer",
  schema: z.int().min(1).max(12),
  repeatable: true,
  expected: "an integer from 1 to 12",
};

const paging = { page, per_page: perPage };

/** The parameters each list accepts. */
export const LIST_PARAMS: Record<OpenDataType, Record<string, ParamDef>> = {
  gi: { ...paging, county, gi_scheme: giScheme },
  trademarks: { ...paging, county, nice_class: niceClass, well_known: wellKnown },
  "regional-brands": { ...paging },
  products: { ...paging, county, township, gi_scheme: giScheme, certification, month },
  organizations: { ...paging, county, township },
};

export interface ListQuery {
  page: number;
  per_page: number;
  filters: ListFilters;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

function convert(def: ParamDef, raw: string): unknown {
  if (def.kind === "integer") return /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
  if (def.kind === "boolean") return raw === "true" ? true : raw === "false" ? false : raw;
  return raw;
}

/**
 * Reads a list's query string. Problems are collected for every parameter and reported together, each naming its
 * parameter: `Parameter per_page: must be an integer from 1 to 100; unknown parameter foo`.
 */
export function parseListQuery(type: OpenDataType, params: URLSearchParams, resolveCounty: CountyResolver): Parsed<ListQuery> {
  const defs = LIST_PARAMS[type];
  const problems: string[] = [];
  for (const key of new Set(params.keys())) {
    if (!Object.hasOwn(defs, key)) problems.push(`unknown parameter ${JSON.stringify(key)} (this endpoint accepts ${Object.keys(defs).join(", ")})`);
  }
  const values: Record<string, unknown[]> = {};
  for (const [name, def] of Object.entries(defs)) {
    const given = params.getAll(name).filter((v) => v !== "");
    if (given.length > 1 && !def.repeatable) {
      problems.push(`Parameter ${name}: give it at most once`);
      continue;
    }
    if (given.length > 50) {
      problems.push(`Parameter ${name}: at most 50 values`);
      continue;
    }
    const out: unknown[] = [];
    for (const raw of given) {
      const parsed = def.schema.safeParse(convert(def, raw));
      let value: unknown = parsed.success ? parsed.data : undefined;
      if (parsed.success && name === "county") value = resolveCounty(raw);
      if (value === undefined) {
        problems.push(`Parameter ${name}: must be ${def.expected} (got ${JSON.stringify(raw.slice(0, 60))})`);
        break;
      }
      out.push(value);
    }
    values[name] = [...new Set(out)];
  }
  if (problems.length > 0) return { ok: false, error: problems.join("; ") };
  const one = <T>(name: string) => values[name]?.[0] as T | undefined;
  const many = <T>(name: string) => (values[name]?.length ? (values[name] as T[]) : undefined);
  return {
    ok: true,
    value: {
      page: one<number>("page") ?? 1,
      per_page: one<number>("per_page") ?? DEFAULT_PER_PAGE,
      filters: {
        county: many<string>("county"),
        township: many<string>("township"),
        gi_scheme: many<string>("gi_scheme"),
        nice_class: many<number>("nice_class"),
        well_known: one<boolean>("well_known"),
        certification: many<string>("certification"),
        month: many<number>("month"),
      },
    },
  };
}

/** Detail and document endpoints take no parameters at all. */
export function refuseParameters(params: URLSearchParams, allowed: readonly string[] = []): string | undefined {
  const unknown = [...new Set(params.keys())].filter((k) => !allowed.includes(k));
  if (unknown.length === 0) return undefined;
  return unknown.map((k) => `unknown parameter ${JSON.stringify(k)} (this endpoint takes no parameters)`).join("; ");
}
