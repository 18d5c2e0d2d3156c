import { validateOnSubmit } from "../components/form-validation";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole, STAFF_ROLES } from "../auth/guards.server";
import { FormActions, FormErrors, SelectField, TextAreaField } from "../components/form";
import { Picture } from "../components/picture";
import { AuditTable, asText, formatDateTime } from "../components/staff";
import { caseSchema, MISUSE_REPORT_STATUSES } from "../domain/review-forms";
import { metaTranslator, translateMessage, useT, withoutRequiredMark } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { notFound, recordIdOr404 } from "../lib/route-params";
import { listAudit } from "../../db/queries/audit";
import { getMisuseReport, workMisuseReport } from "../../db/queries/misuse-reports";
import { db } from "../services.server";
import { noticeReply, type FormAnswer } from "../domain/form-reply";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, STAFF_ROLES);
  const id = recordIdOr404(params.id);
  const report = await getMisuseReport(db(), id);
  if (!report) notFound();
  const history = await listAudit(db(), { entityType: "misuse_report", entityId: id }, 1, 50);
  return { report, history: history.rows };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, STAFF_ROLES);
  const id = recordIdOr404(params.id);
  const submission = parseWithZod(await request.formData(), { schema: caseSchema });
  if (submission.status !== "success") return data<FormAnswer>(submission.reply(), { status: 400 });
  const current = await getMisuseReport(db(), id);
  if (!current) notFound();
  if (submission.value.status === current.status && !submission.value.note) {
    return data<FormAnswer>(submission.reply({ formErrors: ["staff.caseNothing"] }), { status: 400 });
  }
  const done = await db()
    .transaction()
    .execute((trx) => workMisuseReport(trx, user.id, id, { status: submission.value.status, note: submission.value.note }));
  if (!done) notFound();
  return noticeReply("staff.caseSaved", submission.reply({ resetForm: true }));
}

export default function ReportCase() {
  const { report, history } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm({
    ...validateOnSubmit,
    id: `case-${report.id}-${report.status}`,
    lastResult: actionData,
    defaultValue: { status: report.status },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: caseSchema }),
  });
  return (
    <section>
      <h1>{t("staff.caseTitle", { case: report.case_no })}</h1>
      <p>
        <Link to="/staff/reports">{t("staff.reports")}</Link>
      </p>
      {actionData?.notice && (
        <p className="notice" role="status">
          {translateMessage(t, actionData.notice)}
        </p>
      )}
      <dl className="facts">
        <dt>{t("staff.caseStatus")}</dt>
        <dd>{t(`report.status.${report.status}` as MessageKey)}</dd>
        <dt>{t("report.filed")}</dt>
        <dd>{formatDateTime(report.created_at)}</dd>
        <dt>{t("report.whatSeen")}</dt>
        <dd lang="zh-CN" className="prewrap">
          {report.what_seen}
        </dd>
        <dt>{t("report.gi")}</dt>
        <dd lang="zh-CN">{report.gi_name ?? t("report.giUnknown")}</dd>
        <dt>{withoutRequiredMark(t("report.placeKind"))}</dt>
        <dd>
          {t(`report.place.${report.place_kind}` as MessageKey)}
          {report.place_name && (
            <>
              {" "}
              · <span lang="zh-CN">{report.place_name}</span>
            </>
          )}
        </dd>
        {report.online_url && /^https?:\/\//.test(report.online_url) && (
          <>
            <dt>{t("report.onlineUrl")}</dt>
            <dd>
              {/* a reported seller's link: never followed with our referrer or credentials */}
              <a href={report.online_url} rel="noopener noreferrer nofollow" target="_blank">
                {report.online_url}
              </a>
            </dd>
          </>
        )}
        <dt>{t("report.seenOn")}</dt>
        <dd>{report.seen_on ?? "—"}</dd>
        <dt>{t("staff.reporterContact")}</dt>
        <dd>{report.contact ?? t("staff.noContact")}</dd>
      </dl>
      {report.images.map((img) => (
        <Picture key={img.id} variants={img.variants} alt={img.alt_zh} width={img.width} height={img.height} sizes="(max-width: 40rem) 100vw, 480px" />
      ))}

      <h2>{t("staff.notes")}</h2>
      {report.notes.length === 0 ? (
        <p>{t("staff.noHistory")}</p>
      ) : (
        <ol className="plain-list">
          {report.notes.map((n) => (
            <li key={n.id}>
              <p className="muted">
                {formatDateTime(n.created_at)} · {n.author ?? t("audit.system")}
                {n.status_from &&
                  n.status_to &&
                  ` · ${t("staff.statusChange", { from: t(`report.status.${n.status_from}` as MessageKey), to: t(`report.status.${n.status_to}` as MessageKey) })}`}
              </p>
              {n.body && (
                <p lang="zh-CN" className="prewrap">
                  {n.body}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <SelectField
          meta={asText(fields.status)}
          label={t("staff.caseStatus")}
          options={MISUSE_REPORT_STATUSES.map((s) => ({ value: s, label: t(`report.status.${s}` as MessageKey) }))}
        />
        <TextAreaField meta={asText(fields.note)} label={t("staff.addNote")} />
        <FormActions>
          <button type="submit" className="button">
            {t("staff.saveCase")}
          </button>
        </FormActions>
      </Form>
      <h2>{t("staff.history")}</h2>
      <AuditTable rows={history} showRecord={false} />
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("staff.caseTitle", { case: data?.report.case_no ?? "" })} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export { ErrorBoundary } from "../components/route-error";
