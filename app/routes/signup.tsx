import { validateOnSubmit } from "../components/form-validation";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { safeRedirect } from "../auth/redirect";
import { SIGNUP_KINDS, signupSchema } from "../auth/schemas";
import { currentUser } from "../auth/session.server";
import { signUp } from "../auth/sign-up.server";
import { ConsentField } from "../components/consent-field";
import { FieldErrors, FormActions, FormErrors, TextField } from "../components/form";
import { metaTranslator, useT } from "../i18n/i18n";

export async function loader({ request }: LoaderFunctionArgs) {
  if (await currentUser(request)) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/"));
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
  // the same answer whether the account was created or already existed (see signUp): on to sign in, then back to the
  // page sign-up was asked from, or to the new account's own home (a producer's starts with the organisation form)
  const home = submission.value.kind === "buyer" ? "/buyer" : "/producer/organization";
  const target = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), home);
  throw redirect(`/login?signedUp=1&redirectTo=${encodeURIComponent(target)}`);
}

export default function SignupPage() {
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const [searchParams] = useSearchParams();
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
        <fieldset className="field signup-kind" aria-describedby={fields.kind.errors?.length ? fields.kind.errorId : undefined}>
          <legend>{t("signup.kind")}</legend>
          {SIGNUP_KINDS.map((k) => (
            <label key={k} className="choice">
              <input type="radio" name={fields.kind.name} value={k} defaultChecked={k === fields.kind.initialValue} />{" "}
              {t(k === "buyer" ? "signup.kindBuyer" : "signup.kindProducer")}
              <span className="field-hint">{t(k === "buyer" ? "signup.kindBuyerHint" : "signup.kindProducerHint")}</span>
            </label>
          ))}
          <FieldErrors meta={fields.kind} />
        </fieldset>
        <TextField meta={fields.account} label={t("auth.account")} hint={t("auth.accountHint")} autoComplete="username" />
        <TextField meta={fields.displayName} label={t("auth.displayName")} autoComplete="name" />
        <TextField meta={fields.password} label={t("auth.password")} hint={t("auth.passwordHint")} type="password" autoComplete="new-password" />
        <TextField meta={fields.passwordRepeat} label={t("auth.passwordRepeat")} type="password" autoComplete="new-password" />
        <ConsentField meta={fields.consent} purpose="account" />
        <FormActions>
          <button type="submit" className="button">
            {t("auth.signup")}
          </button>
          <span>
            {t("auth.haveAccount")}{" "}
            <Link to={searchParams.get("redirectTo") ? `/login?redirectTo=${encodeURIComponent(searchParams.get("redirectTo")!)}` : "/login"}>
              {t("auth.login")}
            </Link>
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
