import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireRole, STAFF_ROLES } from "../auth/guards.server";
import { formatDateTime } from "../components/staff";
import { MISUSE_REPORT_STATUSES } from "../domain/review-forms";
import { metaTranslator, useT, withoutRequiredMark } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { listMisuseReports } from "../../db/queries/misuse-reports";
import type { MisuseReportStatus } from "../../db/schema";
import { db } from "../services.server";
import { ScrollableTable } from "../components/scrollable-table";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, STAFF_ROLES);
  const raw = new URL(request.url).searchParams.get("status") || null;
  if (raw && !(MISUSE_REPORT_STATUSES as readonly string[]).includes(raw))
    throw data({ error: `status: must be one of ${MISUSE_REPORT_STATUSES.join(" / ")}` }, { status: 400 });
  const status = raw as MisuseReportStatus | null;
  return { status, reports: await listMisuseReports(db(), status) };
}

export default function ReportQueue() {
  const { status, reports } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section>
      <h1>{t("staff.reports")}</h1>
      <p>{t("staff.reportsIntro")}</p>
      <Form method="get" className="inline-fields">
        <div className="field">
          <label htmlFor="report-status">{t("staff.caseStatus")}</label>
          <select id="report-status" name="status" defaultValue={status ?? ""}>
            <option value="">{t("staff.allOpen")}</option>
            {MISUSE_REPORT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`report.status.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--secondary">
            {t("staff.show")}
          </button>
        </div>
      </Form>
      {reports.length === 0 ? (
        <p>{t("staff.reportsEmpty")}</p>
      ) : (
        <ScrollableTable label={t("staff.reports")}>
          <table className="status-table">
            <thead>
              <tr>
                <th scope="col">{t("staff.col.record")}</th>
                <th scope="col">{withoutRequiredMark(t("report.placeKind"))}</th>
                <th scope="col">{t("staff.caseStatus")}</th>
                <th scope="col">{t("staff.col.submitted")}</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/staff/reports/${r.id}`}>{r.case_no}</Link>
                    {r.gi_name && (
                      <>
                        {" "}
                        · <span lang="zh-CN">{r.gi_name}</span>
                      </>
                    )}
                    <p lang="zh-CN">{r.summary}</p>
                  </td>
                  <td>{t(`report.place.${r.place_kind}` as MessageKey)}</td>
                  <td>{t(`report.status.${r.status}` as MessageKey)}</td>
                  <td>{formatDateTime(r.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("staff.reports")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export { ErrorBoundary } from "../components/route-error";
