import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole, STAFF_ROLES } from "../auth/guards.server";
import { creditKey, formatDateTime } from "../components/staff";
import { FormOutcome } from "../components/form-outcome";
import { StatusBadge } from "../components/status-badge";
import { metaTranslator, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { validityText } from "../lib/format";
import { claimDecisionAction } from "../staff/actions.server";
import { pendingClaims } from "../../db/queries/claims";
import { db } from "../services.server";
import { CreditCode } from "../components/credit-code";
import { StaffEvidenceLinks } from "../components/claim-evidence";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, STAFF_ROLES);
  return { claims: await pendingClaims(db()) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, STAFF_ROLES);
  return claimDecisionAction(user, await request.formData());
}

export default function ClaimsQueue() {
  const { claims } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <section>
      <h1>{t("staff.claims")}</h1>
      <p>{t("staff.claimsIntro")}</p>
      <FormOutcome answer={result} />
      {claims.length === 0 ? (
        <p>{t("staff.claimsEmpty")}</p>
      ) : (
        <ul className="card-list">
          {claims.map((c) => (
            <li key={`${c.kind}-${c.id}`} className="card">
              <h2>
                <span lang="zh-CN">{c.target}</span> · {t(`claim.kind.${c.kind}` as MessageKey)}
              </h2>
              {c.renews_id !== null && <p className="notice">{t("staff.claimRenews")}</p>}
              <dl className="facts">
                <dt>{t("staff.col.organization")}</dt>
                <dd>
                  <Link to={`/staff/organizations/${c.organization_id}`} lang="zh-CN">
                    {c.organization}
                  </Link>{" "}
                  {c.credit_code && <CreditCode code={c.credit_code} />}
                  {c.credit_status !== "normal" && <StatusBadge tone="warn" label={t(creditKey(c.credit_status))} />}
                </dd>
                <dt>{t("staff.col.basis")}</dt>
                <dd>
                  {c.basis ? `${t(`basis.${c.basis}` as MessageKey)} · ` : `${t("claim.licence")} · `}
                  <span lang="zh-CN">{c.reference ?? "—"}</span>
                </dd>
                <dt>{t("evidence.staffList")}</dt>
                <dd>{c.evidence.length === 0 ? t("evidence.none") : <StaffEvidenceLinks evidence={c.evidence} />}</dd>
                <dt>{t("staff.col.validity")}</dt>
                <dd>{validityText(t, c.valid_from, c.valid_to)}</dd>
                <dt>{t("staff.col.submitted")}</dt>
                <dd>{formatDateTime(c.updated_at)}</dd>
              </dl>
              <Form method="post" className="inline-fields">
                <input type="hidden" name="kind" value={c.kind} />
                <input type="hidden" name="id" value={c.id} />
                <div className="field">
                  <label htmlFor={`note-${c.kind}-${c.id}`}>{t("staff.note")}</label>
                  <input id={`note-${c.kind}-${c.id}`} name="note" maxLength={500} />
                </div>
                <div className="form-actions">
                  <button type="submit" name="decision" value="verify" className="button">
                    {t("staff.verifyClaim")}
                  </button>
                  <button type="submit" name="decision" value="reject" className="button button--secondary">
                    {t("staff.rejectClaim")}
                  </button>
                </div>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("staff.claims")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export { ErrorBoundary } from "../components/route-error";
