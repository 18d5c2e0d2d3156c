import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "../auth/guards.server";
import { takeNotices } from "../auth/notices.server";
import { safeRedirect } from "../auth/redirect";
import { metaTranslator, useT } from "../i18n/i18n";
import { formatDateTime } from "../lib/format";

// Shown once after sign-in when something happened to the account that its owner must hear of (see
// app/auth/notices.server.ts); reading it marks the notices seen.

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const next = safeRedirect(new URL(request.url).searchParams.get("next"), "/");
  const notices = await takeNotices(user.id);
  if (!notices.length) throw redirect(next);
  return {
    next,
    notices: notices.map((n) => ({ id: n.id, kind: n.kind, times: n.times, first: formatDateTime(n.first_at), last: formatDateTime(n.last_at) })),
  };
}

export default function AccountNoticesPage() {
  const { next, notices } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section className="form">
      <h1>{t("auth.noticesTitle")}</h1>
      {notices.map((n) => (
        <p key={n.id} role="alert">
          {t("auth.noticeSignupAttempt", { times: n.times, first: n.first, last: n.last })}
        </p>
      ))}
      <p>
        <Link to={next} className="button">
          {t("auth.noticesContinue")}
        </Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("auth.noticesTitle")} · ${t("site.name")}` }];
};

export { ErrorBoundary } from "../components/route-error";
