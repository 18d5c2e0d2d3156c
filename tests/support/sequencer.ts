import { BaseSequencer, type TestSpecification } from "vitest/node";

// Which test files start first. On a clean clone (no Vitest cache, as in CI) Vitest starts the largest files first;
// the four page walks are small files that run for minutes each, so they started last and ran on alone at the end of
// the run. Starting the slowest suites first lets the many short files fill in around them (2 workers).
const SLOWEST_FIRST = [/tests\/e2e\/every-/, /tests\/e2e\//, /tests\/(faults|deploy|http|hostile)\//];

function priority(file: TestSpecification): number {
  const i = SLOWEST_FIRST.findIndex((pattern) => pattern.test(file.moduleId));
  return i === -1 ? SLOWEST_FIRST.length : i;
}

export default class SlowestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    // a stable sort: Vitest's own order (failed first, then duration or size) is kept within each group
    return sorted
      .map((file, i) => ({ file, i, p: priority(file) }))
      .sort((a, b) => a.p - b.p || a.i - b.i)
      .map((x) => x.file);
  }
}
