import { z } from "zod";
import { msg, parseMessage } from "../domain/fields";
import type { Translate } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import {
  CERTIFICATION_VALUES,
  ENTITY_TYPE_VALUES,
  FACET_NAMES,
  GI_SCHEME_VALUES,
  SORT_VALUES,
  type FacetName,
} from "./facets";

export { ENTITY_TYPE_VALUES } from "./facets";

// The search parameters of /search and /api/v1/search, one Zod schema for both. Problems are i18n keys
// ("search.problem.*", see msg()) tied to the parameter they concern, so the page can name the field in the visitor's
// language and the API in English. Browser-safe: the county resolver is passed in by the server.

export const MAX_QUERY_LENGTH = 200;
export const MAX_PAGE = 200;
export const MAX_PER_PAGE = 50;
export const DEFAULT_PER_PAGE = 20;

/** Parameters each surface accepts; anything else is refused (a typo in a shared link should not silently widen it). */
const COMMON_KEYS = ["q", ...FACET_NAMES, "sort", "page", "per_page"] as const;
// `shortlist` is the outcome notice a plain-form shortlist button carries back to the page (?shortlist=full); the page
// shows it and otherwise ignores it.
export const PAGE_KEYS: readonly string[] = [...COMMON_KEYS, "lang", "elder", "shortlist"];
export const API_KEYS: readonly string[] = [...COMMON_KEYS, "facets"];

type ProblemKey =
  | "unknownParam"
  | "oneValue"
  | "tooLong"
  | "tooMany"
  | "oneOf"
  | "integer"
  | "range"
  | "unknownCounty"
  | "boolean"
  | "controlCharacters";

const problem = (key: ProblemKey, vars?: Record<string, string | number>) => msg(`search.problem.${key}`, vars);

// C0/C1 controls, line/paragraph separators and BOM: never part of a name.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\uFEFF]/g;

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { message: problem("oneOf", { allowed: values.join(", ") }) });

const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, problem("integer"))
    .transform(Number)
    .pipe(z.number().min(min, problem("range", { min, max })).max(max, problem("range", { min, max })));

/** A parameter given at most once. */
const single = <T extends z.ZodType<unknown, string | undefined>>(inner: T) =>
  z
    .array(z.string())
    .max(1, problem("oneValue"))
    .transform((values) => values[0])
    .pipe(inner);

/** A repeatable parameter (`type=gi&type=product`): values OR together; duplicates are dropped. */
const many = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max, problem("tooMany", { max }))
    .transform((values) => [...new Set(values as z.output<T>[])]);

const name = (max: number) =>
  z
    .string()
    .transform((s) => s.trim())
    .refine((s) => !new RegExp(CONTROL.source).test(s), problem("controlCharacters"))
    .refine((s) => [...s].length <= max, problem("tooLong", { max }));

export type CountyResolver = (value: string) => string | undefined;

// Building a zod schema costs several milliseconds; every search request needs one, so it is built once per resolver.
const schemas = new WeakMap<CountyResolver, ReturnType<typeof buildSearchParamsSchema>>();

/** The schema; `resolveCounty` turns 乐都 / 乐都区 / Ledu District into the facet value 乐都区 (undefined: not a county). */
export function searchParamsSchema(resolveCounty: CountyResolver) {
  let schema = schemas.get(resolveCounty);
  if (!schema) schemas.set(resolveCounty, (schema = buildSearchParamsSchema(resolveCounty)));
  return schema;
}

function buildSearchParamsSchema(resolveCounty: CountyResolver) {
  const county = name(40).transform((value, ctx) => {
    const resolved = resolveCounty(value);
    if (resolved === undefined) {
      ctx.addIssue({ code: "custom", message: problem("unknownCounty", { value }) });
      return z.NEVER;
    }
    return resolved;
  });
  return z.object({
    q: single(
      z
        .string()
        // free text: controls become spaces instead of failing the search
        .transform((s) => s.replace(CONTROL, " ").replace(/\s+/g, " ").trim())
        .refine((s) => [...s].length <= MAX_QUERY_LENGTH, problem("tooLong", { max: MAX_QUERY_LENGTH }))
        .optional(),
    ).transform((q) => q ?? ""),
    type: many(oneOf(ENTITY_TYPE_VALUES), ENTITY_TYPE_VALUES.length),
    county: many(county, 10),
    township: many(name(40), 20),
    gi_scheme: many(oneOf(GI_SCHEME_VALUES), GI_SCHEME_VALUES.length),
    nice_class: many(integer(1, 45), 45),
    certification: many(oneOf(CERTIFICATION_VALUES), CERTIFICATION_VALUES.length),
    month: many(integer(1, 12), 12),
    well_known: single(z.enum(["true", "false"], { message: problem("boolean") }).optional()).transform((v) =>
      v === undefined ? undefined : v === "true",
    ),
    sort: single(oneOf(SORT_VALUES).optional()).transform((v) => v ?? "relevance"),
    page: single(integer(1, MAX_PAGE).optional()).transform((v) => v ?? 1),
    per_page: single(integer(1, MAX_PER_PAGE).optional()).transform((v) => v ?? DEFAULT_PER_PAGE),
    facets: many(oneOf(FACET_NAMES as [FacetName, ...FacetName[]]), FACET_NAMES.length).transform((v) =>
      v.length === 0 ? [...FACET_NAMES] : v,
    ),
  });
}

export type SearchParams = z.output<ReturnType<typeof searchParamsSchema>>;

export interface ParamProblem {
  param: string;
  /** an i18n message built with msg(): "search.problem.range|{"min":1,"max":50}" */
  message: string;
}

export type ParsedSearchParams = { ok: true; value: SearchParams } | { ok: false; problems: ParamProblem[] };

/**
 * Reads URL parameters. Empty values (`type=` from a form) mean "not given"; `facets` also takes a comma-separated
 * list. Unknown parameters are problems too.
 */
export function parseSearchParams(params: URLSearchParams, options: { allowed: readonly string[]; resolveCounty: CountyResolver }): ParsedSearchParams {
  const problems: ParamProblem[] = [...new Set(params.keys())]
    .filter((k) => !options.allowed.includes(k))
    .map((param) => ({ param, message: problem("unknownParam") }));
  const values = (key: string) => params.getAll(key).filter((v) => v !== "");
  const raw: Record<string, string[]> = {};
  for (const key of COMMON_KEYS) raw[key] = values(key);
  raw.q = params.getAll("q");
  raw.facets = options.allowed.includes("facets") ? values("facets").flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean) : [];
  const parsed = searchParamsSchema(options.resolveCounty).safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push({ param: String(issue.path[0] ?? "q"), message: issue.message });
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, value: parsed.data };
}

/** "Parameter page: must be from 1 to 200; …" in the language of `t`. */
export function describeProblems(problems: ParamProblem[], t: Translate): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const p of problems) {
    const { key, vars } = parseMessage(p.message);
    const line = t("search.error.param", { param: p.param, problem: t(key as MessageKey, vars) });
    if (!seen.has(line)) lines.push(line);
    seen.add(line);
  }
  return lines.join("; ");
}

/** The facet selections of `params`, by facet parameter name, as URL values. */
export function selectedValues(params: SearchParams): Record<FacetName, string[]> {
  return {
    type: params.type,
    county: params.county,
    township: params.township,
    gi_scheme: params.gi_scheme,
    nice_class: params.nice_class.map(String),
    certification: params.certification,
    month: params.month.map(String),
    well_known: params.well_known === undefined ? [] : [String(params.well_known)],
  };
}

/**
 * The /search URL for `params` with some facet values removed or other fields changed; used for pagination,
 * "remove this filter" and spelling-suggestion links. Page resets to 1 unless given.
 */
export function searchHref(
  params: SearchParams,
  change: { q?: string; page?: number; remove?: { facet: FacetName; value: string } | "all" } = {},
): string {
  const sp = new URLSearchParams();
  const q = change.q ?? params.q;
  if (q) sp.set("q", q);
  if (change.remove !== "all") {
    const selected = selectedValues(params);
    for (const facet of FACET_NAMES) {
      for (const value of selected[facet]) {
        if (change.remove && change.remove.facet === facet && change.remove.value === value) continue;
        sp.append(facet, value);
      }
    }
  }
  if (params.sort !== "relevance") sp.set("sort", params.sort);
  if (params.per_page !== DEFAULT_PER_PAGE) sp.set("per_page", String(params.per_page));
  if (change.page && change.page > 1) sp.set("page", String(change.page));
  const s = sp.toString();
  return s ? `/search?${s}` : "/search";
}
