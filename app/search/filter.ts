import { FILTERABLE, type FilterableAttribute } from "./facets";

// Meilisearch filter values must be double-quoted with `"` and `\` escaped; an unescaped quote is a parse error that
// fails the whole search (and worse, lets input rewrite the filter). Meilisearch 1.21 first resolves `\"` and then
// reads the value's backslash escapes (`\\` → `\`), so doubling every backslash and escaping every quote round-trips
// any string exactly. Attributes come only from the allowlist and are checked again here, at run time, because
// selections are built from request input.

export function quoteFilterValue(value: string | number | boolean): string {
  return `"${String(value).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

export class UnknownFilterAttributeError extends Error {
  constructor(public readonly attribute: string) {
    super(`not a filterable attribute: ${attribute}`);
    this.name = "UnknownFilterAttributeError";
  }
}

export function isFilterableAttribute(name: string): name is FilterableAttribute {
  return (FILTERABLE as readonly string[]).includes(name);
}

export type FilterValue = string | number | boolean;
export type FilterSelection = Partial<Record<FilterableAttribute, readonly FilterValue[]>>;

/**
 * Values within one attribute combine with OR, attributes with AND. Returns Meilisearch's array form
 * (outer array AND, inner arrays OR). Throws UnknownFilterAttributeError for anything off the allowlist.
 */
export function buildFilter(selection: FilterSelection): string[][] {
  const clauses: string[][] = [];
  for (const [attribute, values] of Object.entries(selection) as [string, readonly FilterValue[] | undefined][]) {
    if (!isFilterableAttribute(attribute)) throw new UnknownFilterAttributeError(attribute);
    if (!values || values.length === 0) continue;
    clauses.push([...new Set(values)].map((v) => `${attribute} = ${quoteFilterValue(v)}`));
  }
  return clauses;
}
