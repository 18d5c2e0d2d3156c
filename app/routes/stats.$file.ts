import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "../services.server";
import { figureCsv, FIGURES, isFigure } from "../stats/csv.server";
import { cachedStats } from "../stats/figures.server";

// GET /stats/<figure>.csv — the data table behind one chart of /stats (UTF-8 with BOM, so Excel opens it as such).
export async function loader({ params }: LoaderFunctionArgs) {
  const file = params.file ?? "";
  const name = file.endsWith(".csv") ? file.slice(0, -4) : "";
  if (!isFigure(name)) {
    return new Response(`no such figure: one of ${FIGURES.map((f) => `${f}.csv`).join(", ")}\n`, {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const stats = await cachedStats(db());
  return new Response(figureCsv(name, stats), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="haidong-stats-${name}-${stats.today}.csv"`,
      "Cache-Control": "public, max-age=60",
    },
  });
}
