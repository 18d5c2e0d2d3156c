import { validateOnSubmit } from "../components/form-validation";
import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole, STAFF_ROLES } from "../auth/guards.server";
import { FieldErrors, FormActions, FormErrors } from "../components/form";
import { Picture } from "../components/picture";
import { AuditTable, creditKey, fieldLabel, formatDateTime, formatValue } from "../components/staff";
import { StatusBadge } from "../components/status-badge";
import { DECISIONS, decisionSchema } from "../domain/review-forms";
import { metaTranslator, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { removeUnreferencedPictures } from "../images/picture-flow.server";
import { imageStorage } from "../images/storage.server";
import { notFound, recordIdOr404 } from "../lib/route-params";
import { listAudit } from "../../db/queries/audit";
import { reviewPictureKeys } from "../../db/queries/product-pictures";
import { REVIEW_KINDS, type ReviewKind } from "../../db/queries/review";
import { decide } from "../../db/queries/review-decisions";
import { reviewItem, reviewTargetExists } from "../../db/queries/review-item";
import { db } from "../services.server";
import { notifyReviewDecision } from "../notifications/notify.server";
import { publicOrigin } from "../platform/public-origin.server";
import { ScrollableTable } from "../components/scrollable-table";

function kindOr404(raw: string | undefined): ReviewKind {
  if (!REVIEW_KINDS.includes(raw as ReviewKind)) notFound();
  return raw as ReviewKind;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, STAFF_ROLES);
  const kind = kindOr404(params.kind);
  const id = recordIdOr404(params.id);
  const item = await reviewItem(db(), kind, id);
  if (!item) {
    // decided (or sent back) since the link was made: say so rather than "page not found"
    if (await reviewTargetExists(db(), kind, id)) return { item: null, history: [] };
    notFound();
  }
  const history = await listAudit(db(), { entityType: item.entityType, entityId: item.entityId }, 1, 30);
  return { item, history: history.rows };
}

const REFUSALS = {
  stale: "staff.stale",
  credit_blocked: "staff.creditBlocked",
  duplicate_key: "staff.duplicateKey",
  invalid_reference: "staff.invalidReference",
} as const;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, STAFF_ROLES);
  const kind = kindOr404(params.kind);
  const id = recordIdOr404(params.id);
  const submission = parseWithZod(await request.formData(), { schema: decisionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { decision, comment, version } = submission.value;
  const pictureKeys = await reviewPictureKeys(db(), kind, id);
  const result = await db()
    .transaction()
    .execute(async (trx) => {
      const decided = await decide(trx, { kind, id, version, decision, comment, actorId: user.id });
      if (decided === "ok") await notifyReviewDecision(trx, { kind, id, version, decision, comment }, { origin: publicOrigin(context) });
      return decided;
    });
  if (result === "not_found") notFound();
  if (result !== "ok") return data(submission.reply({ formErrors: [REFUSALS[result]] }), { status: 409 });
  // after the commit: files of pictures an approval dropped or a rejection discarded, if nothing else shows them
  await removeUnreferencedPictures(db(), imageStorage(), pictureKeys);
  throw redirect(`/staff?done=${decision}`);
}

/** A product linked to a GI its producer holds no verified authorisation for: the GI's name is Chinese content. */
function GiLinkNotice({ name, pending }: { name: string; pending: boolean }) {
  const t = useT();
  const status = t(pending ? "product.giClaimedNotVerified" : "product.giNotClaimed");
  const [before, after] = t("staff.giLinkUnverified", { name: "{name}", status }).split("{name}");
  return (
    <p className="notice">
      {before}
      <span lang="zh-CN">{name}</span>
      {after}
    </p>
  );
}

export default function ReviewItemPage() {
  const { item, history } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  if (!item) {
    return (
      <section>
        <h1>{t("staff.queue")}</h1>
        <FormErrors errors={lastResult?.error?.[""] ?? undefined} id="review-errors" />
        <p className="notice">{t("staff.notWaiting")}</p>
        <p>
          <Link to="/staff">{t("staff.queue")}</Link>
        </p>
      </section>
    );
  }
  return <ReviewForm item={item} history={history} lastResult={lastResult} />;
}

function ReviewForm({
  item,
  history,
  lastResult,
}: {
  item: NonNullable<SerializeFrom<typeof loader>["item"]>;
  history: SerializeFrom<typeof loader>["history"];
  lastResult: SerializeFrom<typeof action> | undefined;
}) {
  const t = useT();
  const [form, fields] = useForm({
    id: `review-${item.kind}-${item.id}`,
    lastResult,
    defaultValue: { version: item.version },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: decisionSchema }),
    ...validateOnSubmit,
  });
  const blocked = item.creditStatus !== null && item.creditStatus !== "normal";
  return (
    <section>
      <h1>{t("staff.reviewTitle", { name: item.name })}</h1>
      <dl className="facts">
        <dt>{t("staff.col.kind")}</dt>
        <dd>
          {t(`staff.kind.${item.kind}` as MessageKey)} · {t(`entity.${item.entityType}` as MessageKey)} #{item.entityId}
        </dd>
        <dt>{t("staff.col.organization")}</dt>
        <dd>
          {item.organizationId ? (
            <Link to={`/staff/organizations/${item.organizationId}`} lang="zh-CN">
              {item.organization}
            </Link>
          ) : (
            "—"
          )}
          {item.creditStatus && item.creditStatus !== "normal" && <StatusBadge tone="warn" label={t(creditKey(item.creditStatus))} />}
        </dd>
        <dt>{t("staff.col.submitted")}</dt>
        <dd>{formatDateTime(item.submittedAt)}</dd>
      </dl>
      {blocked && <p className="notice">{t("staff.creditWarning", { status: t(creditKey(item.creditStatus!)) })}</p>}
      {item.entityType !== "organization" && item.organizationStatus && item.organizationStatus !== "published" && (
        <p className="notice">{t("staff.orgNotPublished")}</p>
      )}
      {item.giLink && item.giLink.authorisation !== "verified" && <GiLinkNotice name={item.giLink.name} pending={item.giLink.authorisation === "pending"} />}
      <p>{item.isNew ? t("staff.newRecordNote") : t("staff.revisionNote")}</p>
      <ScrollableTable label={t("staff.reviewTitle", { name: item.name })}>
        <table className="status-table diff-table">
          <thead>
            <tr>
              <th scope="col">{t("staff.field")}</th>
              {!item.isNew && <th scope="col">{t("staff.before")}</th>}
              <th scope="col">{t("staff.after")}</th>
            </tr>
          </thead>
          <tbody>
            {item.diff.map((row) => (
              <tr key={row.field} className={!item.isNew && row.changed ? "diff-changed" : undefined}>
                <th scope="row">
                  {fieldLabel(t, row.field)}
                  {!item.isNew && row.changed && (
                    <>
                      {" "}
                      <StatusBadge tone="warn" label={t("staff.changed")} />
                    </>
                  )}
                </th>
                {!item.isNew && <td lang="zh-CN">{formatValue(t, row.field, row.before)}</td>}
                <td lang="zh-CN">{formatValue(t, row.field, row.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>

      {item.pictures && (
        <>
          <h2>{t("product.pictures")}</h2>
          <div className="review-pictures">
            {(item.pictures.before
              ? ([
                  ["staff.before", item.pictures.before],
                  ["staff.after", item.pictures.after],
                ] as const)
              : ([["staff.after", item.pictures.after]] as const)
            ).map(([label, list]) => (
              <section key={label}>
                <h3>{t(label)}</h3>
                {list.length === 0 ? (
                  <p>{t("image.none")}</p>
                ) : (
                  <ol className="image-list">
                    {list.map((p) => (
                      <li key={p.ref} lang="zh-CN">
                        <Picture variants={p.variants} alt={p.alt_zh} width={p.width} height={p.height} sizes="10rem" />
                        <p>{p.alt_zh}</p>
                      </li>
                    ))}
                  </ol>
                )}
              </section>
            ))}
          </div>
        </>
      )}

      <h2>{t("staff.decision")}</h2>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <input type="hidden" name={fields.version.name} value={item.version} />
        <fieldset className="field" aria-describedby={fields.decision.errors?.length ? fields.decision.errorId : undefined}>
          <legend>{t("staff.decision")}</legend>
          {DECISIONS.map((d) => (
            <label key={d} className="choice">
              <input type="radio" name={fields.decision.name} value={d} defaultChecked={d === fields.decision.initialValue} /> {t(`decision.${d}`)}
            </label>
          ))}
          <FieldErrors meta={fields.decision} />
        </fieldset>
        <div className="field">
          <label htmlFor={fields.comment.id}>{t("staff.comment")}</label>
          <p id={`${fields.comment.id}-hint`} className="field-hint">
            {t("staff.commentHint")}
          </p>
          <textarea {...getTextareaProps(fields.comment, { ariaDescribedBy: `${fields.comment.id}-hint` })} key={fields.comment.key} rows={4} />
          <FieldErrors meta={fields.comment} />
        </div>
        <FormActions>
          <button type="submit" className="button">
            {t("staff.submitDecision")}
          </button>
        </FormActions>
      </Form>

      <h2>{t("staff.history")}</h2>
      <AuditTable rows={history} showRecord={false} />
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("staff.reviewTitle", { name: data?.item?.name ?? "" })} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export { ErrorBoundary } from "../components/route-error";
