import type { Translate } from "../i18n/i18n";
import type { Progress } from "./kind";

// Progress of a long import: a bar redrawn in place on a terminal, a plain line every tenth otherwise (logs, CI).

interface Output {
  isTTY?: boolean;
  columns?: number;
  write(s: string): boolean;
}

export function progressPrinter(out: Output, t: Translate): (p: Progress) => void {
  let lastPhase = "";
  let lastStep = -1;
  let lastDraw = 0;
  return (p) => {
    // small files finish before a bar could tell anyone anything
    if (p.total < 500) return;
    const label = t(p.phase === "validate" ? "import.progressValidate" : "import.progressWrite");
    const fraction = Math.min(1, p.done / p.total);
    const finished = p.done >= p.total;
    if (out.isTTY) {
      const now = Date.now();
      if (!finished && p.phase === lastPhase && now - lastDraw < 100) return;
      lastDraw = now;
      lastPhase = p.phase;
      const width = Math.max(10, Math.min(40, (out.columns ?? 80) - 40));
      const filled = Math.round(fraction * width);
      out.write(`\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${Math.round(fraction * 100)}% ${p.done}/${p.total}${finished ? "\n" : ""}`);
      return;
    }
    const step = Math.floor(fraction * 10);
    if (p.phase === lastPhase && step === lastStep) return;
    lastPhase = p.phase;
    lastStep = step;
    out.write(`${label} ${p.done}/${p.total}\n`);
  };
}
