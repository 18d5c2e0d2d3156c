import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "../auth/guards.server";
import { PRIVATE_HEADERS } from "../buyers/inquiry.server";
import { MATCHING_STAFF } from "../buyers/roles";
import { ContentText, Trans } from "../components/content-text";
import { DealList, InquirySummary, Thread } from "../components/inquiry-parts";
import { InquiryLines, StatusHistory, threadUnit } from "../components/inquiry-lines";
import { inquiryBadge, StatusBadge } from "../components/status-badge";
import { localized, metaTranslator, usePreferences, useT } from "../i18n/i18n";
import { notFound, recordIdOr404 } from "../lib/route-params";
import { inquiryForStaff } from "../../db/queries/inquiries";
import { db } from "../services.server";

// /matching/inquiries/:id — staff read one inquiry with the buyer's contact and every producer's thread.

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, MATCHING_STAFF);
  const inquiry = await inquiryForStaff(db(), recordIdOr404(params.id));
  if (!inquiry) notFound();
  return data({ inquiry }, { headers: PRIVATE_HEADERS });
}

export default function StaffInquiry() {
  const { inquiry } = useLoaderData<typeof loader>();
  const t = useT();
  const { lang } = usePreferences();
  return (
    <article className="inquiry-page">
      <p>
        <Link to="/matching">{t("matching.back")}</Link>
      </p>
      <h1>
        <Trans k="inbox.threadTitle" vars={{ buyer: <ContentText text={inquiry.buyer_name} /> }} />
      </h1>
      <section aria-labelledby="request">
        <h2 id="request">{t("inquiry.request")}</h2>
        <InquirySummary inquiry={inquiry} showContact />
      </section>
      {inquiry.recipients.map((r) => {
        const org = localized(lang, r.organization_zh, r.organization_en);
        return (
          <section key={r.id} aria-labelledby={`thread-${r.id}-heading`} className="inquiry-thread">
            <h2 id={`thread-${r.id}-heading`}>
              <span lang={org.lang}>{org.text}</span> <StatusBadge {...inquiryBadge(t, r.status)} />
            </h2>
            <h3>{t("lines.table")}</h3>
            <InquiryLines lines={r.lines} />
            <StatusHistory history={r.history} />
            <h3>{t("thread.title")}</h3>
            <Thread
              messages={r.messages}
              labels={{ buyer: <ContentText text={inquiry.buyer_name} />, producer: <span lang={org.lang}>{org.text}</span> }}
              unit={threadUnit(inquiry.quantity_unit, r.lines)}
            />
            <DealList deals={r.deals} />
          </section>
        );
      })}
    </article>
  );
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("matching.title")} · ${t("site.name")}` }];
};

export { ErrorBoundary } from "../components/route-error";
