import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireFairStaff } from "../events/access.server";
import { fairLeadsCsv } from "../events/fair-leads-export.server";
import { csvLang } from "../events/fair-summary.server";
import { notFound, recordIdOr404 } from "../lib/route-params";
import { leadsOfEvent } from "../../db/queries/event-lead-list";
import { getEvent } from "../../db/queries/events";
import { writeAudit } from "../../db/queries/audit";
import { db } from "../services.server";

// GET /events/:id/leads.csv — every lead of the event with its status, for fair staff and admins (the report's guard).
// Buyers' contact details: never cached (private, no-store), and every download is written to the audit log (PIPL:
// staff exports of personal data are accountable). Format: app/events/fair-leads-export.server.ts, README.
export async function loader({ params, request }: LoaderFunctionArgs) {
  const user = await requireFairStaff(request);
  const event = await getEvent(db(), recordIdOr404(params.id));
  if (!event) notFound();
  const leads = await leadsOfEvent(db(), event.id);
  await writeAudit(db(), { actorId: user.id, action: "export_personal_data", entityType: "event", entityId: event.id, note: `leads.csv: ${leads.length}` });
  return new Response(fairLeadsCsv(leads, csvLang(request)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="event-${event.id}-leads.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
