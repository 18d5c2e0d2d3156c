import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole, STAFF_ROLES } from "../auth/guards.server";
import { Trans } from "../components/content-text";
import { FormActions, FormErrors, TextAreaField, TextField } from "../components/form";
import { validateOnSubmit } from "../components/form-validation";
import { AuditTable, asText } from "../components/staff";
import { noticeReply, type FormAnswer } from "../domain/form-reply";
import { isGuidanceTopic, type GuidanceTopic } from "../guidance/default-texts";
import { guidanceTextSchema } from "../guidance/forms";
import { metaTranslator, translateMessage, useT } from "../i18n/i18n";
import { notFound } from "../lib/route-params";
import { guidanceHistory, guidanceTopic, restoreGuidanceDefault, saveGuidanceText } from "../../db/queries/guidance";
import { db } from "../services.server";

// /staff/guidance/:topic: staff rewrite one guidance topic (zh required, en optional) or restore its default text.
// Both are audited (db/queries/guidance.ts), and the topic's history is listed below the form.

function topicOr404(raw: string | undefined): GuidanceTopic {
  if (!isGuidanceTopic(raw)) notFound();
  return raw;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, STAFF_ROLES);
  const topic = topicOr404(params.topic);
  const [entry, history] = await Promise.all([guidanceTopic(db(), topic), guidanceHistory(db(), topic)]);
  return { entry, history };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, STAFF_ROLES);
  const topic = topicOr404(params.topic);
  const formData = await request.formData();
  if (formData.get("intent") === "restore") {
    const restored = await db()
      .transaction()
      .execute((trx) => restoreGuidanceDefault(trx, user.id, topic));
    return noticeReply(restored ? "staffGuide.restored" : "staffGuide.nothingToRestore", { status: "success", form: "restore" } as FormAnswer);
  }
  const submission = parseWithZod(formData, { schema: guidanceTextSchema });
  if (submission.status !== "success") return data<FormAnswer>(submission.reply(), { status: 400 });
  const { title_zh, body_zh, title_en, body_en } = submission.value;
  await db()
    .transaction()
    .execute((trx) => saveGuidanceText(trx, user.id, topic, { title_zh, body_zh, title_en, body_en }));
  return noticeReply("staffGuide.saved", submission.reply());
}

export default function EditGuidance() {
  const { entry, history } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm({
    ...validateOnSubmit,
    // a new id after a restore, so the fields show the default text again instead of what was typed
    id: `guidance-${entry.topic}-${entry.custom ? "custom" : "default"}`,
    lastResult: answer?.form === "restore" ? undefined : answer,
    defaultValue: { title_zh: entry.title_zh, body_zh: entry.body_zh, title_en: entry.title_en, body_en: entry.body_en },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: guidanceTextSchema }),
  });
  return (
    <section className="form guidance-edit">
      <h1>
        <Trans k="staffGuide.editTitle" vars={{ topic: <span lang="zh-CN">{entry.title_zh}</span> }} />
      </h1>
      <p>
        <Link to="/staff/guidance">{t("staff.guidance")}</Link> · <Link to={`/guide/${entry.topic}`}>{t("staffGuide.view")}</Link>
      </p>
      <p>{entry.custom ? t("staffGuide.custom") : t("staffGuide.default")}</p>
      {answer?.notice && (
        <p className="notice" role="status">
          {translateMessage(t, answer.notice)}
        </p>
      )}
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <input type="hidden" name="intent" value="save" />
        <TextField meta={asText(fields.title_zh)} label={t("staffGuide.titleZh")} lang="zh-CN" />
        <TextAreaField meta={asText(fields.body_zh)} label={t("staffGuide.bodyZh")} hint={t("staffGuide.format")} lang="zh-CN" />
        <TextField meta={asText(fields.title_en)} label={t("staffGuide.titleEn")} hint={t("staffGuide.enHint")} lang="en" />
        <TextAreaField meta={asText(fields.body_en)} label={t("staffGuide.bodyEn")} lang="en" />
        <FormActions>
          <button type="submit" className="button">
            {t("staffGuide.save")}
          </button>
        </FormActions>
      </Form>
      {entry.custom && (
        <Form method="post">
          <input type="hidden" name="intent" value="restore" />
          <p className="field-hint">{t("staffGuide.restoreHint")}</p>
          <button type="submit" className="button button--secondary">
            {t("staffGuide.restore")}
          </button>
        </Form>
      )}
      <h2>{t("staffGuide.history")}</h2>
      <AuditTable rows={history} showRecord={false} />
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("staffGuide.editTitle", { topic: data?.entry.title_zh ?? "" })} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export { ErrorBoundary } from "../components/route-error";
