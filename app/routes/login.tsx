import { validateOnSubmit } from "../components/form-validation";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { loginSchema } from "../auth/schemas";
import { FormActions, FormErrors, TextField } from "../components/form";
import { metaTranslator, useT } from "../i18n/i18n";
import { currentUser } from "../auth/session.server";
import { signIn } from "../auth/sign-in.server";
import { safeRedirect } from "../auth/redirect";
import { mergeShortlistAtSignIn } from "../buyers/shortlist.server";
import { claimRememberedInquiries } from "../buyers/inquiry-claims.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await currentUser(request);
  if (user) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/"));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: loginSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const result = await signIn(submission.value, { clientAddress: context.clientAddress, userAgent: request.headers.get("user-agent") });
  if (result.kind === "throttled") {
    return data(
      submission.reply({ formErrors: [`auth.tooManyAttempts|${JSON.stringify({ minutes: Math.ceil(result.retryAfter / 60) })}`], hideFields: ["password"] }),
      {
        status: 429,
        headers: { "Retry-After": String(result.retryAfter) },
      },
    );
  }
  if (result.kind === "wrong") return data(submission.reply({ formErrors: ["auth.wrongCredentials"], hideFields: ["password"] }), { status: 400 });
  const headers = new Headers({ "Set-Cookie": result.cookie });
  // the visitor's anonymous shortlist moves into the account
  const shortlistCookie = await mergeShortlistAtSignIn(request, result.userId);
  if (shortlistCookie) headers.append("Set-Cookie", shortlistCookie);
  // a buyer's inquiries sent from this browser before signing in join the account (decision 041)
  let target = safeRedirect(submission.value.redirectTo, result.landing);
  if (result.role === "buyer") {
    const { claimed, cookie } = await claimRememberedInquiries(request, result.userId);
    if (cookie) headers.append("Set-Cookie", cookie);
    if (claimed > 0 && target === "/buyer") target = `/buyer?claimed=${claimed}`;
  }
  // something happened to the account that its owner must hear of (e.g. a sign-up attempt with their address): shown
  // once, on the way in
  throw redirect(result.notices ? `/account/notices?next=${encodeURIComponent(target)}` : target, { headers });
}

export default function LoginPage() {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const [form, fields] = useForm({
    ...validateOnSubmit,
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
  });
  return (
    <section className="form">
      <h1>{t("auth.login")}</h1>
      <Form method="post" {...getFormProps(form)} aria-describedby={form.errors?.length ? form.errorId : undefined}>
        <FormErrors errors={form.errors} id={form.errorId} />
        {searchParams.get("signedUp") === "1" ? <p role="status">{t("auth.signupReceived")}</p> : null}
        {searchParams.get("reset") === "1" ? <p role="status">{t("auth.resetDone")}</p> : null}
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <TextField meta={fields.account} label={t("auth.account")} hint={t("auth.accountHint")} autoComplete="username" />
        <TextField meta={fields.password} label={t("auth.password")} type="password" autoComplete="current-password" />
        <p>
          <Link to="/forgot-password">{t("auth.forgotLink")}</Link>
        </p>
        <FormActions>
          <button type="submit" className="button">
            {t("auth.login")}
          </button>
          <span>
            {t("auth.noAccount")}{" "}
            <Link to={searchParams.get("redirectTo") ? `/signup?redirectTo=${encodeURIComponent(searchParams.get("redirectTo")!)}` : "/signup"}>
              {t("auth.signup")}
            </Link>
          </span>
        </FormActions>
      </Form>
    </section>
  );
}

// Retry-After from a throttled sign-in must reach the browser on document requests too.
export const headers: HeadersFunction = ({ actionHeaders, loaderHeaders }) => (actionHeaders.has("Retry-After") ? actionHeaders : loaderHeaders);

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("auth.login")} · ${t("site.name")}` }];
};

export { ErrorBoundary } from "../components/route-error";
