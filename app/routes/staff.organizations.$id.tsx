import { validateOnSubmit } from "../components/form-validation";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole, STAFF_ROLES } from "../auth/guards.server";
import { ClaimsTable } from "../components/claims-table";
import { ConfirmAction } from "../components/confirm-action";
import { FormActions, FormErrors, SelectField, TextField } from "../components/form";
import { asText, AuditTable, creditKey, formatDate } from "../components/staff";
import { StatusBadge } from "../components/status-badge";
import { FormOutcome } from "../components/form-outcome";
import { noticeReply, type FormAnswer } from "../domain/form-reply";
import { CREDIT_STATUSES, creditSchema } from "../domain/review-forms";
import { metaTranslator, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { notFound, recordIdOr404 } from "../lib/route-params";
import { claimDecisionAction, markVerifiedAction } from "../staff/actions.server";
import { listAudit } from "../../db/queries/audit";
import { claimsOf } from "../../db/queries/claims";
import { setCreditStatus, staffOrganization } from "../../db/queries/credit-marks";
import { db } from "../services.server";
import { CreditCode } from "../components/credit-code";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, STAFF_ROLES);
  const id = recordIdOr404(params.id);
  const org = await staffOrganization(db(), id);
  if (!org) notFound();
  const [claims, history] = await Promise.all([claimsOf(db(), id), listAudit(db(), { entityType: "organization", entityId: id }, 1, 30)]);
  return { org, claims, history: history.rows };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, STAFF_ROLES);
  const id = recordIdOr404(params.id);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "claim") {
    // the claim must belong to this organisation: anything else is not found here
    const claims = await claimsOf(db(), id);
    if (!claims.some((c) => c.kind === formData.get("kind") && String(c.id) === formData.get("id"))) notFound();
    return claimDecisionAction(user, formData);
  }
  if (intent === "verify") {
    formData.set("type", "organization");
    formData.set("id", String(id));
    return markVerifiedAction(user, formData);
  }
  const submission = parseWithZod(formData, { schema: creditSchema });
  if (submission.status !== "success") return data<FormAnswer>({ ...submission.reply(), form: "credit" }, { status: 400 });
  const v = submission.value;
  const done = await db()
    .transaction()
    .execute((trx) => setCreditStatus(trx, user.id, id, { status: v.credit_status, source: v.credit_status_source, date: v.credit_status_date, note: v.note }));
  if (done === "not_found") notFound();
  return data<FormAnswer>({ ...noticeReply("staff.creditSaved", submission.reply({ resetForm: true })), form: "credit" });
}

export default function StaffOrganizationPage() {
  const { org, claims, history } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm({
    ...validateOnSubmit,
    id: `credit-${org.id}`,
    lastResult: actionData?.form === "credit" ? actionData : undefined,
    defaultValue: { credit_status: org.credit_status, credit_status_source: org.credit_status_source ?? "", credit_status_date: org.credit_status_date ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: creditSchema }),
  });
  return (
    <section>
      <h1 lang="zh-CN">{org.name_zh}</h1>
      <p>
        <StatusBadge label={t(`status.${org.status}` as MessageKey)} />
        {org.credit_status !== "normal" && <StatusBadge tone="warn" label={t(creditKey(org.credit_status))} />}
        {org.is_sample && <StatusBadge label={t("label.sample")} />}
      </p>
      <FormOutcome answer={actionData?.form === "credit" && actionData.status === "error" ? undefined : actionData} />
      <dl className="facts">
        <dt>{t("record.creditCode")}</dt>
        <dd>{org.credit_code ? <CreditCode code={org.credit_code} /> : "—"}</dd>
        <dt>{t("record.origin")}</dt>
        <dd lang="zh-CN">{org.county_zh ?? "—"}</dd>
        <dt>{t("staff.confidence")}</dt>
        <dd>
          {t(`confidence.${org.confidence}` as MessageKey)} ·{" "}
          {org.last_verified_at
            ? t("staff.lastVerified", { date: formatDate(org.last_verified_at), name: org.verified_by_name ?? "—" })
            : t("staff.notVerified")}
        </dd>
      </dl>
      <FormActions>
        {org.status === "published" && org.credit_status === "normal" && <Link to={`/organizations/${org.id}`}>{t("staff.openPublic")}</Link>}
        {org.status === "published" && (
          <Form method="post">
            <input type="hidden" name="intent" value="verify" />
            <button type="submit" className="button button--secondary">
              {t("staff.markVerified")}
            </button>
          </Form>
        )}
      </FormActions>

      <h2>{t("staff.creditTitle")}</h2>
      <p>{t("staff.creditIntro")}</p>
      <p>
        {t("staff.creditCurrent", { status: t(creditKey(org.credit_status)) })}
        {org.credit_status !== "normal" &&
          ` — ${t("staff.creditSourceShown", { source: org.credit_status_source ?? "—", date: org.credit_status_date ?? "—" })}`}
      </p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="credit" />
        <FormErrors errors={form.errors} id={form.errorId} />
        <SelectField
          meta={asText(fields.credit_status)}
          label={t("staff.creditStatus")}
          options={CREDIT_STATUSES.map((s) => ({ value: s, label: t(creditKey(s)) }))}
        />
        <TextField meta={asText(fields.credit_status_source)} label={t("staff.creditSource")} hint={t("staff.creditSourceHint")} />
        <TextField meta={asText(fields.credit_status_date)} label={t("staff.creditDate")} type="date" />
        <TextField meta={asText(fields.note)} label={t("staff.note")} />
        <FormActions>
          <button type="submit" className="button">
            {t("staff.creditSave")}
          </button>
        </FormActions>
      </Form>

      <h2>{t("staff.authorisations")}</h2>
      {claims.length === 0 ? (
        <p>{t("record.none")}</p>
      ) : (
        <ClaimsTable
          claims={claims}
          label={t("staff.authorisations")}
          showVerifier
          actions={(c) => (
            <div className="form-actions">
              {c.verification === "verified" && (
                <>
                  <Link to={`/staff/qr/${c.kind}/${c.id}`}>{t("staff.printQr")}</Link>
                  {/* revoking asks first and asks why: the reason goes into the audit log (issue 21) */}
                  <ConfirmAction
                    label={t("staff.revokeClaim")}
                    name={`${t("staff.revokeClaim")}:${c.name_zh}`}
                    question={t("staff.revokeQuestion", { name: c.name_zh })}
                    confirmLabel={t("staff.revokeConfirm")}
                  >
                    <input type="hidden" name="intent" value="claim" />
                    <input type="hidden" name="kind" value={c.kind} />
                    <input type="hidden" name="id" value={c.id} />
                    <input type="hidden" name="decision" value="revoke" />
                    <div className="field">
                      <label htmlFor={`revoke-${c.kind}-${c.id}`}>{t("staff.revokeReason")}</label>
                      <input id={`revoke-${c.kind}-${c.id}`} name="note" required maxLength={500} />
                    </div>
                  </ConfirmAction>
                </>
              )}
              {c.verification === "pending" && (
                <Form method="post">
                  <input type="hidden" name="intent" value="claim" />
                  <input type="hidden" name="kind" value={c.kind} />
                  <input type="hidden" name="id" value={c.id} />
                  <button type="submit" name="decision" value="verify" className="button">
                    {t("staff.verifyClaim")}
                  </button>{" "}
                  <button type="submit" name="decision" value="reject" className="button button--secondary">
                    {t("staff.rejectClaim")}
                  </button>
                </Form>
              )}
            </div>
          )}
        />
      )}

      <h2>{t("staff.products")}</h2>
      {org.products.length === 0 ? (
        <p>{t("record.none")}</p>
      ) : (
        <ul className="plain-list">
          {org.products.map((p) => (
            <li key={p.id}>
              <span lang="zh-CN">{p.name_zh}</span> · {t(`status.${p.status}` as MessageKey)} ·{" "}
              <Link to={`/staff/audit?entity_type=product&entity_id=${p.id}`}>{t("staff.history")}</Link>
            </li>
          ))}
        </ul>
      )}
      <h2>{t("staff.trademarks")}</h2>
      {org.trademarks.length === 0 ? (
        <p>{t("record.none")}</p>
      ) : (
        <ul className="plain-list">
          {org.trademarks.map((m) => (
            <li key={m.id}>
              <span lang="zh-CN">{m.name_zh}</span> {m.reg_no ?? ""} · {t(`status.${m.status}` as MessageKey)} ·{" "}
              <Link to={`/staff/audit?entity_type=trademark&entity_id=${m.id}`}>{t("staff.history")}</Link>
            </li>
          ))}
        </ul>
      )}
      <h2>{t("staff.accounts")}</h2>
      {org.users.length === 0 ? (
        <p>{t("record.none")}</p>
      ) : (
        <ul className="plain-list">
          {org.users.map((u) => (
            <li key={u.id}>
              {u.display_name ?? ""} {u.email ?? u.phone} · {u.disabled_at ? t("users.disabled") : t("users.active")}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/staff/users">{t("staff.users")}</Link>
      </p>
      <h2>{t("staff.history")}</h2>
      <AuditTable rows={history} showRecord={false} />
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const t = metaTranslator(matches);
  return [{ title: `${data?.org.name_zh ?? t("staff.organizations")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export { ErrorBoundary } from "../components/route-error";
