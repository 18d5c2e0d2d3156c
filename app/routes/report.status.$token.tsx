import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { hashToken } from "../auth/session.server";
import { formatDateTime } from "../components/staff";
import { metaTranslator, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { misuseReportByToken } from "../../db/queries/misuse-reports";
import { db } from "../services.server";

// The reporter's private status link: the token is compared by its hash; the page shows the case's state and dates,
// never staff notes.

export async function loader({ params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const report = /^[A-Za-z0-9_-]{43}$/.test(token) ? await misuseReportByToken(db(), hashToken(token)) : undefined;
  if (!report) return data({ report: null }, { status: 404 });
  return { report };
}

export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export default function ReportStatus() {
  const { report } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section>
      <h1>{t("report.statusTitle")}</h1>
      {!report ? (
        <p role="alert">{t("report.statusUnknown")}</p>
      ) : (
        <dl className="facts">
          <dt>{t("staff.col.record")}</dt>
          <dd>{report.case_no}</dd>
          <dt>{t("report.statusLabel")}</dt>
          <dd>{t(`report.status.${report.status}` as MessageKey)}</dd>
          <dt>{t("report.filed")}</dt>
          <dd>{formatDateTime(report.created_at)}</dd>
          <dt>{t("report.updated")}</dt>
          <dd>{formatDateTime(report.updated_at)}</dd>
        </dl>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("report.statusTitle")} · ${t("site.name")}` }, { name: "referrer", content: "no-referrer" }, { name: "robots", content: "noindex" }];
};

export { ErrorBoundary } from "../components/route-error";
