import { validateOnSubmit } from "../components/form-validation";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, HeadersFunction, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormActions, FormErrors, SelectField, TextAreaField, TextField } from "../components/form";
import { asText } from "../components/staff";
import { msg } from "../domain/fields";
import { PLACE_KINDS, misuseReportSchema } from "../domain/review-forms";
import { metaTranslator, translateMessage, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { ImageRejected } from "../images/pipeline.server";
import { parseImageUpload, UploadRejected } from "../images/upload.server";
import { publicOrigin } from "../platform/public-origin.server";
import { misuseReportClientKey, misuseReportRetryAfter } from "../misuse-reports/throttle.server";
import { fileMisuseReport } from "../misuse-reports/filing.server";
import { isPublishedGiProduct, publishedGiNames } from "../../db/queries/gi-products";
import { db } from "../services.server";
import { fieldErrorReply, type FormAnswer } from "../domain/form-reply";

// The public misuse-report form (假冒/滥用地理标志). Works without JavaScript; the optional photo goes through the same
// upload limits and image pipeline as product pictures. The answer is a case number and a private status link.

export async function loader() {
  return { gis: await publishedGiNames(db()) };
}

type Done = { caseNo: string; statusUrl: string };
/** The one form shape; a filed report also carries its case number and private status link. */
type ReportAnswer = FormAnswer & { done?: Done };

export async function action({ request, context }: ActionFunctionArgs) {
  const clientKey = misuseReportClientKey(context.clientAddress);
  const retryAfter = await misuseReportRetryAfter(clientKey);
  if (retryAfter > 0) {
    return data<ReportAnswer>(fieldErrorReply([], { formErrors: [msg("report.tooMany", { minutes: Math.ceil(retryAfter / 60) })] }), {
      status: 429,
      headers: { "Retry-After": String(retryAfter) },
    });
  }

  let fields: Record<string, string> = {};
  let file: Buffer | null = null;
  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    try {
      ({ fields, file } = await parseImageUpload(request));
    } catch (e) {
      if (!(e instanceof UploadRejected)) throw e;
      return data<ReportAnswer>(fieldErrorReply(["file"], { message: `image.${e.problem}` }), { status: e.status });
    }
  } else {
    for (const [k, v] of await request.formData()) if (typeof v === "string") fields[k] = v;
  }
  const formData = new FormData();
  for (const [k, v] of Object.entries(fields)) formData.append(k, v);
  const submission = parseWithZod(formData, { schema: misuseReportSchema });
  if (submission.status !== "success") return data<ReportAnswer>(submission.reply(), { status: 400 });
  const report = submission.value;
  if (report.gi_product_id && !(await isPublishedGiProduct(db(), report.gi_product_id))) {
    return data<ReportAnswer>(submission.reply({ fieldErrors: { gi_product_id: [msg("validation.unknownReference", { value: report.gi_product_id })] } }), {
      status: 400,
    });
  }

  let filed: Awaited<ReturnType<typeof fileMisuseReport>>;
  try {
    filed = await fileMisuseReport(report, file, clientKey);
  } catch (e) {
    if (e instanceof ImageRejected) return data<ReportAnswer>(submission.reply({ fieldErrors: { file: [`image.${e.problem}`] } }), { status: 422 });
    throw e;
  }
  const { caseNo, token } = filed;
  return data<ReportAnswer>({ ...submission.reply({ resetForm: true }), done: { caseNo, statusUrl: `${publicOrigin(context)}/report/status/${token}` } });
}

// Retry-After must reach the browser; the page with the status link must not be cached anywhere.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers({ "Cache-Control": "no-store" });
  const retry = actionHeaders.get("Retry-After");
  if (retry) headers.set("Retry-After", retry);
  return headers;
};

export default function ReportPage() {
  const { gis } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm({
    ...validateOnSubmit,
    lastResult: actionData,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: misuseReportSchema }),
  });
  const done = actionData?.done;
  if (done) {
    return (
      <section>
        <h1>{t("report.thanksTitle")}</h1>
        <p className="notice" role="status">
          {t("report.caseNo", { case: done.caseNo })}
        </p>
        <p>{t("report.statusLinkIntro")}</p>
        <p>
          <a href={done.statusUrl} className="reset-link">
            {t("report.statusLink")}: {done.statusUrl}
          </a>
        </p>
      </section>
    );
  }
  const fileErrors = actionData?.error?.file ?? undefined;
  return (
    <section className="form">
      <h1>{t("report.title")}</h1>
      <p>{t("report.intro")}</p>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <TextAreaField meta={asText(fields.what_seen)} label={t("report.whatSeen")} hint={t("report.whatSeenHint")} />
        <SelectField
          meta={asText(fields.gi_product_id)}
          label={t("report.gi")}
          options={[{ value: "", label: t("report.giUnknown") }, ...gis.map((g) => ({ value: String(g.id), label: g.name_zh, lang: "zh-CN" }))]}
        />
        <SelectField
          meta={asText(fields.place_kind)}
          label={t("report.placeKind")}
          options={PLACE_KINDS.map((k) => ({ value: k, label: t(`report.place.${k}` as MessageKey) }))}
        />
        <TextField meta={asText(fields.place_name)} label={t("report.placeName")} hint={t("report.placeNameHint")} />
        <TextField meta={asText(fields.online_url)} label={t("report.onlineUrl")} hint={t("report.onlineUrlHint")} type="url" />
        <TextField meta={asText(fields.seen_on)} label={t("report.seenOn")} type="date" />
        <TextField meta={asText(fields.contact)} label={t("report.contact")} autoComplete="off" />
        <div className="field">
          <label htmlFor="report-file">{t("report.photo")}</label>
          <p id="report-file-hint" className="field-hint">
            {t("report.photoHint")}
          </p>
          <input
            id="report-file"
            name="file"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            aria-invalid={fileErrors?.length ? true : undefined}
            aria-describedby={fileErrors?.length ? "report-file-hint report-file-error" : "report-file-hint"}
          />
          {fileErrors?.length ? (
            <p id="report-file-error" className="field-error">
              {fileErrors.map((e) => translateMessage(t, e)).join(";")}
            </p>
          ) : null}
        </div>
        <FormActions>
          <button type="submit" className="button">
            {t("report.submit")}
          </button>
        </FormActions>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("report.title")} · ${t("site.name")}` }, { name: "referrer", content: "no-referrer" }];
};

export { ErrorBoundary } from "../components/route-error";
