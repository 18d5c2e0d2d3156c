import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { requestPasswordReset } from "../auth/forgot-password.server";
import { validateOnSubmit } from "../components/form-validation";
import { FormActions, FormErrors, TextField } from "../components/form";
import { msg } from "../domain/fields";
import { metaTranslator, useT } from "../i18n/i18n";
import { config } from "../platform/config.server";
import { publicOrigin } from "../platform/public-origin.server";

export { ErrorBoundary } from "../components/route-error";

// GET/POST /forgot-password — someone who forgot their password asks for a reset link by e-mail
// (app/auth/forgot-password.server.ts). The answer never tells whether the address has an account. Without SMTP_URL
// the mail is kept for staff at /staff/outbox, and the page says staff can issue a link, as before.

const forgotSchema = z.object({
  email: z
    .string({ message: msg("validation.required") })
    .trim()
    .max(200, msg("validation.tooLong", { max: 200 }))
    .refine((s) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), { message: msg("inquiry.emailInvalid") }),
});

export async function loader(_: LoaderFunctionArgs) {
  return { sending: !!config().SMTP_URL };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: forgotSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const wait = await requestPasswordReset(submission.value.email, context.clientAddress, publicOrigin(context));
  if (wait > 0) {
    return data(submission.reply({ formErrors: [msg("forgot.tooMany", { minutes: Math.ceil(wait / 60) })] }), {
      status: 429,
      headers: { "Retry-After": String(wait) },
    });
  }
  throw redirect("/forgot-password?sent=1");
}

export default function ForgotPasswordPage() {
  const { sending } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const [form, fields] = useForm({ ...validateOnSubmit, lastResult, onValidate: ({ formData }) => parseWithZod(formData, { schema: forgotSchema }) });
  return (
    <section className="form">
      <h1>{t("forgot.title")}</h1>
      {params.get("sent") === "1" ? (
        <p role="status">{t("forgot.sent")}</p>
      ) : (
        <>
          <p>{t("forgot.intro")}</p>
          <Form method="post" {...getFormProps(form)} aria-describedby={form.errors?.length ? form.errorId : undefined}>
            <FormErrors errors={form.errors} id={form.errorId} />
            <TextField meta={fields.email} label={t("forgot.email")} type="email" autoComplete="email" />
            <FormActions>
              <button type="submit" className="button">
                {t("forgot.submit")}
              </button>
            </FormActions>
          </Form>
        </>
      )}
      {!sending && (
        <>
          <p>{t("forgot.noSmtp")}</p>
          <p>{t("forgot.whatYouGet")}</p>
        </>
      )}
      <p>{t("forgot.phoneOnly")}</p>
      <p>
        <Link to="/login">{t("forgot.back")}</Link>
      </p>
    </section>
  );
}

// Retry-After from a throttled request must reach the browser on document requests too.
export const headers: HeadersFunction = ({ actionHeaders, loaderHeaders }) => (actionHeaders.has("Retry-After") ? actionHeaders : loaderHeaders);

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("forgot.title")} · ${t("site.name")}` }];
};
