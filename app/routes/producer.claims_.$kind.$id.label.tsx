import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireProducer } from "../auth/guards.server";
import { QrLabelPage } from "../components/qr-label";
import { metaTranslator, useT } from "../i18n/i18n";
import { notFound, recordIdOr404 } from "../lib/route-params";
import { qrLabel } from "../staff/qr.server";

export { ErrorBoundary } from "../components/route-error";

// A producer prints the QR label of its own verified authorisation (issue 21): the same label staff print, leading
// buyers and inspectors to the organisation's /verify page. Another organisation's authorisation is not found.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireProducer(request);
  const kind = params.kind;
  if (kind !== "gi" && kind !== "brand") notFound();
  const label = await qrLabel(context, kind, recordIdOr404(params.id));
  if (!label || label.label.organization_id !== user.organization_id) notFound();
  return label;
}

export default function ProducerQrLabel() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  return <QrLabelPage data={data} back={{ to: "/producer/claims", label: t("producer.claimsBack") }} />;
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("staff.qrTitle")} · ${data?.label.organization ?? ""} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};
