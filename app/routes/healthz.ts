import { pingDatabase } from "../../db/queries/health";
import { db, search } from "../services.server";

async function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("timeout")), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** docs/interfaces.md: 200 with search "degraded" when only Meilisearch is down; 503 when the database is. */
export async function loader() {
  const [dbOk, searchOk] = await Promise.all([
    within(pingDatabase(db()), 2000).then(
      () => true,
      () => false,
    ),
    within(search().client.health(), 1000).then(
      () => true,
      () => false,
    ),
  ]);
  const body = { status: dbOk ? "ok" : "down", db: dbOk ? "ok" : "down", search: searchOk ? "ok" : "degraded" };
  return Response.json(body, { status: dbOk ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
