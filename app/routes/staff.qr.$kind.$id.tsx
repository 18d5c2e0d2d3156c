import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRole, STAFF_ROLES } from "../auth/guards.server";
import { QrLabelPage } from "../components/qr-label";
import { metaTranslator, useT } from "../i18n/i18n";
import { notFound, recordIdOr404 } from "../lib/route-params";
import { qrLabel } from "../staff/qr.server";

// A printable page per authorised user: the organisation, what it may use, and a QR code to /verify?code=….

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireRole(request, STAFF_ROLES);
  const kind = params.kind;
  if (kind !== "gi" && kind !== "brand") notFound();
  const label = await qrLabel(context, kind, recordIdOr404(params.id));
  if (!label) notFound();
  return label;
}

export default function StaffQrLabel() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  return <QrLabelPage data={data} back={{ to: `/staff/organizations/${data.label.organization_id}`, label: t("staff.organizations") }} />;
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("staff.qrTitle")} · ${data?.label.organization ?? ""} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export { ErrorBoundary } from "../components/route-error";
