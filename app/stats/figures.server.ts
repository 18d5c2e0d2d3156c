import type { Db } from "../../db/client";
import {
  authorisedGiUsers,
  eventOutcomes,
  giProductsByScheme,
  productsByCountyAndCategory,
  referenceFigures,
  trademarkSummary,
  trademarksDueForRenewal,
} from "../../db/queries/stats";
import { officialFigures } from "../../db/queries/official-figures";
import { todayInChina } from "../platform/china-time";

// Every figure of /stats at once, cached in-process for 60 s per China date: the figures are public and the app
// servers are stateless, so each server keeps its own short-lived copy (no shared cache needed).

export const STATS_TTL_MS = 60_000;

export async function computeStats(db: Db, today: string) {
  const [trademarks, gi, giUsers, products, renewals, events, reference, official] = await Promise.all([
    trademarkSummary(db, today),
    giProductsByScheme(db),
    authorisedGiUsers(db, today),
    productsByCountyAndCategory(db),
    trademarksDueForRenewal(db, today),
    eventOutcomes(db),
    referenceFigures(db),
    officialFigures(db),
  ]);
  return {
    today,
    computedAt: new Date().toISOString(),
    trademarks,
    gi,
    giUsers,
    products,
    renewals,
    events,
    reference,
    // the moment as text: the page receives it as JSON, and the CSV and page read the same shape
    official: official.map((f) => ({ ...f, entered_at: f.entered_at.toISOString() })),
  };
}

export type StatsData = Awaited<ReturnType<typeof computeStats>>;

const cache = new Map<string, { at: number; value: Promise<StatsData> }>();

/** Drops this server's copy, so a figure staff just entered shows at once (other servers within STATS_TTL_MS). */
export function forgetStats() {
  cache.clear();
}

export function cachedStats(db: Db, now = Date.now()): Promise<StatsData> {
  const today = todayInChina(new Date(now));
  const hit = cache.get(today);
  if (hit && now - hit.at < STATS_TTL_MS) return hit.value;
  cache.clear();
  const value = computeStats(db, today);
  // a failed computation is not cached
  value.catch(() => cache.delete(today));
  cache.set(today, { at: now, value });
  return value;
}
