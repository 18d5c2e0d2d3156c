import { validateOnSubmit } from "../components/form-validation";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "../auth/guards.server";
import { FormActions, FormErrors, SelectField, TextAreaField, TextField } from "../components/form";
import { msg } from "../domain/fields";
import { CONTACT_KINDS, ORG_TYPES, organizationFormSchema, organizationInput, type OrganizationForm } from "../domain/organization-form";
import { metaTranslator, usePreferences, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import type { Contact } from "../../db/schema";
import { countyExists, listCounties } from "../../db/queries/places";
import {
  createOwnOrganization,
  creditCodeTakenByOther,
  getOwnOrganization,
  saveOwnOrganization,
  submitOwnOrganization,
} from "../../db/queries/producer-organization";
import { db } from "../services.server";
import { savedMessage, submittedMessage } from "../components/record-edit";
import { noticeReply, type FormAnswer } from "../domain/form-reply";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["producer"]);
  const [org, counties] = await Promise.all([user.organization_id ? getOwnOrganization(db(), user.organization_id) : undefined, listCounties(db())]);
  // a pending revision is what the producer is editing; otherwise the live record
  const source = (org?.revision?.data as Partial<OrganizationForm> & { contacts?: Contact[] }) ?? org;
  const contacts = (source?.contacts ?? []) as Contact[];
  return {
    counties,
    status: org?.status ?? null,
    revision: org?.revision?.status ?? null,
    defaults: source
      ? {
          name_zh: source.name_zh ?? "",
          name_en: source.name_en ?? "",
          credit_code: source.credit_code ?? "",
          org_type: source.org_type ?? "cooperative",
          county_id: String(source.county_id ?? ""),
          address: source.address ?? "",
          website: source.website ?? "",
          description_zh: source.description_zh ?? "",
          description_en: source.description_en ?? "",
          contacts: Object.fromEntries(
            CONTACT_KINDS.map((k) => {
              const c = contacts.find((x) => x.kind === k);
              return [k, { value: c?.value ?? "", public: c?.public ? "on" : undefined }];
            }),
          ),
        }
      : undefined,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["producer"]);
  const formData = await request.formData();
  if (formData.get("intent") === "submit" && user.organization_id) {
    const result = await db()
      .transaction()
      .execute((trx) => submitOwnOrganization(trx, user.organization_id!));
    return noticeReply(submittedMessage(result));
  }
  const submission = parseWithZod(formData, { schema: organizationFormSchema });
  if (submission.status !== "success") return data<FormAnswer>(submission.reply(), { status: 400 });
  // an id the list never offered (a hand-made request, a county since merged) is a field error here, never a 500 or a
  // revision the reviewer cannot approve
  if (!(await countyExists(db(), submission.value.county_id))) {
    return data<FormAnswer>(submission.reply({ fieldErrors: { county_id: [msg("validation.noSuchChoice")] } }), { status: 400 });
  }
  if (await creditCodeTakenByOther(db(), submission.value.credit_code, user.organization_id)) {
    return data<FormAnswer>(submission.reply({ fieldErrors: { credit_code: ["producer.creditCodeTaken"] } }), { status: 409 });
  }
  if (!user.organization_id) {
    await db()
      .transaction()
      .execute((trx) => createOwnOrganization(trx, user.id, organizationInput(submission.value)));
    throw redirect("/producer");
  }
  const saved = await db()
    .transaction()
    .execute((trx) => saveOwnOrganization(trx, user.organization_id!, user.id, organizationInput(submission.value)));
  return noticeReply(savedMessage(saved), submission.reply());
}

export default function OrganizationForm() {
  const { counties, defaults, status, revision } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const { lang } = usePreferences();
  const [form, fields] = useForm({
    ...validateOnSubmit,
    lastResult: actionData,
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: organizationFormSchema }),
  });
  const contacts = fields.contacts.getFieldset();
  return (
    <section className="form">
      <h1>{defaults ? t("producer.editOrganization") : t("producer.createOrganization")}</h1>
      <p>{t("producer.orgIntro")}</p>
      {status && (
        <p>
          {t("producer.status")}: <span className="badge">{t(`status.${status}` as MessageKey)}</span>
          {revision && <span className="badge badge--unverified">{t(`revision.${revision}` as MessageKey)}</span>}
        </p>
      )}
      {actionData?.notice && (
        <p className="notice" role="status">
          {t(actionData.notice as MessageKey)}
        </p>
      )}
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <TextField meta={fields.name_zh} label={t("producer.nameZh")} lang="zh-CN" />
        <TextField meta={fields.name_en} label={t("producer.nameEn")} lang="en" />
        <TextField meta={fields.credit_code} label={t("producer.creditCode")} hint={t("producer.creditCodeHint")} />
        <SelectField
          meta={fields.org_type}
          label={t("producer.orgType")}
          options={ORG_TYPES.map((v) => ({ value: v, label: t(`orgType.${v}` as MessageKey) }))}
        />
        <SelectField
          meta={fields.county_id}
          label={t("producer.county")}
          options={[{ value: "", label: "—" }, ...counties.map((c) => ({ value: String(c.id), label: lang === "en" && c.name_en ? c.name_en : c.name_zh }))]}
        />
        <TextField meta={fields.address} label={t("producer.address")} lang="zh-CN" />
        <TextField meta={fields.website} label={t("producer.website")} hint={t("producer.websiteHint")} type="url" />
        <fieldset className="checks">
          <legend>{t("producer.contacts")}</legend>
          {CONTACT_KINDS.map((k) => {
            const c = contacts[k]!.getFieldset();
            return (
              <div key={k} className="contact-row">
                <TextField
                  meta={c.value}
                  label={t(`contact.${k}` as MessageKey)}
                  type={k === "email" ? "email" : k === "phone" || k === "mobile" ? "tel" : "text"}
                />
                <label>
                  <input type="checkbox" name={c.public.name} defaultChecked={c.public.initialValue === "on"} />
                  {t("producer.contactPublic")}
                </label>
              </div>
            );
          })}
        </fieldset>
        <TextAreaField meta={fields.description_zh} label={t("producer.descriptionZh")} lang="zh-CN" />
        <TextAreaField meta={fields.description_en} label={t("producer.descriptionEn")} lang="en" />
        <FormActions>
          <button type="submit" className="button">
            {t("producer.save")}
          </button>
        </FormActions>
      </Form>
      {status && (
        <Form method="post">
          <input type="hidden" name="intent" value="submit" />
          <button type="submit" className="button button--secondary">
            {t("producer.submit")}
          </button>
        </Form>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("producer.organization")} · ${t("site.name")}` }];
};

export { ErrorBoundary } from "../components/route-error";
