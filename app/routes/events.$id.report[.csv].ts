import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireFairStaff } from "../events/access.server";
import { csvLang, fairSummaryCsv, fairSummaryDays } from "../events/fair-summary.server";
import { notFound, recordIdOr404 } from "../lib/route-params";
import { fairSummary } from "../../db/queries/event-leads";
import { getEvent } from "../../db/queries/events";
import { db } from "../services.server";

// GET /events/:id/report.csv — the fair summary for a spreadsheet, Chinese headers (English codes with ?lang=en); format:
// app/events/fair-summary.server.ts, README.
export async function loader({ params, request }: LoaderFunctionArgs) {
  await requireFairStaff(request);
  const event = await getEvent(db(), recordIdOr404(params.id));
  if (!event) notFound();
  const rows = await fairSummary(db(), event.id);
  return new Response(fairSummaryCsv(rows, fairSummaryDays(event, rows), csvLang(request)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="event-${event.id}-report.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
