import { Link } from "@remix-run/react";
import { Fragment } from "react";
import { ContentText } from "../components/content-text";
import { DealForm, DealList, InquirySummary, ReplyForm, Thread } from "../components/inquiry-parts";
import { InquiryLines, StatusHistory, threadUnit } from "../components/inquiry-lines";
import { inquiryBadge, StatusBadge } from "../components/status-badge";
import type { FormAnswer } from "../domain/form-reply";
import { localized, usePreferences, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import type { BuyerInquiryData } from "./inquiry-actions.server";

// The buyer's view of one inquiry, fed by loadBuyerInquiry(): the same on the private link page and on a signed-in
// buyer's own page. Per producer: status, contacts, each line with its quotes, the status history, the thread with a
// reply form, and deals with a form to record one.

export interface BuyerInquiryViewProps {
  // JSON-serialised loader data (dates as strings)
  data: { inquiry: unknown; recipients: unknown[] };
  /** the private link to show and keep; absent on a signed-in buyer's page */
  link?: string;
  sent?: boolean;
  held?: boolean;
  done?: string | null;
  actionData?: FormAnswer;
}

type ViewData = BuyerInquiryData;

export function BuyerInquiryView(props: BuyerInquiryViewProps) {
  const { link, sent, held, done, actionData } = props;
  const { inquiry, recipients } = props.data as unknown as ViewData;
  const t = useT();
  const { lang } = usePreferences();
  const resultFor = (intent: string, id: number) => (actionData?.form === `${intent}-${id}` ? actionData : undefined);
  return (
    <article className="inquiry-page">
      <h1>{t("inquiry.yourInquiry")}</h1>
      {sent && (
        <div className="notice" role="status">
          <p>{t("inquiry.sent", { count: recipients.length })}</p>
          {held && <p>{t("inquiry.heldNotice")}</p>}
          {link && <p>{t("inquiry.keepLink")}</p>}
        </div>
      )}
      {done === "reply" || done === "deal" ? (
        <p className="notice" role="status">
          {t(done === "reply" ? "thread.sent" : "deal.recorded")}
        </p>
      ) : null}
      {link && (
        <section aria-labelledby="private-link">
          <h2 id="private-link">{t("inquiry.privateLink")}</h2>
          <p className="field-hint">{t("inquiry.privateLinkHint")}</p>
          <p className="sources">
            <a href={link}>{link}</a>
          </p>
        </section>
      )}
      <section aria-labelledby="request">
        <h2 id="request">{t("inquiry.request")}</h2>
        <InquirySummary inquiry={inquiry} showContact />
      </section>
      {recipients.map((r) => {
        const org = localized(lang, r.organization_zh, r.organization_en);
        return (
          <section key={r.id} id={`thread-${r.id}`} aria-labelledby={`thread-${r.id}-heading`} className="inquiry-thread">
            <h2 id={`thread-${r.id}-heading`}>
              <span lang={org.lang}>{org.text}</span> <StatusBadge {...inquiryBadge(t, r.status)} />
            </h2>
            {r.public && (
              <p>
                {t("record.contacts")}:{" "}
                {r.contacts.length === 0
                  ? t("record.noPublicContacts")
                  : r.contacts.map((c, i) => (
                      <Fragment key={`${c.kind}-${i}`}>
                        {i > 0 && " · "}
                        {t(`contact.${c.kind}` as MessageKey)} <ContentText text={c.value} />
                      </Fragment>
                    ))}{" "}
                <Link to={`/organizations/${r.organization_id}`}>
                  {t("inquiry.producerPage")}
                  <span className="buyers-sr-only">: {org.text}</span>
                </Link>
              </p>
            )}
            <h3>{t("lines.table")}</h3>
            <InquiryLines lines={r.lines} />
            <StatusHistory history={r.history} />
            <h3>{t("thread.title")}</h3>
            <Thread
              messages={r.messages}
              labels={{ buyer: t("thread.you"), producer: <span lang={org.lang}>{org.text}</span> }}
              unit={threadUnit(inquiry.quantity_unit, r.lines)}
            />
            <ReplyForm id={`reply-${r.id}`} recipientId={r.id} lastResult={resultFor("reply", r.id)} withQuote={false} />
            <h3>{t("deal.title")}</h3>
            <DealList deals={r.deals} />
            {r.dealProducts.length > 0 ? (
              <DealForm id={`deal-${r.id}`} recipientId={r.id} products={r.dealProducts} lastResult={resultFor("deal", r.id)} />
            ) : (
              <p className="muted">{t("deal.noProducts")}</p>
            )}
          </section>
        );
      })}
    </article>
  );
}
