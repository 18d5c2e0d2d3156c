import { CompletenessMeter } from "../components/completeness-meter";
import { productCompleteness } from "../domain/completeness";
import { validateOnSubmit } from "../components/form-validation";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireProducer } from "../auth/guards.server";
import { FormActions, FormErrors } from "../components/form";
import { ProductFields } from "../components/product-fields";
import { productFormSchema, type ProductForm } from "../domain/product-form";
import { metaTranslator, useT } from "../i18n/i18n";
import { brandLinksAllowed, createDraftProduct, productChoices } from "../../db/queries/producer-products";
import { db } from "../services.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireProducer(request);
  return { choices: await productChoices(db(), user.organization_id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireProducer(request);
  const submission = parseWithZod(await request.formData(), { schema: productFormSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const badLink = await brandLinksAllowed(db(), user.organization_id, submission.value);
  if (badLink) return data(submission.reply({ fieldErrors: { [badLink]: ['validation.unknownReference|{"value":"id"}'] } }), { status: 400 });
  const id = await db()
    .transaction()
    .execute((trx) => createDraftProduct(trx, user.organization_id, user.id, submission.value));
  throw redirect(`/producer/products/${id}/images`);
}

export default function NewProduct() {
  const { choices } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm<ProductForm>({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: productFormSchema }),
    ...validateOnSubmit,
  });
  return (
    <section className="form">
      <h1>{t("producer.newProduct")}</h1>
      {/* from the start, so a producer sees what buyers look for before the first save; pictures come after it */}
      <CompletenessMeter
        completeness={productCompleteness({ imageCount: 0 })}
        targets={{
          nameEn: `#${fields.name_en.id}`,
          availability: "#product-months",
          minOrder: `#${fields.min_order_qty.id}`,
          description: `#${fields.description_zh.id}`,
        }}
      />
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <ProductFields fields={fields} choices={choices} />
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
  return [{ title: `${t("producer.newProduct")} · ${t("site.name")}` }];
};

export { ErrorBoundary } from "../components/route-error";
