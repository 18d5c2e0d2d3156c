import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireFairStaff } from "../events/access.server";
import { fairLeadsCsv } from "../events/fair-leads-export.server";
import { csvLang } from "../events/fair-summary.server";
import { notFound, recordIdOr404 } from "../lib/route-params";
import { leadsOfEvent } from "../../db/queries/event-lead-list";
import { getEvent } from "../../db/queries/events";
import { db } from "../services.server";

// GET /events/:id/leads.csv — every lead of the event with its status, for fair staff and admins (the report's guard).
// Buyers' contact details: never cached (private, no-store). Exports are not written to the audit log (no export
// is; the log records staff decisions and record changes). Format: app/events/fair-leads-export.server.ts, README.
export async function loader({ params, request }: LoaderFunctionArgs) {
  await requireFairStaff(request);
  const event = await getEvent(db(), recordIdOr404(params.id));
  if (!event) notFound();
  const leads = await leadsOfEvent(db(), event.id);
  return new Response(fairLeadsCsv(leads, csvLang(request)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="event-${event.id}-leads.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
