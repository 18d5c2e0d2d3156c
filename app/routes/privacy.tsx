import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { retentionMonths } from "../../db/queries/personal-data";
import { metaTranslator, useT } from "../i18n/i18n";
import { PRIVACY_TEXT_VERSION } from "../privacy/consent";
import { db } from "../services.server";

// /privacy — 个人信息保护说明 (PIPL): what is kept, what for, who sees it, for how long (the retention period staff set),
// and how a person sees, downloads and deletes their data. Public, linked from the footer and every consent box.

export async function loader(_: LoaderFunctionArgs) {
  return { months: await retentionMonths(db()), version: PRIVACY_TEXT_VERSION };
}

export default function PrivacyPage() {
  const { months, version } = useLoaderData<typeof loader>();
  const signedIn = Boolean((useRouteLoaderData("root") as { user?: unknown } | undefined)?.user);
  const t = useT();
  return (
    <article className="privacy">
      <h1>{t("privacy.title")}</h1>
      <p>{t("privacy.intro")}</p>
      <h2>{t("privacy.what")}</h2>
      <ul>
        <li>{t("privacy.whatAccount")}</li>
        <li>{t("privacy.whatBuyer")}</li>
        <li>{t("privacy.whatInquiry")}</li>
      </ul>
      <h2>{t("privacy.why")}</h2>
      <p>{t("privacy.whyText")}</p>
      <h2>{t("privacy.who")}</h2>
      <p>{t("privacy.whoText")}</p>
      <h2>{t("privacy.howLong")}</h2>
      <ul>
        <li>{t("privacy.howLongAccount")}</li>
        <li>{t("privacy.howLongAnonymous", { months })}</li>
      </ul>
      <h2>{t("privacy.rights")}</h2>
      <p>{t("privacy.rightsSignedIn")}</p>
      {signedIn && (
        <ul>
          <li>
            <a href="/account/data.json" download>
              {t("privacy.download")}
            </a>
          </li>
          <li>
            <Link to="/account/delete">{t("privacy.delete")}</Link>
          </li>
        </ul>
      )}
      <p>{t("privacy.rightsAnonymous")}</p>
      <p>{t("privacy.consents", { version })}</p>
    </article>
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("privacy.title")} · ${t("site.name")}` }];
};

export { ErrorBoundary } from "../components/route-error";
