import { getFormProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { buyerProfile, saveBuyerProfile } from "../../db/queries/buyer-profiles";
import { requireBuyer } from "../auth/guards.server";
import { PRIVATE_HEADERS } from "../buyers/inquiry.server";
import { buyerProfileSchema } from "../buyers/profile-form";
import { PROVINCES } from "../buyers/provinces";
import { ConsentField } from "../components/consent-field";
import { FieldErrors, FormActions, FormErrors, SelectField, TextField } from "../components/form";
import { recordConsent } from "../../db/queries/personal-data";
import { PRIVACY_TEXT_VERSION } from "../privacy/consent";
import { validateOnSubmit } from "../components/form-validation";
import { categoryEn, PRODUCT_CATEGORIES } from "../domain/product-form";
import { metaTranslator, usePreferences, useT } from "../i18n/i18n";
import { db } from "../services.server";

// /buyer/profile — 采购商资料: what producers see of the buyer beside each inquiry. Only the name is required.

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireBuyer(request);
  const profile = await buyerProfile(db(), user.id);
  return data(
    {
      profile: profile ?? { name: user.display_name ?? "", province: null, city: null, categories: [], phone: user.phone, email: user.email, wechat: null },
    },
    { headers: PRIVATE_HEADERS },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireBuyer(request);
  const submission = parseWithZod(await request.formData(), { schema: buyerProfileSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { consent: _consent, ...profile } = submission.value;
  await db()
    .transaction()
    .execute(async (trx) => {
      await saveBuyerProfile(trx, user.id, profile);
      await recordConsent(trx, { purpose: "buyer_profile", textVersion: PRIVACY_TEXT_VERSION, userId: user.id });
    });
  throw redirect("/buyer?profile=saved");
}

export default function BuyerProfilePage() {
  const { profile } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const { lang } = usePreferences();
  const [form, fields] = useForm({
    ...validateOnSubmit,
    lastResult,
    defaultValue: {
      name: profile.name,
      province: profile.province ?? "",
      city: profile.city ?? "",
      categories: profile.categories,
      phone: profile.phone ?? "",
      email: profile.email ?? "",
      wechat: profile.wechat ?? "",
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: buyerProfileSchema }),
  });
  const chosen = new Set([fields.categories.initialValue ?? []].flat().map(String));
  return (
    <section className="form">
      <h1>{t("buyerProfile.title")}</h1>
      <p>{t("buyerProfile.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <TextField meta={fields.name} label={t("buyerProfile.name")} autoComplete="organization" />
        <div className="contact-row">
          <SelectField
            meta={fields.province as FieldMetadata<string>}
            label={t("buyerProfile.province")}
            options={[{ value: "", label: t("inquiry.chooseOne") }, ...PROVINCES.map(([zh, en]) => ({ value: zh, label: lang === "en" ? en : zh }))]}
          />
          <TextField meta={fields.city as FieldMetadata<string>} label={t("buyerProfile.city")} autoComplete="address-level2" />
        </div>
        <fieldset className="checks" aria-describedby={fields.categories.errors?.length ? fields.categories.errorId : undefined} key={fields.categories.key}>
          <legend>{t("buyerProfile.categories")}</legend>
          {PRODUCT_CATEGORIES.map((c) => (
            <label key={c}>
              <input type="checkbox" name={fields.categories.name} value={c} defaultChecked={chosen.has(c)} />
              <span lang={lang === "en" && categoryEn(c) ? "en" : "zh-CN"}>{lang === "en" ? (categoryEn(c) ?? c) : c}</span>
            </label>
          ))}
          <FieldErrors meta={fields.categories} />
        </fieldset>
        <TextField meta={fields.phone as FieldMetadata<string>} label={t("buyerProfile.phone")} type="tel" autoComplete="tel" />
        <TextField meta={fields.email as FieldMetadata<string>} label={t("buyerProfile.email")} type="email" autoComplete="email" />
        <TextField meta={fields.wechat as FieldMetadata<string>} label={t("buyerProfile.wechat")} />
        <ConsentField meta={fields.consent as FieldMetadata<string>} purpose="buyer_profile" />
        <FormActions>
          <button type="submit" className="button">
            {t("buyerProfile.save")}
          </button>
          <Link to="/buyer">{t("buyerHome.title")}</Link>
        </FormActions>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("buyerProfile.title")} · ${t("site.name")}` }];
};

export { ErrorBoundary } from "../components/route-error";
