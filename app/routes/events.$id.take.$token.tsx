import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getPublicEvent } from "../../db/queries/events";
import { redeemHandoff } from "../events/kiosk.server";
import { metaTranslator, useT } from "../i18n/i18n";
import { notFound, recordIdOr404 } from "../lib/route-params";
import { db } from "../services.server";

export { ErrorBoundary } from "../components/route-error";

export const meta: MetaFunction = ({ matches }) => [{ title: metaTranslator(matches)("handoff.title") }, { name: "robots", content: "noindex" }];

// The kiosk's QR code: spent on first use, it sends the phone to a page listing the products (a plain link the
// visitor can bookmark; no account needed).
export async function loader({ params }: LoaderFunctionArgs) {
  const event = await getPublicEvent(db(), recordIdOr404(params.id));
  if (!event) notFound();
  const ids = await redeemHandoff(db(), event.id, params.token ?? "");
  if (ids) throw redirect(`/events/${event.id}/list?ids=${ids.join(",")}`);
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
