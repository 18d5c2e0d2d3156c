import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getPublicEvent } from "../../db/queries/events";
import { addToShortlistWith } from "../buyers/shortlist.server";
import { handoffLanding, redeemHandoff } from "../events/kiosk.server";
import { metaTranslator, useT } from "../i18n/i18n";
import { notFound, recordIdOr404 } from "../lib/route-params";
import { db } from "../services.server";

export { ErrorBoundary } from "../components/route-error";

export const meta: MetaFunction = ({ matches }) => [{ title: metaTranslator(matches)("handoff.title") }, { name: "robots", content: "noindex" }];

// The kiosk's QR code: spent on first use, it puts the products into the visitor's own shortlist (对比清单: their
// account's, or the anonymous one behind their cookie, started here if need be) and lands there, where the inquiry is.
// Spending the token and adding the products are one transaction: a list is never half taken. Used or expired: 410.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const event = await getPublicEvent(db(), recordIdOr404(params.id));
  if (!event) notFound();
  const taken = await addToShortlistWith(request, (trx) => redeemHandoff(trx, event.id, params.token ?? ""));
  if (taken) throw redirect(handoffLanding(taken.results), { headers: taken.setCookie ? { "Set-Cookie": taken.setCookie } : undefined });
  return data({ eventId: event.id }, { status: 410, headers: { "Cache-Control": "no-store" } });
}

export default function HandoffUsedPage() {
  const { eventId } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div>
      <h1>{t("handoff.title")}</h1>
      <p role="alert">{t("handoff.used")}</p>
      <Link to={`/events/${eventId}`}>{t("events.back")}</Link>
    </div>
  );
}
