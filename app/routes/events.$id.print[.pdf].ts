import type { LoaderFunctionArgs } from "@remix-run/node";
import { getEvent } from "../../db/queries/events";
import { isFairStaff, visibleOr404 } from "../events/access.server";
import { renderCataloguePdf } from "../events/pdf.server";
import { recordIdOr404 } from "../lib/route-params";
import { db } from "../services.server";

// The download button of the printable catalogue: the same page printed by Chromium, as the CLI does.
export async function loader({ params, request }: LoaderFunctionArgs) {
  const staff = await isFairStaff(request);
  const event = visibleOr404(await getEvent(db(), recordIdOr404(params.id)), staff);
  const pdf = await renderCataloguePdf(new URL(request.url).origin, event.id, { cookie: request.headers.get("cookie") ?? undefined });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="event-${event.id}-catalogue.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
