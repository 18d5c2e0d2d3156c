import { describe, expect, it } from "vitest";
import { translator } from "../i18n/i18n";
import type { Progress } from "./kind";
import { progressPrinter } from "./progress";

// What `npm run import` prints while a large file loads (issue 3): a bar redrawn in place when stdout is a terminal,
// plain lines a log or CI can keep otherwise. The printer writes to whatever stream it is given; here a collector.

function collector(isTTY: boolean) {
  const written: string[] = [];
  return { out: { isTTY, columns: 100, write: (s: string) => (written.push(s), true) }, written };
}

function feed(print: (p: Progress) => void, total: number, step: number) {
  for (const phase of ["validate", "write"] as const) for (let done = 0; done <= total; done += step) print({ phase, done, total });
}

describe("import progress", () => {
  it("draws a bar in place on a terminal, ending each phase at 100% on its own line", () => {
    const { out, written } = collector(true);
    feed(progressPrinter(out, translator("zh-CN")), 12_000, 500);
    const text = written.join("");
    expect(written.every((w) => w.startsWith("\r"))).toBe(true);
    expect(text).toMatch(/\r检查 \[#+\] 100% 12000\/12000\n/);
    expect(text).toMatch(/\r写入 \[#+\] 100% 12000\/12000\n/);
    expect(text.match(/\n/g)).toHaveLength(2); // only the two finished phases end a line
    expect(text).toContain("0% 0/12000");
  });

  it("prints plain lines, about one per tenth, when stdout is not a terminal", () => {
    const { out, written } = collector(false);
    feed(progressPrinter(out, translator("en")), 12_000, 100);
    expect(written.some((w) => w.includes("\r") || w.includes("#"))).toBe(false);
    expect(written.every((w) => /^(checking|writing) \d+\/12000\n$/.test(w))).toBe(true);
    expect(written).toContain("checking 12000/12000\n");
    expect(written).toContain("writing 12000/12000\n");
    expect(written.length).toBeLessThanOrEqual(2 * 11);
    expect(written.length).toBeGreaterThanOrEqual(2 * 10);
  });

  it("stays quiet for a small file", () => {
    const { out, written } = collector(true);
    feed(progressPrinter(out, translator("zh-CN")), 300, 1);
    expect(written).toEqual([]);
  });
});
