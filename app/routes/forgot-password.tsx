import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { metaTranslator, useT } from "../i18n/i18n";

// GET /forgot-password — what someone who forgot their password can do today. There is no e-mail or SMS sending yet
// (issue 18 item 5), so a reset link is issued by staff (/staff/users), works once and for 24 hours
// (reset-password.$token.tsx). When mail sending lands, this page becomes the form that e-mails the link.

export default function ForgotPasswordPage() {
  const t = useT();
  return (
    <section className="form">
      <h1>{t("forgot.title")}</h1>
      <p>{t("forgot.howItWorks")}</p>
      <p>{t("forgot.whatYouGet")}</p>
      <p>
        <Link to="/login">{t("forgot.back")}</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("forgot.title")} · ${t("site.name")}` }];
};

export { ErrorBoundary } from "../components/route-error";
