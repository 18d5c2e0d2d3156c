import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { outboxCounts, outboxMessages, retryFailedMail } from "../../db/queries/mail-queue";
import type { MailStatus } from "../../db/schema";
import { requireRole, STAFF_ROLES } from "../auth/guards.server";
import { formatDateTime } from "../lib/format";
import { metaTranslator, useT } from "../i18n/i18n";
import { config } from "../platform/config.server";
import { db } from "../services.server";

export { ErrorBoundary } from "../components/route-error";

// GET/POST /staff/outbox — every e-mail the site wrote (app/notifications), newest first: status, attempts, the last
// error and the text. Without SMTP_URL nothing is sent and messages are 'kept' here, so nothing is lost and staff can
// pass on what someone needs. A failed message can be sent again. Reviewers and admins only.

const STATUSES = ["queued", "sending", "sent", "failed", "kept"] as const satisfies readonly MailStatus[];
const PAGE = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, STAFF_ROLES);
  const raw = new URL(request.url).searchParams.get("status") || null;
  if (raw && !(STATUSES as readonly string[]).includes(raw)) throw data({ error: `status: must be one of ${STATUSES.join(" / ")}` }, { status: 400 });
  const status = (raw as MailStatus | null) ?? undefined;
  const [messages, counts] = await Promise.all([outboxMessages(db(), { status, limit: PAGE }), outboxCounts(db())]);
  return data({ status: status ?? null, messages, counts, sending: !!config().SMTP_URL }, { headers: { "Cache-Control": "private, no-store" } });
}

const retrySchema = z.object({ intent: z.literal("retry"), id: z.coerce.number().int().positive() });

export async function action({ request }: ActionFunctionArgs) {
  await requireRole(request, STAFF_ROLES);
  const parsed = retrySchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: "outbox.notFailed" as const, field: "id" }, { status: 400 });
  if (!(await retryFailedMail(db(), parsed.data.id))) return data({ error: "outbox.notFailed" as const, field: "id" }, { status: 409 });
  throw redirect("/staff/outbox?done=retry");
}

export default function OutboxPage() {
  const { status, messages, counts, sending } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  return (
    <section>
      <h1>{t("outbox.title")}</h1>
      <p>{t("outbox.intro")}</p>
      {!sending && <p className="notice">{t("outbox.keptIntro")}</p>}
      {params.get("done") === "retry" && (
        <p className="notice" role="status">
          {t("outbox.retried")}
        </p>
      )}
      {actionData?.error && (
        <p className="form-error" role="alert">
          {t(actionData.error)}
        </p>
      )}
      <Form method="get" className="inline-fields">
        <div className="field">
          <label htmlFor="outbox-status">{t("outbox.filter")}</label>
          <select id="outbox-status" name="status" defaultValue={status ?? ""}>
            <option value="">{t("outbox.all")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`outbox.status.${s}`)} ({counts[s]})
              </option>
            ))}
          </select>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--secondary">
            {t("staff.show")}
          </button>
        </div>
      </Form>
      {messages.length === 0 ? (
        <p>{t("outbox.empty")}</p>
      ) : (
        <ol className="outbox-list">
          {messages.map((m) => (
            <li key={m.id}>
              <article aria-labelledby={`mail-${m.id}`}>
                <h2 id={`mail-${m.id}`} lang={m.locale}>
                  {m.subject}
                </h2>
                <dl className="fact-list">
                  <dt>{t("outbox.to")}</dt>
                  <dd>{m.to_address}</dd>
                  <dt>{t("outbox.status")}</dt>
                  <dd>{t(`outbox.status.${m.status}`)}</dd>
                  <dt>{t("outbox.created")}</dt>
                  <dd>{formatDateTime(m.created_at)}</dd>
                  {m.sent_at && (
                    <>
                      <dt>{t("outbox.sentAt")}</dt>
                      <dd>{formatDateTime(m.sent_at)}</dd>
                    </>
                  )}
                  <dt>{t("outbox.attempts")}</dt>
                  <dd>{m.attempts}</dd>
                  {m.last_error && (
                    <>
                      <dt>{t("outbox.lastError")}</dt>
                      <dd>{m.last_error}</dd>
                    </>
                  )}
                </dl>
                <details>
                  <summary>{t("outbox.body")}</summary>
                  <pre className="mail-body" lang={m.locale}>
                    {m.body_text}
                  </pre>
                </details>
                {m.status === "failed" && (
                  <Form method="post">
                    <input type="hidden" name="id" value={m.id} />
                    <button type="submit" name="intent" value="retry" className="button button--secondary" aria-label={`${t("outbox.retry")}:${m.subject}`}>
                      {t("outbox.retry")}
                    </button>
                  </Form>
                )}
              </article>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("outbox.title")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};
