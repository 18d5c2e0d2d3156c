import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireRole, STAFF_ROLES } from "../auth/guards.server";
import { creditKey } from "../components/staff";
import { StatusBadge } from "../components/status-badge";
import { metaTranslator, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { staffOrganizations } from "../../db/queries/credit-marks";
import { db } from "../services.server";
import { ScrollableTable } from "../components/scrollable-table";
import { CreditCode } from "../components/credit-code";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, STAFF_ROLES);
  const params = new URL(request.url).searchParams;
  const q = (params.get("q") ?? "").trim();
  if ([...q].length > 100) throw data({ error: "q: 100 characters at most" }, { status: 400 });
  const marked = params.get("marked") === "1";
  return { q, marked, organizations: await staffOrganizations(db(), q || null, marked) };
}

export default function StaffOrganizations() {
  const { q, marked, organizations } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section>
      <h1>{t("staff.organizations")}</h1>
      <Form method="get" className="inline-fields" role="search">
        <div className="field">
          <label htmlFor="org-q">{t("staff.orgSearch")}</label>
          <input id="org-q" name="q" type="search" defaultValue={q} maxLength={100} />
        </div>
        <div className="field">
          <label className="choice">
            <input type="checkbox" name="marked" value="1" defaultChecked={marked} /> {t("staff.onlyMarked")}
          </label>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--secondary">
            {t("staff.search")}
          </button>
        </div>
      </Form>
      {organizations.length === 0 ? (
        <p>{t("staff.noOrganizations")}</p>
      ) : (
        <ScrollableTable label={t("staff.organizations")}>
          <table className="status-table">
            <thead>
              <tr>
                <th scope="col">{t("staff.col.organization")}</th>
                <th scope="col">{t("record.creditCode")}</th>
                <th scope="col">{t("staff.col.status")}</th>
                <th scope="col">{t("staff.col.credit")}</th>
              </tr>
            </thead>
            <tbody>
              {organizations.map((o) => (
                <tr key={o.id}>
                  <td>
                    <Link to={`/staff/organizations/${o.id}`} lang="zh-CN">
                      {o.name_zh}
                    </Link>
                    {o.is_sample && <StatusBadge label={t("label.sample")} />}
                  </td>
                  <td>{o.credit_code ? <CreditCode code={o.credit_code} /> : "—"}</td>
                  <td>{t(`status.${o.status}` as MessageKey)}</td>
                  <td>{o.credit_status === "normal" ? t("credit.normal") : <StatusBadge tone="warn" label={t(creditKey(o.credit_status))} />}</td>
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
  return [{ title: `${t("staff.organizations")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export { ErrorBoundary } from "../components/route-error";
