// The figures of /stats, each with a CSV at /stats/<figure>.csv. Shared by the page (in the browser) and the CSV route.

export const FIGURES = ["official", "trademarks", "gi-schemes", "well-known", "gi-users", "products", "renewals", "events"] as const;
export type FigureName = (typeof FIGURES)[number];

export function isFigure(name: string): name is FigureName {
  return (FIGURES as readonly string[]).includes(name);
}
