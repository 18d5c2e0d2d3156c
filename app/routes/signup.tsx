import { validateOnSubmit } from "../components/form-validation";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { signupSchema } from "../auth/schemas";
import { currentUser } from "../auth/session.server";
import { signUp } from "../auth/sign-up.server";
import { FormActions, FormErrors, TextField } from "../components/form";
import { metaTranslator, useT } from "../i18n/i18n";

export async function loader({ request }: LoaderFunctionArgs) {
  if (await currentUser(request)) throw redirect("/producer");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: signupSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password", "passwordRepeat"] }), { status: 400 });
  const result = await signUp(submission.value, context.clientAddress);
  if (result.kind === "throttled") {
    return data(
      submission.reply({
        formErrors: [`auth.tooManyAttempts|${JSON.stringify({ minutes: Math.ceil(result.retryAfter / 60) })}`],
        hideFields: ["password", "passwordRepeat"],
      }),
      { status: 429, headers: { "Retry-After": String(result.retryAfter) } },
    );
  }
  // the same answer whether the account was created or already existed (see signUp): on to sign in, then the
  // organisation form
  throw redirect(`/login?signedUp=1&redirectTo=${encodeURIComponent("/producer/organization")}`);
}

export default function SignupPage() {
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm({
    ...validateOnSubmit,
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signupSchema }),
  });
  return (
    <section className="form">
      <h1>{t("auth.signup")}</h1>
      <p>{t("auth.signupIntro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <TextField meta={fields.account} label={t("auth.account")} hint={t("auth.accountHint")} autoComplete="username" />
        <TextField meta={fields.displayName} label={t("auth.displayName")} autoComplete="name" />
        <TextField meta={fields.password} label={t("auth.password")} hint={t("auth.passwordHint")} type="password" autoComplete="new-password" />
        <TextField meta={fields.passwordRepeat} label={t("auth.passwordRepeat")} type="password" autoComplete="new-password" />
        <FormActions>
          <button type="submit" className="button">
            {t("auth.signup")}
          </button>
          <span>
            {t("auth.haveAccount")} <Link to="/login">{t("auth.login")}</Link>
          </span>
        </FormActions>
      </Form>
    </section>
  );
}

// Retry-After from a throttled sign-up must reach the browser on document requests too.
export const headers: HeadersFunction = ({ actionHeaders, loaderHeaders }) => (actionHeaders.has("Retry-After") ? actionHeaders : loaderHeaders);

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("auth.signup")} · ${t("site.name")}` }];
};

export { ErrorBoundary } from "../components/route-error";
