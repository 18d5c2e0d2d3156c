import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole, STAFF_ROLES } from "../auth/guards.server";
import { ContentText } from "../components/content-text";
import { FormActions, FormErrors, TextField } from "../components/form";
import { validateOnSubmit } from "../components/form-validation";
import { ScrollableTable } from "../components/scrollable-table";
import { asText, formatDateTime } from "../components/staff";
import { StatusBadge } from "../components/status-badge";
import { noticeReply, type FormAnswer } from "../domain/form-reply";
import { contactSchema } from "../guidance/forms";
import { metaTranslator, translateMessage, useT } from "../i18n/i18n";
import { CONTACT_FIELDS, guidanceContact, guidanceTopics, saveGuidanceContact, type ContactField } from "../../db/queries/guidance";
import { db } from "../services.server";

// /staff/guidance: the guidance topics with whether staff changed them (each edited on its own page) and the guidance
// station's contact, edited here. The contact is shown on every guidance page and beside the forms.

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, STAFF_ROLES);
  const [topics, contact] = await Promise.all([guidanceTopics(db()), guidanceContact(db())]);
  return {
    topics: topics.map((g) => ({ topic: g.topic, title_zh: g.title_zh, custom: g.custom, updated_at: g.updated_at, updated_by_name: g.updated_by_name })),
    contact,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, STAFF_ROLES);
  const submission = parseWithZod(await request.formData(), { schema: contactSchema });
  if (submission.status !== "success") return data<FormAnswer>(submission.reply(), { status: 400 });
  await db()
    .transaction()
    .execute((trx) => saveGuidanceContact(trx, user.id, submission.value));
  return noticeReply("staffGuide.contactSaved", submission.reply());
}

export default function StaffGuidance() {
  const { topics, contact } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm<Record<ContactField, string | null>>({
    ...validateOnSubmit,
    id: "guidance-contact",
    lastResult: answer,
    defaultValue: Object.fromEntries(CONTACT_FIELDS.map((f) => [f, contact[f] ?? ""])) as Record<ContactField, string | null>,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: contactSchema }),
  });
  return (
    <section>
      <h1>{t("staff.guidance")}</h1>
      <p>{t("staffGuide.intro")}</p>
      <p>
        <Link to="/guide">{t("staffGuide.view")}</Link>
      </p>
      <ScrollableTable label={t("staff.guidance")}>
        <table className="status-table">
          <thead>
            <tr>
              <th scope="col">{t("staffGuide.topic")}</th>
              <th scope="col">{t("staffGuide.state")}</th>
            </tr>
          </thead>
          <tbody>
            {topics.map((g) => (
              <tr key={g.topic}>
                <td>
                  <Link to={`/staff/guidance/${g.topic}`} lang="zh-CN">
                    {g.title_zh}
                  </Link>
                </td>
                <td>
                  {g.custom ? (
                    <>
                      <StatusBadge label={t("staffGuide.custom")} /> {formatDateTime(g.updated_at)} ·{" "}
                      {g.updated_by_name ? <ContentText text={g.updated_by_name} /> : "—"}
                    </>
                  ) : (
                    t("staffGuide.default")
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>

      <h2 id="contact">{t("staffGuide.contact")}</h2>
      <p>{t("staffGuide.contactIntro")}</p>
      {answer?.notice && (
        <p className="notice" role="status">
          {translateMessage(t, answer.notice)}
        </p>
      )}
      <Form method="post" {...getFormProps(form)} className="form">
        <FormErrors errors={form.errors} id={form.errorId} />
        <TextField meta={asText(fields.name_zh)} label={t("staffGuide.nameZh")} lang="zh-CN" />
        <TextField meta={asText(fields.name_en)} label={t("staffGuide.nameEn")} lang="en" />
        <TextField meta={asText(fields.phone)} label={t("staffGuide.phone")} type="tel" />
        <TextField meta={asText(fields.address_zh)} label={t("staffGuide.addressZh")} lang="zh-CN" />
        <TextField meta={asText(fields.address_en)} label={t("staffGuide.addressEn")} lang="en" />
        <TextField meta={asText(fields.hours_zh)} label={t("staffGuide.hoursZh")} lang="zh-CN" />
        <TextField meta={asText(fields.hours_en)} label={t("staffGuide.hoursEn")} lang="en" />
        <FormActions>
          <button type="submit" className="button">
            {t("staffGuide.contactSave")}
          </button>
        </FormActions>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("staff.guidance")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export { ErrorBoundary } from "../components/route-error";
