import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { markNotificationsRead, notificationsFor, openReplyNotice } from "../../db/queries/notifications";
import { unsealBuyerLink } from "../notifications/signing.server";
import { requireUser } from "../auth/guards.server";
import { formatDateTime } from "../lib/format";
import { metaTranslator, usePreferences, useT } from "../i18n/i18n";
import { describeNotification } from "../notifications/describe";
import { db } from "../services.server";

export { ErrorBoundary } from "../components/route-error";

// GET/POST /notifications — a signed-in person's in-site notifications (new inquiries and leads, replies, review
// decisions), newest first; marking one or all read is a plain form post, so it works without JavaScript.

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // a buyer's reply notice: the private link is unsealed for its own account only, never stored in the notice
  const open = Number(new URL(request.url).searchParams.get("open"));
  if (Number.isInteger(open) && open > 0) {
    const sealed = await openReplyNotice(db(), user.id, open);
    const token = sealed ? unsealBuyerLink(sealed) : null;
    if (token) throw redirect(`/inquiries/${token}`, { headers: { "Cache-Control": "private, no-store", "Referrer-Policy": "same-origin" } });
  }
  return data({ notifications: await notificationsFor(db(), user.id) }, { headers: { "Cache-Control": "private, no-store" } });
}

const readSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("read"), id: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal("all") }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = readSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: "intent, id: not a notification of yours" }, { status: 400 });
  await markNotificationsRead(db(), user.id, parsed.data.intent === "read" ? parsed.data.id : undefined);
  throw redirect("/notifications?done=read");
}

export default function NotificationsPage() {
  const { notifications } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const t = useT();
  const { lang } = usePreferences();
  const unread = notifications.some((n) => !n.read_at);
  return (
    <section>
      <h1>{t("notifications.title")}</h1>
      {params.get("done") === "read" && (
        <p className="notice" role="status">
          {t("notifications.marked")}
        </p>
      )}
      {notifications.length === 0 ? (
        <p>{t("notifications.empty")}</p>
      ) : (
        <>
          {unread && (
            <Form method="post">
              <button type="submit" name="intent" value="all" className="button button--secondary">
                {t("notifications.markAllRead")}
              </button>
            </Form>
          )}
          <ul className="notification-list">
            {notifications.map((n) => {
              const text = describeNotification(t, lang, n.kind, n.params);
              return (
                <li key={n.id} className={n.read_at ? undefined : "notification--unread"}>
                  {!n.read_at && <strong>{t("notifications.unread")}: </strong>}
                  {n.link_path ? (
                    <Link to={n.link_path}>{text}</Link>
                  ) : n.kind === "inquiry_reply" ? (
                    <Link to={`/notifications?open=${n.id}`}>{text}</Link>
                  ) : (
                    text
                  )}{" "}
                  <time dateTime={new Date(n.created_at).toISOString()}>{formatDateTime(n.created_at)}</time>
                  {!n.read_at && (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="id" value={n.id} />
                      <button type="submit" name="intent" value="read" className="link-button" aria-label={`${t("notifications.markRead")}:${text}`}>
                        {t("notifications.markRead")}
                      </button>
                    </Form>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("notifications.title")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};
