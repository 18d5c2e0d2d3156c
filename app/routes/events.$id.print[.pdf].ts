import type { LoaderFunctionArgs } from "@remix-run/node";
import { getEvent } from "../../db/queries/events";
import { isFairStaff, visibleOr404 } from "../events/access.server";
import { cataloguePdfResponse, pdfRefusal, pdfThrottle } from "../events/catalogue-pdf.server";
import { recordIdOr404 } from "../lib/route-params";
import { db } from "../services.server";

// The download button of the printable catalogue: the same page printed by Chromium, as the CLI does. Throttled per
// client before anything else, since a print that misses the cache costs seconds of Chromium time.
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const retryAfter = pdfThrottle.take(context.clientAddress);
  if (retryAfter > 0) return pdfRefusal(request, 429, retryAfter);
  const staff = await isFairStaff(request);
  const event = visibleOr404(await getEvent(db(), recordIdOr404(params.id)), staff);
  return cataloguePdfResponse(request, context, event);
}
