import { z } from "zod";

// Pure helpers of the benchmark: percentiles, rows and their shape (docs/interfaces.md: bench-results.json).

export const rowSchema = z.object({
  name: z.string().min(1),
  value: z.number().finite(),
  unit: z.string().min(1),
  baseline: z.number().finite().nullable(),
  ratio: z.number().finite().nullable(),
  target: z.string().min(1),
  ok: z.boolean(),
});
export type BenchRow = z.infer<typeof rowSchema>;
export const resultsSchema = z.array(rowSchema);

/** Nearest-rank percentile (p in 0–100) of unsorted samples; NaN for none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Target kinds: a ratio bound, an additive bound on the baseline, an absolute bound, or only reported. */
export type Target =
  | { kind: "ratioAtMost"; max: number }
  | { kind: "ratioAtLeast"; min: number }
  | { kind: "plusAtMost"; plus: number }
  | { kind: "valueAtMost"; max: number }
  | { kind: "reported" };

export function targetText(t: Target, unit: string): string {
  switch (t.kind) {
    case "ratioAtMost":
      return `ratio <= ${t.max}`;
    case "ratioAtLeast":
      return `ratio >= ${t.min}`;
    case "plusAtMost":
      return `<= baseline + ${t.plus} ${unit}`;
    case "valueAtMost":
      return `<= ${t.max} ${unit}`;
    case "reported":
      return "reported";
  }
}

export function isOk(t: Target, value: number, baseline: number | null): boolean {
  const ratio = baseline ? value / baseline : null;
  switch (t.kind) {
    case "ratioAtMost":
      return ratio !== null && ratio <= t.max;
    case "ratioAtLeast":
      return ratio !== null && ratio >= t.min;
    case "plusAtMost":
      return baseline !== null && value <= baseline + t.plus;
    case "valueAtMost":
      return value <= t.max;
    case "reported":
      return true;
  }
}

export function makeRow(name: string, value: number, unit: string, baseline: number | null, target: Target): BenchRow {
  const ratio = baseline ? round(value / baseline, 3) : null;
  return rowSchema.parse({
    name,
    value: round(value),
    unit,
    baseline: baseline === null ? null : round(baseline),
    ratio,
    target: targetText(target, unit),
    ok: isOk(target, value, baseline),
  });
}

export function formatTable(rows: readonly BenchRow[]): string {
  const cells = rows.map((r) => [
    r.name,
    `${r.value} ${r.unit}`,
    r.baseline === null ? "—" : String(r.baseline),
    r.ratio === null ? "—" : String(r.ratio),
    r.target,
    r.ok ? "ok" : "MISS",
  ]);
  const head = ["name", "value", "baseline", "ratio", "target", "ok"];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i]!)).join("  ");
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n");
}
