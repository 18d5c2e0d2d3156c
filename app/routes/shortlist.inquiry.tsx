import { validateOnSubmit } from "../components/form-validation";
import { getFormProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { compareIds } from "../buyers/compare";
import { INQUIRY_MAX_PRODUCERS, inquirySchema } from "../buyers/forms";
import { newBuyerToken } from "../buyers/inquiry.server";
import { PROVINCES } from "../buyers/provinces";
import { readShortlist } from "../buyers/shortlist.server";
import { matchingRetryAfter, noteMatchingAction } from "../buyers/throttle.server";
import { FieldErrors, FormActions, FormErrors, SelectField, TextAreaField, TextField } from "../components/form";
import { localized, metaTranslator, usePreferences, useT } from "../i18n/i18n";
import { msg } from "../domain/fields";
import { createInquiry, inquirableProducts } from "../../db/queries/inquiries";
import { db } from "../services.server";
import { notifyNewInquiry } from "../notifications/notify.server";
import { readPreferences } from "../i18n/preferences.server";
import { publicOrigin } from "../platform/public-origin.server";

// GET/POST /shortlist/inquiry — one form sends a structured request (询价 / 样品申请) to one or several producers of
// the shortlist; each producer gets its own copy and thread. No account needed: the buyer follows the answers through
// a private link. Throttled per client address.

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, productIds } = await readShortlist(request);
  const products = await inquirableProducts(db(), productIds);
  const asked = compareIds(new URL(request.url).searchParams).filter((id) => products.some((p) => p.id === id));
  return data(
    {
      products,
      selected: asked.length > 0 ? asked : products.map((p) => p.id),
      buyer: user ? { name: user.display_name ?? "", email: user.email ?? "", phone: user.phone ?? "" } : null,
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const retryAfter = await matchingRetryAfter("inquiry", context.clientAddress);
  if (retryAfter > 0) {
    const submission = parseWithZod(formData, { schema: inquirySchema });
    return data(submission.reply({ formErrors: [msg("inquiry.tooMany", { minutes: Math.ceil(retryAfter / 60) })] }), {
      status: 429,
      headers: { "Retry-After": String(retryAfter) },
    });
  }
  const submission = parseWithZod(formData, { schema: inquirySchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const v = submission.value;
  const { user, productIds } = await readShortlist(request);
  // only products of the visitor's shortlist that are still public: a forged id addresses nobody
  const products = await inquirableProducts(
    db(),
    v.product_ids.filter((id) => productIds.includes(id)),
  );
  if (products.length === 0) return data(submission.reply({ fieldErrors: { product_ids: [msg("inquiry.chooseProducts")] } }), { status: 400 });
  if (new Set(products.map((p) => p.organization_id)).size > INQUIRY_MAX_PRODUCERS) {
    return data(submission.reply({ fieldErrors: { product_ids: [msg("inquiry.tooManyProducers", { max: INQUIRY_MAX_PRODUCERS })] } }), { status: 400 });
  }
  const { token, hash } = newBuyerToken();
  await db()
    .transaction()
    .execute(async (trx) => {
      const made = await createInquiry(
        trx,
        {
          buyer_token_hash: hash,
          buyer_user_id: user?.id ?? null,
          buyer_name: v.buyer_name,
          buyer_organization: v.buyer_organization,
          buyer_email: v.buyer_email,
          buyer_phone: v.buyer_phone,
          quantity: v.quantity,
          quantity_unit: v.quantity_unit,
          delivery_from: v.delivery_from,
          delivery_to: v.delivery_to,
          destination_province: v.destination_province,
          target_price: v.target_price,
          sample_wanted: v.sample_wanted,
          message: v.message,
        },
        products,
      );
      // the producers are told in this transaction; the buyer's replies come in the language of this page
      await notifyNewInquiry(trx, made.id, { origin: publicOrigin(context), buyerLocale: readPreferences(request).prefs.lang, buyerToken: token });
    });
  await noteMatchingAction("inquiry", context.clientAddress);
  throw redirect(`/inquiries/${token}?sent=1`);
}

export default function InquiryForm() {
  const { products, selected, buyer } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const { lang } = usePreferences();
  const [form, fields] = useForm({
    ...validateOnSubmit,
    lastResult,
    defaultValue: {
      product_ids: selected.map(String),
      buyer_name: buyer?.name ?? "",
      buyer_email: buyer?.email ?? "",
      buyer_phone: buyer?.phone ?? "",
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inquirySchema }),
  });
  if (products.length === 0) {
    return (
      <section className="form">
        <h1>{t("inquiry.title")}</h1>
        <p className="notice">
          {t("inquiry.emptyShortlist")} <Link to="/search">{t("shortlist.findProducts")}</Link>
        </p>
      </section>
    );
  }
  const chosen = new Set([fields.product_ids.initialValue ?? []].flat().map(String));
  const groups = [...new Set(products.map((p) => p.organization_id))].map((orgId) => products.filter((p) => p.organization_id === orgId));
  const productError = fields.product_ids.errors?.length ? fields.product_ids.errorId : undefined;
  return (
    <section className="form inquiry-form">
      <h1>{t("inquiry.title")}</h1>
      <p>{t("inquiry.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <fieldset className="checks" aria-describedby={productError ? `${productError} product-ids-hint` : "product-ids-hint"} key={fields.product_ids.key}>
          <legend>{t("inquiry.products")}</legend>
          <p id="product-ids-hint" className="field-hint">
            {t("inquiry.productsHint")}
          </p>
          {groups.map((group) => {
            const org = localized(lang, group[0]!.organization_zh, group[0]!.organization_en);
            return (
              <fieldset key={group[0]!.organization_id} className="inquiry-form__producer">
                <legend lang={org.lang}>{org.text}</legend>
                {group.map((p) => {
                  const name = localized(lang, p.name_zh, p.name_en);
                  return (
                    <label key={p.id}>
                      <input type="checkbox" name={fields.product_ids.name} value={p.id} defaultChecked={chosen.has(String(p.id))} />
                      <span lang={name.lang}>{name.text}</span>
                    </label>
                  );
                })}
              </fieldset>
            );
          })}
          <FieldErrors meta={fields.product_ids} />
        </fieldset>

        <fieldset className="checks">
          <legend>{t("inquiry.need")}</legend>
          <div className="contact-row">
            <TextField meta={fields.quantity as FieldMetadata<string>} label={t("inquiry.quantity")} hint={t("inquiry.quantityHint")} />
            <TextField meta={fields.quantity_unit} label={t("inquiry.unit")} hint={t("inquiry.unitHint")} />
          </div>
          <div className="contact-row">
            <TextField meta={fields.delivery_from as FieldMetadata<string>} label={t("inquiry.deliveryFrom")} type="date" />
            <TextField meta={fields.delivery_to as FieldMetadata<string>} label={t("inquiry.deliveryTo")} type="date" />
          </div>
          <SelectField
            meta={fields.destination_province}
            label={t("inquiry.province")}
            options={[{ value: "", label: t("inquiry.chooseOne") }, ...PROVINCES.map(([zh, en]) => ({ value: zh, label: lang === "en" ? en : zh }))]}
          />
          <TextField meta={fields.target_price as FieldMetadata<string>} label={t("inquiry.targetPrice")} hint={t("inquiry.targetPriceHint")} />
          <div className="field">
            <label className="check-label">
              <input
                type="checkbox"
                name={fields.sample_wanted.name}
                defaultChecked={fields.sample_wanted.initialValue === "on"}
                key={fields.sample_wanted.key}
              />
              {t("inquiry.sampleWanted")}
            </label>
          </div>
          <TextAreaField meta={fields.message as FieldMetadata<string>} label={t("inquiry.message")} />
        </fieldset>

        <fieldset className="checks">
          <legend>{t("inquiry.you")}</legend>
          <p className="field-hint">{t("inquiry.privacy")}</p>
          <TextField meta={fields.buyer_name} label={t("inquiry.buyerName")} autoComplete="name" />
          <TextField meta={fields.buyer_organization as FieldMetadata<string>} label={t("inquiry.buyerOrganization")} autoComplete="organization" />
          <TextField
            meta={fields.buyer_email as FieldMetadata<string>}
            label={t("inquiry.buyerEmail")}
            type="email"
            autoComplete="email"
            hint={t("inquiry.contactHint")}
          />
          <TextField meta={fields.buyer_phone as FieldMetadata<string>} label={t("inquiry.buyerPhone")} type="tel" autoComplete="tel" />
        </fieldset>
        <FormActions>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("inquiry.send")}
          </button>
          <Link to="/shortlist">{t("compare.backToShortlist")}</Link>
        </FormActions>
      </Form>
    </section>
  );
}

// Retry-After from the throttle must reach the browser on document requests too.
export const headers: HeadersFunction = ({ actionHeaders, loaderHeaders }) => (actionHeaders.has("Retry-After") ? actionHeaders : loaderHeaders);

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("inquiry.title")} · ${t("site.name")}` }];
};

export { ErrorBoundary } from "../components/route-error";
