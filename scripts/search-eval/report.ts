import type { Summary } from "./metrics";
import type { EvalResult } from "./run";

// The text search:eval prints: overall and per-class figures, then every query that missed.

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function row(label: string, s: Summary): string {
  return `| ${label} | ${s.queries} | ${pct(s.successAt1)} | ${pct(s.successAt3)} | ${s.ndcgAt10.toFixed(3)} | ${pct(s.zeroResultRate)} | ${pct(s.falseHitRate)} | ${s.falseHits} |`;
}

export function formatReport(result: EvalResult): string {
  const lines = [
    `### ${result.engine}`,
    "",
    "| class | queries | success@1 | success@3 | nDCG@10 | zero results (findable) | false hits (unfindable) | queries with a false hit |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
    row("**all**", result.overall),
    ...result.byClass.map(([c, s]) => row(c, s)),
  ];
  const missed = result.runs.filter((r) => !r.outcome.successAt1 || r.outcome.falseHit);
  lines.push("", `${missed.length} queries missed (not first at #1, or a false hit):`, "");
  for (const r of missed) {
    const filters = r.query.filters ? ` ${JSON.stringify(r.query.filters)}` : "";
    const want = r.query.class === "unfindable" ? "nothing" : (r.query.first ?? []).join(" | ");
    const marks = [
      !r.outcome.successAt3 && r.query.class !== "unfindable" ? "not in top 3" : "",
      r.outcome.falseHit ? `false hit: ${r.outcome.falseHits.join(", ")}` : "",
      r.relaxed ? "relaxed" : "",
    ]
      .filter(Boolean)
      .join("; ");
    lines.push(`- \`${r.query.q}\`${filters} [${r.query.class}] want ${want}; got ${r.hits.slice(0, 3).join(" · ") || "nothing"}${marks ? ` (${marks})` : ""}`);
  }
  return lines.join("\n");
}
