import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireRole, STAFF_ROLES } from "../auth/guards.server";
import { DECISIONS } from "../domain/review-forms";
import { creditKey, formatDateTime } from "../components/staff";
import { StatusBadge } from "../components/status-badge";
import { metaTranslator, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { pendingClaimCount } from "../../db/queries/claims";
import { misuseReportCounts } from "../../db/queries/misuse-reports";
import { reviewQueue } from "../../db/queries/review";
import { db } from "../services.server";
import { ScrollableTable } from "../components/scrollable-table";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, STAFF_ROLES);
  const [queue, claims, reports] = await Promise.all([reviewQueue(db()), pendingClaimCount(db()), misuseReportCounts(db())]);
  return { queue, claims, newReports: reports.new ?? 0 };
}

export default function ReviewQueue() {
  const { queue, claims, newReports } = useLoaderData<typeof loader>();
  const t = useT();
  const [params] = useSearchParams();
  const done = params.get("done");
  return (
    <section>
      <h1>{t("staff.queue")}</h1>
      {done && (DECISIONS as readonly string[]).includes(done) && (
        <p className="notice" role="status">
          {t("staff.decided", { decision: t(`decision.${done}` as MessageKey) })}
        </p>
      )}
      <p>{t("staff.queueIntro")}</p>
      <p>
        <Link to="/staff/claims">{t("staff.pendingClaims", { n: claims })}</Link> ·{" "}
        <Link to="/staff/reports?status=new">{t("staff.openReports", { n: newReports })}</Link>
      </p>
      {queue.length === 0 ? (
        <p>{t("staff.queueEmpty")}</p>
      ) : (
        <ScrollableTable label={t("staff.queue")}>
          <table className="status-table">
            <thead>
              <tr>
                <th scope="col">{t("staff.col.record")}</th>
                <th scope="col">{t("staff.col.kind")}</th>
                <th scope="col">{t("staff.col.organization")}</th>
                <th scope="col">{t("staff.col.submitted")}</th>
              </tr>
            </thead>
            <tbody>
              {queue.map((item) => (
                <tr key={`${item.kind}-${item.id}`}>
                  <td>
                    <Link to={`/staff/review/${item.kind}/${item.id}`} lang="zh-CN">
                      {item.name || `#${item.entityId}`}
                    </Link>
                  </td>
                  <td>
                    {t(`staff.kind.${item.kind}` as MessageKey)}
                    {item.kind === "revision" && ` · ${t(`entity.${item.entityType}` as MessageKey)}`}
                  </td>
                  <td>
                    <span lang="zh-CN">{item.organization ?? "—"}</span>
                    {item.creditStatus && item.creditStatus !== "normal" && <StatusBadge tone="warn" label={t(creditKey(item.creditStatus))} />}
                  </td>
                  <td>{formatDateTime(item.submittedAt)}</td>
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
  return [{ title: `${t("staff.queue")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export { ErrorBoundary } from "../components/route-error";
