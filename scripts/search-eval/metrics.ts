// The figures `npm run search:eval` reports, computed from one query's judged records and the references of the hits
// it got back, best first. Grades: a record the judged set says must come first counts 2, another relevant record 1,
// anything else 0 (unjudged hits are not relevant: a judged set lists what a buyer counts as a right answer).

export interface Judgement {
  first: readonly string[];
  relevant: readonly string[];
  not: readonly string[];
  /** a query for something the catalogue does not hold: any hit is a false hit */
  unfindable: boolean;
}

export interface QueryOutcome {
  successAt1: boolean;
  successAt3: boolean;
  ndcgAt10: number;
  zeroResults: boolean;
  /** an unfindable query that found something, or a `not` record among the hits */
  falseHit: boolean;
  /** the references that made it a false hit (for the report) */
  falseHits: string[];
}

function gain(ref: string, j: Judgement): number {
  if (j.first.includes(ref)) return 2;
  if (j.relevant.includes(ref)) return 1;
  return 0;
}

function dcg(gains: readonly number[]): number {
  return gains.reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
}

/** nDCG@k with exponential gain; the ideal order puts every `first` record, then every `relevant` one. */
export function ndcgAt(k: number, hits: readonly string[], j: Judgement): number {
  const ideal = [...j.first.map(() => 2), ...j.relevant.map(() => 1)].slice(0, k);
  const best = dcg(ideal);
  if (best === 0) return hits.length === 0 ? 1 : 0;
  return dcg(hits.slice(0, k).map((ref) => gain(ref, j))) / best;
}

export function judge(hits: readonly string[], total: number, j: Judgement): QueryOutcome {
  const falseHits = j.unfindable ? hits.slice(0, 10) : hits.filter((ref) => j.not.includes(ref));
  if (j.unfindable) {
    return { successAt1: total === 0, successAt3: total === 0, ndcgAt10: total === 0 ? 1 : 0, zeroResults: total === 0, falseHit: total > 0, falseHits };
  }
  const firsts = j.first.length > 0 ? j.first : j.relevant;
  return {
    successAt1: hits.length > 0 && firsts.includes(hits[0]!),
    successAt3: hits.slice(0, 3).some((ref) => firsts.includes(ref)),
    ndcgAt10: ndcgAt(10, hits, j),
    zeroResults: total === 0,
    falseHit: falseHits.length > 0,
    falseHits,
  };
}

export interface Summary {
  queries: number;
  successAt1: number;
  successAt3: number;
  ndcgAt10: number;
  /** share of findable queries that found nothing */
  zeroResultRate: number;
  /** share of unfindable queries that found something */
  falseHitRate: number;
  /** queries with a false hit (unfindable ones that found something, or a `not` record found) */
  falseHits: number;
}

export function summarise(outcomes: readonly { outcome: QueryOutcome; unfindable: boolean }[]): Summary {
  const findable = outcomes.filter((o) => !o.unfindable);
  const unfindable = outcomes.filter((o) => o.unfindable);
  const share = (xs: readonly unknown[], of: number) => (of === 0 ? 0 : xs.length / of);
  const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
  return {
    queries: outcomes.length,
    successAt1: share(
      outcomes.filter((o) => o.outcome.successAt1),
      outcomes.length,
    ),
    successAt3: share(
      outcomes.filter((o) => o.outcome.successAt3),
      outcomes.length,
    ),
    ndcgAt10: mean(outcomes.map((o) => o.outcome.ndcgAt10)),
    zeroResultRate: share(
      findable.filter((o) => o.outcome.zeroResults),
      findable.length,
    ),
    falseHitRate: share(
      unfindable.filter((o) => o.outcome.falseHit),
      unfindable.length,
    ),
    falseHits: outcomes.filter((o) => o.outcome.falseHit).length,
  };
}
