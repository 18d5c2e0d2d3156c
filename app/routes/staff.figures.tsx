import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole, STAFF_ROLES } from "../auth/guards.server";
import { FormActions, SelectField, TextField } from "../components/form";
import { FormOutcome } from "../components/form-outcome";
import { validateOnSubmit } from "../components/form-validation";
import { ScrollableTable } from "../components/scrollable-table";
import { asText } from "../components/staff";
import { fieldErrorReply, noticeReply, type FormAnswer } from "../domain/form-reply";
import { deleteOfficialFigureSchema, OFFICIAL_METRICS, officialFigureSchema } from "../domain/official-figures";
import { metaTranslator, usePreferences, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { chinaDateTime } from "../platform/china-time";
import { SourceText } from "../stats/figure-frame";
import { forgetStats } from "../stats/figures.server";
import { writeAudit } from "../../db/queries/audit";
import { deleteOfficialFigure, officialFigureById, officialFiguresForStaff, setOfficialFigure } from "../../db/queries/official-figures";
import { db } from "../services.server";

// /staff/figures — the city's official figure per measure and year, with its source, entered by market-regulation
// staff and shown on /stats beside the catalogue's own count (issue 21, decision 032). Add, change (entering the same
// measure and year again) and delete; each in one transaction with its audit entry. Works without JavaScript.

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, STAFF_ROLES);
  const editId = Number(new URL(request.url).searchParams.get("edit"));
  const editing = Number.isSafeInteger(editId) && editId > 0 ? await officialFigureById(db(), editId) : undefined;
  const figures = await officialFiguresForStaff(db());
  return {
    figures: figures.map((f) => ({ ...f, entered_at: chinaDateTime(f.entered_at) })),
    defaults: editing
      ? {
          metric: editing.metric,
          year: String(editing.year),
          value: String(editing.value),
          source_text: editing.source_text,
          source_url: editing.source_url ?? "",
        }
      : undefined,
  };
}

/** The answer of this page's forms; a success names what was saved or deleted (its measure is translated on the page). */
type FiguresAnswer = FormAnswer & { done?: { notice: "official.saved" | "official.deleted"; metric: string; year: number } };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, STAFF_ROLES);
  const formData = await request.formData();
  if (formData.get("intent") === "delete") {
    const submission = parseWithZod(formData, { schema: deleteOfficialFigureSchema });
    if (submission.status !== "success") return data<FiguresAnswer>({ ...submission.reply(), form: "delete" }, { status: 400 });
    const deleted = await db()
      .transaction()
      .execute(async (trx) => {
        const row = await deleteOfficialFigure(trx, submission.value.id);
        if (row) await writeAudit(trx, { actorId: user.id, action: "official_figure_delete", entityType: "official_figure", entityId: row.id, before: row });
        return row;
      });
    if (!deleted) return data<FiguresAnswer>({ ...fieldErrorReply([], { formErrors: ["official.gone"] }), form: "delete" }, { status: 404 });
    forgetStats();
    return {
      ...noticeReply("official.deleted"),
      form: "delete",
      done: { notice: "official.deleted", metric: deleted.metric, year: deleted.year },
    } satisfies FiguresAnswer;
  }
  const submission = parseWithZod(formData, { schema: officialFigureSchema });
  if (submission.status !== "success") return data<FiguresAnswer>({ ...submission.reply(), form: "save" }, { status: 400 });
  const f = submission.value;
  await db()
    .transaction()
    .execute(async (trx) => {
      const { before, after } = await setOfficialFigure(trx, f, user.id);
      await writeAudit(trx, {
        actorId: user.id,
        action: "official_figure_set",
        entityType: "official_figure",
        entityId: after.id,
        before: before ?? undefined,
        after,
      });
    });
  forgetStats();
  return {
    ...noticeReply("official.saved", submission.reply({ resetForm: true })),
    form: "save",
    done: { notice: "official.saved", metric: f.metric, year: f.year },
  } satisfies FiguresAnswer;
}

export default function OfficialFigures() {
  const { figures, defaults } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const t = useT();
  const { lang } = usePreferences();
  const fmt = new Intl.NumberFormat(lang === "en" ? "en" : "zh-CN");
  const saveAnswer = answer?.form === "save" ? answer : undefined;
  const [form, fields] = useForm({
    ...validateOnSubmit,
    lastResult: saveAnswer,
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: officialFigureSchema }),
  });
  // the outcome names each wrong field by its label in the reader's language (and the fields repeat their own errors)
  const labels = {
    metric: t("official.metric"),
    year: t("official.year"),
    value: t("official.value"),
    source_text: t("official.sourceText"),
    source_url: t("official.sourceUrl"),
  };
  return (
    <section className="form">
      <h1>{t("staff.figures")}</h1>
      <p>{t("official.staffIntro")}</p>
      {answer?.done ? (
        <p className="notice" role="status">
          {t(answer.done.notice, { metric: t(`official.metric.${answer.done.metric}` as MessageKey), year: answer.done.year })}
        </p>
      ) : (
        <FormOutcome answer={answer} labels={labels} />
      )}
      <h2>{t("official.formHeading")}</h2>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="save" />
        <SelectField
          meta={asText(fields.metric)}
          label={labels.metric}
          options={OFFICIAL_METRICS.map((m) => ({ value: m, label: t(`official.metric.${m}` as MessageKey) }))}
        />
        <TextField meta={asText(fields.year)} label={labels.year} type="number" />
        <TextField meta={asText(fields.value)} label={labels.value} />
        <TextField meta={asText(fields.source_text)} label={labels.source_text} hint={t("official.sourceTextHint")} />
        <TextField meta={asText(fields.source_url)} label={labels.source_url} hint={t("official.sourceUrlHint")} type="url" />
        <FormActions>
          <button type="submit" className="button">
            {t("official.save")}
          </button>
        </FormActions>
      </Form>
      <h2>{t("official.listHeading")}</h2>
      {figures.length === 0 ? (
        <p>{t("official.none")}</p>
      ) : (
        <ScrollableTable label={t("official.listHeading")}>
          <table className="status-table">
            <thead>
              <tr>
                <th scope="col">{t("official.col.metric")}</th>
                <th scope="col">{t("official.col.year")}</th>
                <th scope="col">{t("official.col.value")}</th>
                <th scope="col">{t("official.col.source")}</th>
                <th scope="col">{t("official.col.entered")}</th>
                <th scope="col">{t("official.col.action")}</th>
              </tr>
            </thead>
            <tbody>
              {figures.map((f) => {
                const name = `${t(`official.metric.${f.metric}` as MessageKey)} ${f.year}`;
                return (
                  <tr key={f.id}>
                    <th scope="row">{t(`official.metric.${f.metric}` as MessageKey)}</th>
                    <td className="num">{f.year}</td>
                    <td className="num">{fmt.format(f.value)}</td>
                    <td>
                      <SourceText text={f.source_text} url={f.source_url} />
                    </td>
                    <td>
                      {f.entered_by_name && <span lang={/\p{Script=Han}/u.test(f.entered_by_name) ? "zh-CN" : undefined}>{f.entered_by_name}</span>}{" "}
                      {f.entered_at}
                    </td>
                    <td>
                      <div className="form-actions">
                        <Link to={`?edit=${f.id}`} className="button button--secondary" aria-label={`${t("official.edit")}:${name}`}>
                          {t("official.edit")}
                        </Link>
                        <Form method="post">
                          <input type="hidden" name="intent" value="delete" />
                          <input type="hidden" name="id" value={f.id} />
                          <button type="submit" className="button button--secondary" aria-label={`${t("official.delete")}:${name}`}>
                            {t("official.delete")}
                          </button>
                        </Form>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollableTable>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("staff.figures")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export { ErrorBoundary } from "../components/route-error";
