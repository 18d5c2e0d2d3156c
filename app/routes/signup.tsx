import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { signupSchema } from "../auth/schemas";
import { currentUser, startSession } from "../auth/session.server";
import { hashPassword } from "../auth/password.server";
import { FormActions, FormErrors, TextField } from "../components/form";
import { metaTranslator, useT } from "../i18n/i18n";
import { accountTaken, createUser } from "../../db/queries/users";
import { db } from "../services.server";

export async function loader({ request }: LoaderFunctionArgs) {
  if (await currentUser(request)) throw redirect("/producer");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: signupSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password", "passwordRepeat"] }), { status: 400 });
  const { account, password, displayName } = submission.value;
  const email = account.includes("@") ? account : null;
  const phone = email ? null : account;
  if (await accountTaken(db(), email, phone)) {
    return data(submission.reply({ fieldErrors: { account: ["auth.accountTaken"] }, hideFields: ["password", "passwordRepeat"] }), { status: 409 });
  }
  // Self-registration only ever creates producers: staff roles are granted by an administrator.
  const user = await createUser(db(), { email, phone, password_hash: await hashPassword(password), display_name: displayName || null, role: "producer" });
  const cookie = await startSession(user.id, { userAgent: request.headers.get("user-agent"), clientAddress: context.clientAddress });
  throw redirect("/producer/organization", { headers: { "Set-Cookie": cookie } });
}

export default function SignupPage() {
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signupSchema }),
    shouldValidate: "onBlur",
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

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("auth.signup")} · ${t("site.name")}` }];
};

export { ErrorBoundary } from "../components/route-error";
