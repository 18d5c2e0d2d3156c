import type { Summary } from "./metrics";
import type { Engine } from "./run";

// The quality floor CI holds search to (`npm run search:eval -- --check`): the figures reached on the judged set,
// rounded down, so a change that makes buyers' queries worse fails CI. Raise them when ranking improves; never lower
// them to let a change through (docs/search-relevance.md records each step).

export type Floor = Partial<Pick<Summary, "successAt1" | "successAt3" | "ndcgAt10">> & { maxFalseHits?: number };

export const FLOORS: Record<Engine, Floor> = {
  meilisearch: { successAt1: 0.98, successAt3: 0.99, ndcgAt10: 0.95, maxFalseHits: 0 },
  fallback: { successAt3: 0.73 },
};

/** What falls short of the floor, one line each; empty when the figures hold. */
export function belowFloor(summary: Summary, floor: Floor): string[] {
  const out: string[] = [];
  for (const key of ["successAt1", "successAt3", "ndcgAt10"] as const) {
    const min = floor[key];
    if (min !== undefined && summary[key] < min) out.push(`${key} ${summary[key].toFixed(3)} < floor ${min}`);
  }
  if (floor.maxFalseHits !== undefined && summary.falseHits > floor.maxFalseHits)
    out.push(`${summary.falseHits} queries with a false hit > ${floor.maxFalseHits}`);
  return out;
}
