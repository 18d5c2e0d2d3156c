import { CompletenessMeter, CONFIRM_SUBMIT_BELOW_PERCENT } from "../components/completeness-meter";
import { validateOnSubmit } from "../components/form-validation";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireProducer } from "../auth/guards.server";
import { ConfirmAction } from "../components/confirm-action";
import { Trans } from "../components/content-text";
import { FormActions, FormErrors } from "../components/form";
import { RecordEditHeader, savedMessage, SubmitForReviewForm, submittedMessage } from "../components/record-edit";
import { ProductFields, productDefaults } from "../components/product-fields";
import { productCompleteness } from "../domain/completeness";
import { productFormSchema, type ProductForm } from "../domain/product-form";
import { joinList, metaTranslator, usePreferences, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { notFound, recordIdOr404 } from "../lib/route-params";
import { productPictures } from "../../db/queries/product-pictures";
import { brandLinksAllowed, getOwnProduct, productChoices, saveOwnProduct, submitOwnProduct } from "../../db/queries/producer-products";
import { db } from "../services.server";
import { noticeReply, type FormAnswer } from "../domain/form-reply";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireProducer(request);
  const product = await getOwnProduct(db(), user.organization_id, recordIdOr404(params.id));
  if (!product) notFound();
  const editing = (product.revision?.data as Record<string, unknown> | undefined) ?? product;
  return {
    id: product.id,
    name: product.name_zh,
    status: product.status,
    reviewComment: product.revision?.review_comment ?? product.review_comment,
    revision: product.revision?.status ?? null,
    defaults: productDefaults(editing as Parameters<typeof productDefaults>[0]),
    // the meter follows what is being edited: an open revision's data and its pictures, else the live row
    completeness: productCompleteness({
      ...(editing as Parameters<typeof productCompleteness>[0]),
      imageCount: (await productPictures(db(), product.id)).pictures.length,
    }),
    choices: await productChoices(db(), user.organization_id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireProducer(request);
  const id = recordIdOr404(params.id);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "submit") {
    const result = await db()
      .transaction()
      .execute((trx) => submitOwnProduct(trx, user.organization_id, id));
    if (result === "not_found") notFound();
    return noticeReply(submittedMessage(result));
  }
  const submission = parseWithZod(formData, { schema: productFormSchema });
  if (submission.status !== "success") return data<FormAnswer>(submission.reply(), { status: 400 });
  const badLink = await brandLinksAllowed(db(), user.organization_id, submission.value);
  if (badLink) return data<FormAnswer>(submission.reply({ fieldErrors: { [badLink]: ['validation.unknownReference|{"value":"id"}'] } }), { status: 400 });
  const saved = await db()
    .transaction()
    .execute((trx) => saveOwnProduct(trx, user.organization_id, id, user.id, submission.value));
  if (saved === "not_found") notFound();
  return noticeReply(savedMessage(saved), submission.reply());
}

export default function EditProduct() {
  const { id, name, status, reviewComment, revision, defaults, completeness, choices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const { lang } = usePreferences();
  const [form, fields] = useForm<ProductForm>({
    id: `product-${id}`,
    lastResult: actionData,
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: productFormSchema }),
    ...validateOnSubmit,
  });
  return (
    <section className="form">
      <RecordEditHeader title={t("producer.editProduct")} status={status} revision={revision} reviewComment={reviewComment} message={actionData?.notice} />
      <CompletenessMeter
        completeness={completeness}
        targets={{
          image: `/producer/products/${id}/images`,
          nameEn: `#${fields.name_en.id}`,
          availability: "#product-months",
          minOrder: `#${fields.min_order_qty.id}`,
          description: `#${fields.description_zh.id}`,
          certificateExpiry: "#product-certifications",
        }}
      />
      <p>
        <Link to={`/producer/products/${id}/images`}>{t("product.managePictures")}</Link>
      </p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <ProductFields fields={fields} choices={choices} />
        <FormActions>
          <button type="submit" className="button">
            {t("producer.save")}
          </button>
        </FormActions>
      </Form>
      <FormActions>
        <SubmitForReviewForm
          confirm={
            completeness.percent < CONFIRM_SUBMIT_BELOW_PERCENT
              ? t("producer.submitIncomplete", {
                  percent: completeness.percent,
                  missing: joinList(
                    lang,
                    completeness.missing.map((m) => t(`missing.${m}` as MessageKey)),
                  ),
                })
              : undefined
          }
        />
      </FormActions>
      {/* set apart from 提交审核 and outlined in red: it asks first, then moves the product to the recycle bin */}
      <div className="product-delete">
        <ConfirmAction
          action="/producer/products/bin"
          tone="danger"
          label={t("producer.delete")}
          name={t("producer.deleteName", { name })}
          question={<Trans k="producer.deleteQuestion" vars={{ name: <span lang="zh-CN">{name}</span> }} />}
          confirmLabel={t("producer.deleteConfirm")}
        >
          <input type="hidden" name="intent" value="bin" />
          <input type="hidden" name="id" value={id} />
        </ConfirmAction>
      </div>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("producer.editProduct")} · ${t("site.name")}` }];
};

export { ErrorBoundary } from "../components/route-error";
