// Halls and booths in natural order (A2 before A10, 2号馆 before 10号馆): the one sort for every list of exhibitors a
// visitor walks the fair by — the event page's directory and the printed catalogue's 展商名录.

const naturalOrder = new Intl.Collator("zh-CN", { numeric: true });

type Placed = { hall: string | null; booth: string | null };

/** Compares two exhibitors by hall, then booth, in natural order. */
export function byHallAndBooth(a: Placed, b: Placed): number {
  return naturalOrder.compare(a.hall ?? "", b.hall ?? "") || naturalOrder.compare(a.booth ?? "", b.booth ?? "");
}

/** A sorted copy. */
export function inBoothOrder<T extends Placed>(exhibitors: readonly T[]): T[] {
  return [...exhibitors].sort(byHallAndBooth);
}
