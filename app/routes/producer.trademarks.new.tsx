import { validateOnSubmit } from "../components/form-validation";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireProducer } from "../auth/guards.server";
import { FormActions, FormErrors } from "../components/form";
import { TrademarkFields } from "../components/trademark-fields";
import { trademarkFormSchema, type TrademarkForm } from "../domain/trademark-form";
import { metaTranslator, useT } from "../i18n/i18n";
import { createOwnTrademark, regNoTakenByOther } from "../../db/queries/producer-trademarks";
import { guidanceAside } from "../../db/queries/guidance";
import { TRADEMARK_GUIDANCE } from "../guidance/default-texts";
import { db } from "../services.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProducer(request);
  return { guidance: await guidanceAside(db(), TRADEMARK_GUIDANCE) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireProducer(request);
  const submission = parseWithZod(await request.formData(), { schema: trademarkFormSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  if (submission.value.reg_no && (await regNoTakenByOther(db(), submission.value.reg_no, null))) {
    return data(submission.reply({ fieldErrors: { reg_no: ["producer.regNoTaken"] } }), { status: 409 });
  }
  const id = await db()
    .transaction()
    .execute((trx) => createOwnTrademark(trx, user.organization_id, user.id, submission.value));
  throw redirect(`/producer/trademarks/${id}`);
}

export default function NewTrademark() {
  const { guidance } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm<TrademarkForm>({
    lastResult,
    defaultValue: { mark_type: "ordinary", legal_status: "registered" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: trademarkFormSchema }),
    ...validateOnSubmit,
  });
  return (
    <section className="form">
      <h1>{t("producer.newTrademark")}</h1>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <TrademarkFields fields={fields} guidance={guidance} />
        <FormActions>
          <button type="submit" className="button">
            {t("producer.save")}
          </button>
        </FormActions>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("producer.newTrademark")} · ${t("site.name")}` }];
};

export { ErrorBoundary } from "../components/route-error";
