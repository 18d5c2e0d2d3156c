import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole, STAFF_ROLES } from "../auth/guards.server";
import { metaTranslator, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { todayInChina } from "../platform/china-time";
import { validityText } from "../lib/format";
import { notFound, recordIdOr404 } from "../lib/route-params";
import { originIsProvisional, publicOrigin } from "../platform/public-origin.server";
import { qrSvg } from "../platform/qr.server";
import { verifyUrl } from "../staff/qr.server";
import { authorisedUserForLabel } from "../../db/queries/claims";
import { db } from "../services.server";

// A printable page per authorised user: the organisation, what it may use, and a QR code to /verify?code=….

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireRole(request, STAFF_ROLES);
  const kind = params.kind;
  if (kind !== "gi" && kind !== "brand") notFound();
  const label = await authorisedUserForLabel(db(), kind, recordIdOr404(params.id));
  if (!label) notFound();
  let qr: { url: string; svg: string } | null = null;
  let problem: MessageKey | null = null;
  const today = todayInChina();
  if (label.verification !== "verified") problem = "staff.qrNotVerified";
  // a label must lead to a /verify page that shows this right: not for a lapsed or future one, nor for an
  // organisation /verify does not list (unpublished or under a credit mark)
  else if ((label.valid_to && label.valid_to < today) || (label.valid_from && label.valid_from > today)) problem = "staff.qrNotCurrent";
  else if (label.organization_status !== "published" || label.credit_status !== "normal") problem = "staff.qrNotListed";
  else if (!label.credit_code) problem = "staff.qrNoCode";
  else {
    const url = verifyUrl(publicOrigin(context), label.credit_code);
    qr = { url, svg: await qrSvg(url) };
  }
  return { kind, label, qr, problem, provisionalOrigin: originIsProvisional() ? publicOrigin(context) : null };
}

export default function QrLabel() {
  const { kind, label, qr, problem, provisionalOrigin } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section className="qr-label">
      <h1>{t("staff.qrTitle")}</h1>
      <p className="no-print">
        <Link to={`/staff/organizations/${label.organization_id}`}>{t("staff.organizations")}</Link>
      </p>
      <p className="no-print">{t("staff.printHint")}</p>
      {provisionalOrigin && qr && <p className="notice no-print">{t("staff.qrDevOrigin", { origin: provisionalOrigin })}</p>}
      <h2 lang="zh-CN">{label.organization}</h2>
      <dl className="facts">
        <dt>{t("record.creditCode")}</dt>
        <dd>{label.credit_code ?? "—"}</dd>
        <dt>{t(`claim.kind.${kind}` as MessageKey)}</dt>
        <dd lang="zh-CN">{label.target}</dd>
        <dt>{t("staff.col.basis")}</dt>
        <dd lang="zh-CN">{label.reference ?? "—"}</dd>
        <dt>{t("staff.col.validity")}</dt>
        <dd>{validityText(t, label.valid_from, label.valid_to)}</dd>
      </dl>
      {problem ? (
        <p className="form-error" role="alert">
          {t(problem)}
        </p>
      ) : (
        qr && (
          <figure className="qr">
            <div className="qr__code" role="img" aria-label={t("staff.qrAlt", { url: qr.url })} dangerouslySetInnerHTML={{ __html: qr.svg }} />
            <figcaption>
              <p>{t("staff.qrIntro")}</p>
              <p className="qr__url">{qr.url}</p>
            </figcaption>
          </figure>
        )
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("staff.qrTitle")} · ${data?.label.organization ?? ""} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export { ErrorBoundary } from "../components/route-error";
