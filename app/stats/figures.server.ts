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
import { todayInChina } from "../platform/china-time";

// Every figure of /stats at once, cached in-process for 60 s per China date: the figures are public and the app
// servers are stateless, so each server keeps its own short-lived copy (no shared cache needed).

export const STATS_TTL_MS = 60_000;

export async function computeStats(db: Db, today: string) {
  const [trademarks, gi, giUsers, products, renewals, events, reference] = await Promise.all([
    trademarkSummary(db, today),
    giProductsByScheme(db),
    authorisedGiUsers(db, today),
    productsByCountyAndCategory(db),
    trademarksDueForRenewal(db, today),
    eventOutcomes(db),
    referenceFigures(db),
  ]);
  return { today, computedAt: new Date().toISOString(), trademarks, gi, giUsers, products, renewals, events, reference };
}

export type StatsData = Awaited<ReturnType<typeof computeStats>>;

const cache = new Map<string, { at: number; value: Promise<StatsData> }>();

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
