import { randomBytes } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole, STAFF_ROLES } from "../auth/guards.server";
import { hashToken, type SessionUser } from "../auth/session.server";
import { StatusBadge } from "../components/status-badge";
import { msg } from "../domain/fields";
import { accountActionSchema } from "../domain/review-forms";
import { metaTranslator, translateMessage, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { notFound } from "../lib/route-params";
import { publicOrigin } from "../platform/public-origin.server";
import { writeAudit } from "../../db/queries/audit";
import { accountById, issueResetToken } from "../../db/queries/staff-users";
import { disableUser, enableUser, listUsers } from "../../db/queries/users";
import type { Role } from "../../db/schema";
import { db } from "../services.server";
import { ScrollableTable } from "../components/scrollable-table";

/** Reviewers look after producer accounts; administrators after every account but their own. */
function mayManage(actor: SessionUser, target: { id: number; role: Role }) {
  if (actor.id === target.id) return false;
  return actor.role === "admin" || target.role === "producer";
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, STAFF_ROLES);
  const users = await listUsers(db());
  return { users: users.map((u) => ({ ...u, manageable: mayManage(user, u) })) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, STAFF_ROLES);
  // The buttons post hidden fields only, so errors come from hand-made requests: Conform's reply, shown above the table.
  const submission = parseWithZod(await request.formData(), { schema: accountActionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { intent, user_id } = submission.value;
  const target = await accountById(db(), user_id);
  if (!target) notFound();
  const account = target.email ?? target.phone ?? `#${target.id}`;
  if (!mayManage(user, target)) return data(submission.reply({ formErrors: ["users.notAllowed"] }), { status: 403 });
  // Success is a SubmissionResult too (status "success"), with the notice to show and, for a reset, the link to pass on.
  const done = (notice: string, link?: string) => ({ ...submission.reply({ resetForm: true }), status: "success" as const, notice, link });
  if (intent === "reset") {
    const token = randomBytes(32).toString("base64url");
    await db()
      .transaction()
      .execute((trx) => issueResetToken(trx, user.id, target.id, hashToken(token)));
    return done(msg("users.resetIssued", { account }), `${publicOrigin(context)}/reset-password/${token}`);
  }
  if (intent === "disable") {
    await db()
      .transaction()
      .execute(async (trx) => {
        await disableUser(trx, target.id);
        await writeAudit(trx, { actorId: user.id, action: "disable_user", entityType: "user", entityId: target.id });
      });
    return done(msg("users.disabledDone", { account }));
  }
  await db()
    .transaction()
    .execute(async (trx) => {
      await enableUser(trx, target.id);
      await writeAudit(trx, { actorId: user.id, action: "enable_user", entityType: "user", entityId: target.id });
    });
  return done(msg("users.enabledDone", { account }));
}

export default function StaffUsers() {
  const { users } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <section>
      <h1>{t("staff.users")}</h1>
      <p>{t("users.intro")}</p>
      {result && "notice" in result && (
        <div className="notice" role="status">
          <p>{translateMessage(t, result.notice)}</p>
          {result.link && (
            <p>
              <code className="reset-link">{result.link}</code>
            </p>
          )}
        </div>
      )}
      {result?.status === "error" && (
        <div className="form-error" role="alert">
          {Object.entries(result.error ?? {}).map(([field, errors]) => (
            <p key={field}>
              {field ? `${field}: ` : ""}
              {(errors ?? []).map((e) => translateMessage(t, e)).join(";")}
            </p>
          ))}
        </div>
      )}
      <ScrollableTable label={t("staff.users")}>
        <table className="status-table">
          <thead>
            <tr>
              <th scope="col">{t("users.account")}</th>
              <th scope="col">{t("users.role")}</th>
              <th scope="col">{t("staff.col.organization")}</th>
              <th scope="col">{t("users.state")}</th>
              <th scope="col">{t("staff.col.action")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => {
              const account = u.email ?? u.phone ?? `#${u.id}`;
              return (
                <tr key={u.id}>
                  <td>
                    {account}
                    {u.display_name && <p lang="zh-CN">{u.display_name}</p>}
                  </td>
                  <td>{t(`role.${u.role}` as MessageKey)}</td>
                  <td lang="zh-CN">{u.organization_zh ?? "—"}</td>
                  <td>{u.disabled_at ? <StatusBadge tone="warn" label={t("users.disabled")} /> : t("users.active")}</td>
                  <td>
                    {u.manageable && (
                      <Form method="post" className="form-actions">
                        <input type="hidden" name="user_id" value={u.id} />
                        <button type="submit" name="intent" value="reset" className="button button--secondary" aria-label={`${t("users.reset")}:${account}`}>
                          {t("users.reset")}
                        </button>
                        {u.disabled_at ? (
                          <button
                            type="submit"
                            name="intent"
                            value="enable"
                            className="button button--secondary"
                            aria-label={`${t("users.enable")}:${account}`}
                          >
                            {t("users.enable")}
                          </button>
                        ) : (
                          <button
                            type="submit"
                            name="intent"
                            value="disable"
                            className="button button--secondary"
                            aria-label={`${t("users.disable")}:${account}`}
                          >
                            {t("users.disable")}
                          </button>
                        )}
                      </Form>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollableTable>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("staff.users")} · ${t("site.name")}` }, { name: "referrer", content: "no-referrer" }, { name: "robots", content: "noindex" }];
};

export { ErrorBoundary } from "../components/route-error";
