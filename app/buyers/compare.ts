/** Side by side, more than four products stop being readable (and do not fit a phone even with scrolling). */
export const COMPARE_MAX = 4;

/**
 * The product ids asked for, as `?ids=1&ids=2` or `?ids=1,2`, in order, without repeats; anything that is not a
 * positive whole number is ignored rather than failing the page.
 */
export function compareIds(params: URLSearchParams): number[] {
  const ids: number[] = [];
  for (const value of params.getAll("ids")) {
    for (const part of value.split(/[,，\s]+/)) {
      if (!/^\d{1,15}$/.test(part)) continue;
      const n = Number(part);
      if (n > 0 && Number.isSafeInteger(n) && !ids.includes(n)) ids.push(n);
    }
  }
  return ids.slice(0, 100);
}

/** The ids to compare and the ones refused past the limit. */
export function limitComparison(ids: readonly number[]) {
  return { compared: ids.slice(0, COMPARE_MAX), refused: ids.slice(COMPARE_MAX) };
}
