import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { writeAudit } from "../../db/queries/audit";
import { retentionMonths, setRetentionMonths } from "../../db/queries/personal-data";
import { requireRole, STAFF_ROLES } from "../auth/guards.server";
import { FormActions, FormErrors, TextField } from "../components/form";
import { validateOnSubmit } from "../components/form-validation";
import { msg, typedNumber } from "../domain/fields";
import { metaTranslator, useT } from "../i18n/i18n";
import { db } from "../services.server";

// /staff/privacy — how long anonymous buyers' inquiries and booth leads keep their contact details (PIPL; default 24
// months). The hourly housekeeping anonymises what is older (db/queries/personal-data.ts). Changes are audited.

const schema = z.object({
  months: z
    .string({ message: msg("staffPrivacy.monthsInvalid") })
    .transform(typedNumber)
    .refine((s) => /^\d{1,3}$/.test(s) && Number(s) >= 1 && Number(s) <= 120, { message: msg("staffPrivacy.monthsInvalid") })
    .transform(Number),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, STAFF_ROLES);
  return { months: await retentionMonths(db()) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, STAFF_ROLES);
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const months = submission.value.months;
  await db()
    .transaction()
    .execute(async (trx) => {
      const before = await retentionMonths(trx);
      await setRetentionMonths(trx, months, user.id);
      await writeAudit(trx, {
        actorId: user.id,
        action: "retention_set",
        entityType: "privacy_settings",
        entityId: 1,
        field: "anonymous_retention_months",
        before,
        after: months,
      });
    });
  throw redirect(`/staff/privacy?saved=${months}`);
}

export default function StaffPrivacy() {
  const { months } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const [form, fields] = useForm({
    ...validateOnSubmit,
    lastResult,
    defaultValue: { months: String(months) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const saved = Number(params.get("saved"));
  return (
    <section className="form">
      <h1>{t("staffPrivacy.title")}</h1>
      {saved > 0 && (
        <p className="notice" role="status">
          {t("staffPrivacy.saved", { months: saved })}
        </p>
      )}
      <p>{t("staffPrivacy.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <TextField meta={fields.months} label={t("staffPrivacy.months")} type="text" />
        <FormActions>
          <button type="submit" className="button">
            {t("staffPrivacy.save")}
          </button>
        </FormActions>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("staffPrivacy.title")} · ${t("site.name")}` }];
};

export { ErrorBoundary } from "../components/route-error";
