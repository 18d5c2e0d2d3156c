import { parseMessage } from "../domain/message";
import type { Translate } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { FACET_NAMES, type FacetName } from "./facets";
import type { SearchParams } from "./params-schema";

export { ENTITY_TYPE_VALUES } from "./facets";

// The search parameters of /search and /api/v1/search as the page uses them: limits, links and problem messages. The
// schema that parses them lives in ./params-schema, which only loaders import (it brings zod).

export type { SearchParams } from "./params-schema";

export const MAX_QUERY_LENGTH = 200;
export const MAX_PAGE = 200;
export const MAX_PER_PAGE = 50;
export const DEFAULT_PER_PAGE = 20;

/** Parameters each surface accepts; anything else is refused (a typo in a shared link should not silently widen it). */
export const COMMON_KEYS = ["q", ...FACET_NAMES, "sort", "page", "per_page"] as const;
// `shortlist` is the outcome notice a plain-form shortlist button carries back to the page (?shortlist=full); the page
// shows it and otherwise ignores it.
export const PAGE_KEYS: readonly string[] = [...COMMON_KEYS, "lang", "elder", "shortlist"];
export const API_KEYS: readonly string[] = [...COMMON_KEYS, "facets"];

export interface ParamProblem {
  param: string;
  /** an i18n message built with msg(): "search.problem.range|{"min":1,"max":50}" */
  message: string;
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
export function searchHref(params: SearchParams, change: { q?: string; page?: number; remove?: { facet: FacetName; value: string } | "all" } = {}): string {
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
