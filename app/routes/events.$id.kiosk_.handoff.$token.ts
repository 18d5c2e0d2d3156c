import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { handoffTaken } from "../events/kiosk.server";
import { recordIdOr404 } from "../lib/route-params";
import { db } from "../services.server";

// GET /events/:id/kiosk/handoff/:token — {taken}: whether a phone has scanned the kiosk's hand-off QR code yet. The
// kiosk asks every few seconds while it shows the code, and starts over for the next visitor once it is taken
// (issue 19). Answers nothing else: an unknown or malformed token is simply not taken.

export async function loader({ params }: LoaderFunctionArgs) {
  const eventId = recordIdOr404(params.id);
  const taken = await handoffTaken(db(), eventId, params.token ?? "");
  return data({ taken }, { headers: { "Cache-Control": "no-store" } });
}
