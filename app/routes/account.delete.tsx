import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "../auth/guards.server";
import { currentUser, endSession } from "../auth/session.server";
import { PRIVATE_HEADERS } from "../buyers/inquiry.server";
import { FormActions, FormErrors, TextField } from "../components/form";
import { validateOnSubmit } from "../components/form-validation";
import { msg } from "../domain/fields";
import { metaTranslator, useT } from "../i18n/i18n";
import { deleteOwnAccount, mayDeleteOwnAccount } from "../privacy/delete-account.server";

// /account/delete — a buyer or producer deletes their own account (PIPL's right to erasure), confirming with the
// password. What goes and what is anonymised: db/queries/personal-data.ts eraseAccount. ?done=1 is the goodbye page.

const schema = z.object({ password: z.string({ message: msg("validation.required") }).max(200, msg("auth.passwordTooLong")) });

export async function loader({ request }: LoaderFunctionArgs) {
  if (new URL(request.url).searchParams.get("done") === "1" && !(await currentUser(request)))
    return data({ done: true, allowed: false }, { headers: PRIVATE_HEADERS });
  const user = await requireUser(request);
  return data({ done: false, allowed: mayDeleteOwnAccount(user) }, { headers: PRIVATE_HEADERS });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema });
  if (!mayDeleteOwnAccount(user)) return data(submission.reply({ formErrors: ["account.deleteStaff"], hideFields: ["password"] }), { status: 403 });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const result = await deleteOwnAccount(user, submission.value.password);
  if (result.kind === "throttled") {
    return data(submission.reply({ formErrors: [msg("auth.tooManyAttempts", { minutes: Math.ceil(result.retryAfter / 60) })], hideFields: ["password"] }), {
      status: 429,
      headers: { "Retry-After": String(result.retryAfter) },
    });
  }
  if (result.kind === "wrong_password")
    return data(submission.reply({ fieldErrors: { password: ["account.deleteWrongPassword"] }, hideFields: ["password"] }), { status: 400 });
  throw redirect("/account/delete?done=1", { headers: { "Set-Cookie": await endSession(request) } });
}

export default function DeleteAccountPage() {
  const { done, allowed } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm({ ...validateOnSubmit, lastResult, onValidate: ({ formData }) => parseWithZod(formData, { schema }) });
  if (done) {
    return (
      <section className="form">
        <h1>{t("account.deleteTitle")}</h1>
        <p role="status">{t("account.deleted")}</p>
      </section>
    );
  }
  return (
    <section className="form">
      <h1>{t("account.deleteTitle")}</h1>
      {allowed ? (
        <>
          <p>{t("account.deleteIntro")}</p>
          <p>
            <a href="/account/data.json" download>
              {t("privacy.download")}
            </a>
          </p>
          <Form method="post" {...getFormProps(form)}>
            <FormErrors errors={form.errors} id={form.errorId} />
            <TextField meta={fields.password} label={t("account.deletePassword")} type="password" autoComplete="current-password" />
            <FormActions>
              <button type="submit" className="button button--danger">
                {t("account.deleteConfirm")}
              </button>
            </FormActions>
          </Form>
        </>
      ) : (
        <p className="notice">{t("account.deleteStaff")}</p>
      )}
    </section>
  );
}

// Retry-After from the throttle must reach the browser on document requests too.
export const headers: HeadersFunction = ({ actionHeaders, loaderHeaders }) => (actionHeaders.has("Retry-After") ? actionHeaders : loaderHeaders);

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("account.deleteTitle")} · ${t("site.name")}` }];
};

export { ErrorBoundary } from "../components/route-error";
