import { z } from "zod";
import { msg } from "../domain/message";
import { CERTIFICATION_VALUES, ENTITY_TYPE_VALUES, FACET_NAMES, GI_SCHEME_VALUES, SORT_VALUES, type FacetName } from "./facets";
import { COMMON_KEYS, DEFAULT_PER_PAGE, MAX_PAGE, MAX_PER_PAGE, MAX_QUERY_LENGTH, type ParamProblem } from "./params";

// The one Zod schema for the parameters of /search and /api/v1/search. Problems are i18n keys ("search.problem.*", see
// msg()) tied to the parameter they concern, so the page can name the field in the visitor's language and the API in
// English. Kept apart from ./params (what the page's component needs) so zod stays out of the search page's JavaScript:
// only loaders parse. Browser-safe all the same: the county resolver is passed in by the server.

type ProblemKey = "unknownParam" | "oneValue" | "tooLong" | "tooMany" | "oneOf" | "integer" | "range" | "unknownCounty" | "boolean" | "controlCharacters";

const problem = (key: ProblemKey, vars?: Record<string, string | number>) => msg(`search.problem.${key}`, vars);

// C0/C1 controls, line/paragraph separators and BOM: never part of a name.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\uFEFF]/g;

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: problem("oneOf", { allowed: values.join(", ") }) });

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
    well_known: single(z.enum(["true", "false"], { message: problem("boolean") }).optional()).transform((v) => (v === undefined ? undefined : v === "true")),
    sort: single(oneOf(SORT_VALUES).optional()).transform((v) => v ?? "relevance"),
    page: single(integer(1, MAX_PAGE).optional()).transform((v) => v ?? 1),
    per_page: single(integer(1, MAX_PER_PAGE).optional()).transform((v) => v ?? DEFAULT_PER_PAGE),
    facets: many(oneOf(FACET_NAMES as [FacetName, ...FacetName[]]), FACET_NAMES.length).transform((v) => (v.length === 0 ? [...FACET_NAMES] : v)),
  });
}

export type SearchParams = z.output<ReturnType<typeof searchParamsSchema>>;

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
  raw.facets = options.allowed.includes("facets")
    ? values("facets")
        .flatMap((v) => v.split(","))
        .map((v) => v.trim())
        .filter(Boolean)
    : [];
  const parsed = searchParamsSchema(options.resolveCounty).safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push({ param: String(issue.path[0] ?? "q"), message: issue.message });
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, value: parsed.data };
}
