import { validateOnSubmit } from "../components/form-validation";
import { getFormProps, useForm, type DefaultValue } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireProducer } from "../auth/guards.server";
import { FormActions, FormErrors } from "../components/form";
import { RecordEditHeader, savedMessage, SubmitForReviewForm, submittedMessage } from "../components/record-edit";
import { TrademarkFields } from "../components/trademark-fields";
import { trademarkFormSchema, type TrademarkForm } from "../domain/trademark-form";
import { metaTranslator, useT } from "../i18n/i18n";

import { notFound, recordIdOr404 } from "../lib/route-params";
import { getOwnTrademark, regNoTakenByOther, saveOwnTrademark, submitOwnTrademark } from "../../db/queries/producer-trademarks";
import { guidanceAside } from "../../db/queries/guidance";
import { TRADEMARK_GUIDANCE } from "../guidance/default-texts";
import { db } from "../services.server";
import { noticeReply, type FormAnswer } from "../domain/form-reply";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireProducer(request);
  const [tm, guidance] = await Promise.all([getOwnTrademark(db(), user.organization_id, recordIdOr404(params.id)), guidanceAside(db(), TRADEMARK_GUIDANCE)]);
  if (!tm) notFound();
  const r = tm.revision?.data as (Partial<TrademarkForm> & { nice_classes?: number[] }) | undefined;
  const str = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  const source = r ?? { ...tm, nice_classes: tm.class_list ? tm.class_list.split(";").map(Number) : [] };
  return {
    guidance,
    id: tm.id,
    status: tm.status,
    revision: tm.revision?.status ?? null,
    reviewComment: tm.revision?.review_comment ?? tm.review_comment,
    // form input shape (classes as "29;30", checkboxes as "on"), not the parsed schema output
    defaults: {
      reg_no: str(source.reg_no),
      name_zh: str(source.name_zh),
      name_en: str(source.name_en),
      mark_type: str(source.mark_type),
      nice_classes: (source.nice_classes ?? []).join(";"),
      goods: str(source.goods),
      application_date: str(source.application_date),
      registration_date: str(source.registration_date),
      legal_status: str(source.legal_status),
      well_known: source.well_known ? "on" : undefined,
      well_known_year: str(source.well_known_year),
      provincial_famous: source.provincial_famous ? "on" : undefined,
    } as unknown as DefaultValue<TrademarkForm>,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireProducer(request);
  const id = recordIdOr404(params.id);
  const formData = await request.formData();
  if (formData.get("intent") === "submit") {
    const result = await db()
      .transaction()
      .execute((trx) => submitOwnTrademark(trx, user.organization_id, id));
    if (result === "not_found") notFound();
    return noticeReply(submittedMessage(result));
  }
  const submission = parseWithZod(formData, { schema: trademarkFormSchema });
  if (submission.status !== "success") return data<FormAnswer>(submission.reply(), { status: 400 });
  if (submission.value.reg_no && (await regNoTakenByOther(db(), submission.value.reg_no, id))) {
    return data<FormAnswer>(submission.reply({ fieldErrors: { reg_no: ["producer.regNoTaken"] } }), { status: 409 });
  }
  const saved = await db()
    .transaction()
    .execute((trx) => saveOwnTrademark(trx, user.organization_id, id, user.id, submission.value));
  if (saved === "not_found") notFound();
  return noticeReply(savedMessage(saved), submission.reply());
}

export default function EditTrademark() {
  const { id, status, revision, reviewComment, defaults, guidance } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm<TrademarkForm>({
    id: `trademark-${id}`,
    lastResult: actionData,
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: trademarkFormSchema }),
    ...validateOnSubmit,
  });
  return (
    <section className="form">
      <RecordEditHeader title={t("producer.editTrademark")} status={status} revision={revision} reviewComment={reviewComment} message={actionData?.notice} />
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <TrademarkFields fields={fields} guidance={guidance} />
        <FormActions>
          <button type="submit" className="button">
            {t("producer.save")}
          </button>
        </FormActions>
      </Form>
      <SubmitForReviewForm />
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("producer.editTrademark")} · ${t("site.name")}` }];
};

export { ErrorBoundary } from "../components/route-error";
