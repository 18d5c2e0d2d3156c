import type { FilterableAttribute } from "./catalog-index.server";

// Meilisearch filter values must be double-quoted with `"` and `\` escaped; an unescaped quote is a parse error that
// fails the whole search (and worse, lets input rewrite the filter). Attributes come only from our allowlist.

export function quoteFilterValue(value: string | number | boolean): string {
  return `"${String(value).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

export type FilterSelection = Partial<Record<FilterableAttribute, readonly (string | number | boolean)[]>>;

/** Values within one attribute combine with OR, attributes with AND. Returns Meilisearch's array form. */
export function buildFilter(selection: FilterSelection): string[][] {
  const clauses: string[][] = [];
  for (const [attribute, values] of Object.entries(selection) as [FilterableAttribute, readonly (string | number | boolean)[]][]) {
    if (!values || values.length === 0) continue;
    clauses.push(values.map((v) => `${attribute} = ${quoteFilterValue(v)}`));
  }
  return clauses;
}
