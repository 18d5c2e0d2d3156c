import { validateOnSubmit } from "../components/form-validation";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { newPasswordSchema } from "../auth/schemas";
import { hashPassword } from "../auth/password.server";
import { hashToken } from "../auth/session.server";
import { FormActions, FormErrors, TextField } from "../components/form";
import { metaTranslator, useT } from "../i18n/i18n";
import { resetPassword } from "../auth/password-reset.server";
import { resetTokenValid } from "../../db/queries/sessions";
import { db } from "../services.server";
import { note, retryAfter } from "../platform/throttle.server";
import { fieldErrorReply } from "../domain/form-reply";
import { msg } from "../domain/message";

// Staff issue one-time reset links (there is no e-mail or SMS yet); a link works once, for 24 hours. Each POST is
// throttled per address (scope `reset`), and the token is checked before any scrypt work is spent on the password.

export async function loader({ params }: LoaderFunctionArgs) {
  return { valid: await resetTokenValid(db(), hashToken(params.token ?? "")) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const wait = await retryAfter("reset", context.clientAddress);
  if (wait > 0) {
    return data(fieldErrorReply([], { formErrors: [msg("auth.tooManyAttempts", { minutes: Math.ceil(wait / 60) })] }), {
      status: 429,
      headers: { "Retry-After": String(wait) },
    });
  }
  await note("reset", context.clientAddress);
  const tokenHash = hashToken(params.token ?? "");
  // a dead link costs a lookup, not a hash
  if (!(await resetTokenValid(db(), tokenHash))) return data(fieldErrorReply([], { formErrors: ["auth.resetInvalid"] }), { status: 410 });
  const submission = parseWithZod(await request.formData(), { schema: newPasswordSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password", "passwordRepeat"] }), { status: 400 });
  const used = await resetPassword(tokenHash, await hashPassword(submission.value.password));
  if (!used) return data(submission.reply({ formErrors: ["auth.resetInvalid"] }), { status: 410 });
  throw redirect("/login?reset=1");
}

export default function ResetPasswordPage() {
  const { valid } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm({ lastResult, onValidate: ({ formData }) => parseWithZod(formData, { schema: newPasswordSchema }), ...validateOnSubmit });
  return (
    <section className="form">
      <h1>{t("auth.resetTitle")}</h1>
      {!valid ? (
        // a throttled attempt says so (with its wait), whether or not the link was any good
        form.errors?.length ? (
          <FormErrors errors={form.errors} id={form.errorId} />
        ) : (
          <p role="alert">{t("auth.resetInvalid")}</p>
        )
      ) : (
        <Form method="post" {...getFormProps(form)}>
          <FormErrors errors={form.errors} id={form.errorId} />
          <TextField meta={fields.password} label={t("auth.password")} hint={t("auth.passwordHint")} type="password" autoComplete="new-password" />
          <TextField meta={fields.passwordRepeat} label={t("auth.passwordRepeat")} type="password" autoComplete="new-password" />
          <FormActions>
            <button type="submit" className="button">
              {t("auth.resetTitle")}
            </button>
          </FormActions>
        </Form>
      )}
    </section>
  );
}

// Retry-After from a throttled reset must reach the browser on document requests too.
export const headers: HeadersFunction = ({ actionHeaders, loaderHeaders }) => (actionHeaders.has("Retry-After") ? actionHeaders : loaderHeaders);

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("auth.resetTitle")} · ${t("site.name")}` }, { name: "referrer", content: "no-referrer" }];
};

export { ErrorBoundary } from "../components/route-error";
