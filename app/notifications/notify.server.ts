import type { Trx } from "../../db/client";
import { enqueueMail } from "../../db/queries/mail-queue";
import {
  addNotifications,
  eventNames,
  inquiryForNotice,
  latestProducerMessage,
  mailPreference,
  organizationRecipients,
  recipientForNotice,
  recipientProductNames,
  rememberBuyerMail,
  reviewedRecord,
} from "../../db/queries/notifications";
import type { NotificationKind } from "../../db/schema";
import { isLang, joinList, localized, translator, type Lang } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { config } from "../platform/config.server";
import { preferencesToken, sealBuyerLink, unsealBuyerLink } from "./signing.server";
import { composeMail, type Vars } from "./templates";

// One function per event the site tells people about (issue 18 item 5). Each runs inside the transaction of the change
// it reports: the mail rows and in-site notifications commit with it or not at all. Mail goes through the queue
// (db/queries/mail-queue.ts), sent by app/notifications/mail-worker.server.ts, or kept for /staff/outbox without
// SMTP_URL. The idempotency key names the event and the address, so the same event never enqueues twice.

export interface NotifyContext {
  /** the public origin for links in mail (app/platform/public-origin.server.ts `publicOrigin`) */
  origin: string;
}

const lang = (value: string | null | undefined): Lang => (isLang(value) ? value : "zh-CN");

interface OneMail {
  key: string;
  address: string;
  userId: number | null;
  locale: Lang;
  kind: NotificationKind;
  subjectKey: MessageKey;
  bodyKey: MessageKey;
  /** the texts' variables, per language (names of records have a Chinese and an English form) */
  vars: (lang: Lang) => Vars;
}

async function mail(trx: Trx, ctx: NotifyContext, m: OneMail): Promise<void> {
  const address = m.address.trim();
  if (!address.includes("@")) return;
  // a reset link is asked for by the person themselves: opting out of notices does not stop it
  if (m.kind !== "password_reset") {
    const pref = await mailPreference(trx, address);
    if (pref.allOff || pref.offKinds.includes(m.kind)) return;
  }
  const text = composeMail(m.locale, m.subjectKey, m.bodyKey, m.vars(m.locale), `${ctx.origin}/mail-preferences/${preferencesToken(address)}`);
  await enqueueMail(trx, {
    idempotencyKey: `${m.key}:${address.toLowerCase()}`,
    to: address,
    userId: m.userId,
    locale: m.locale,
    kind: m.kind,
    ...text,
    send: !!config().SMTP_URL,
  });
}

/** Mail to every producer account of the organisation with an address and to its e-mail contacts; in-site to each account. */
async function tellOrganization(
  trx: Trx,
  ctx: NotifyContext,
  organizationId: number,
  event: Omit<OneMail, "address" | "userId" | "locale" | "vars"> & {
    vars: (lang: Lang, org: { name_zh: string; name_en: string | null }) => Vars;
    params: Record<string, string | number>;
    linkPath: string;
  },
) {
  const { users, organization, contactEmails } = await organizationRecipients(trx, organizationId);
  if (!organization) return;
  const sent = new Set<string>();
  for (const to of [
    ...users.map((u) => ({ address: u.email, userId: u.id, locale: lang(u.locale) })),
    ...contactEmails.map((address) => ({ address, userId: null, locale: lang(null) })),
  ]) {
    if (!to.address || sent.has(to.address.toLowerCase())) continue;
    sent.add(to.address.toLowerCase());
    await mail(trx, ctx, { ...event, address: to.address, userId: to.userId, locale: to.locale, vars: (l) => event.vars(l, organization) });
  }
  await addNotifications(
    trx,
    users.map((u) => ({ userId: u.id, kind: event.kind, eventKey: event.key, params: event.params, linkPath: event.linkPath })),
  );
}

const orgName = (l: Lang, org: { name_zh: string; name_en: string | null }) => localized(l, org.name_zh, org.name_en).text;

export interface BuyerSide {
  /** the page language the buyer wrote in: their mail comes in it */
  buyerLocale: Lang;
  /** the buyer's private link token, sealed so the reply mail can carry it (only when they left an address) */
  buyerToken: string;
}

/** Sealed only when there is someone to hand it back to: the address the buyer gave, or their account (/notifications). */
async function rememberBuyer(trx: Trx, inquiryId: number, buyer: { buyer_email: string | null; buyer_user_id: number | null }, side: BuyerSide) {
  const reachable = !!buyer.buyer_email || buyer.buyer_user_id !== null;
  await rememberBuyerMail(trx, inquiryId, side.buyerLocale, reachable ? sealBuyerLink(side.buyerToken) : null);
}

/** A buyer's inquiry from the shortlist: each producer addressed is told. */
export async function notifyNewInquiry(trx: Trx, inquiryId: number, ctx: NotifyContext & BuyerSide): Promise<void> {
  const inquiry = await inquiryForNotice(trx, inquiryId);
  if (!inquiry) return;
  await rememberBuyer(trx, inquiryId, inquiry, ctx);
  for (const r of inquiry.recipients) {
    if (r.status === "held") continue;
    const products = await recipientProductNames(trx, r.id);
    await tellOrganization(trx, ctx, r.organization_id, {
      key: `inquiry:${r.id}`,
      kind: "new_inquiry",
      subjectKey: "mail.newInquiry.subject",
      bodyKey: "mail.newInquiry.body",
      vars: (l, org) => ({
        buyer: inquiry.buyer_name,
        organization: orgName(l, org),
        products: joinList(
          l,
          products.map((p) => localized(l, p.product_name_zh, p.product_name_en).text),
        ),
        url: `${ctx.origin}/producer/inbox/${r.id}`,
      }),
      params: { buyer: inquiry.buyer_name },
      linkPath: `/producer/inbox/${r.id}`,
    });
  }
}

/**
 * A lead left at a fair booth: the exhibitor is told. A lead held past a limit (issue 19) is not announced: it may be
 * a flood, and the exhibitor sees it in the inbox's held list.
 */
export async function notifyNewLead(trx: Trx, inquiryId: number, ctx: NotifyContext & BuyerSide): Promise<void> {
  const inquiry = await inquiryForNotice(trx, inquiryId);
  if (!inquiry) return;
  await rememberBuyer(trx, inquiryId, inquiry, ctx);
  const event = inquiry.event_id === null ? undefined : await eventNames(trx, inquiry.event_id);
  for (const r of inquiry.recipients) {
    if (r.status === "held") continue;
    await tellOrganization(trx, ctx, r.organization_id, {
      key: `lead:${r.id}`,
      kind: "new_lead",
      subjectKey: "mail.newLead.subject",
      bodyKey: "mail.newLead.body",
      vars: (l, org) => ({
        buyer: inquiry.buyer_name,
        organization: orgName(l, org),
        event: event ? localized(l, event.name_zh, event.name_en).text : "",
        url: `${ctx.origin}/producer/inbox/${r.id}`,
      }),
      params: { buyer: inquiry.buyer_name },
      linkPath: `/producer/inbox/${r.id}`,
    });
  }
}

/**
 * A producer's reply on one thread (`recipientId`): the buyer is told, by e-mail when they left an address (with their
 * private link, see docs/decisions/042), and in the site when they sent it signed in.
 */
export async function notifyInquiryReply(trx: Trx, recipientId: number, ctx: NotifyContext): Promise<void> {
  const message = await latestProducerMessage(trx, recipientId);
  if (!message) return;
  await tellBuyerOfAnswer(trx, recipientId, { key: `reply:${message.id}`, text: () => message.body }, ctx);
}

/**
 * Tells the buyer of a producer's answer on one thread (a message, or a quote on a line): by e-mail to the address
 * they left, in their language, with their private link; and, when they sent it signed in, in the site — a buyer's
 * notice opens the thread in 我的采购, anyone else's unseals the private link for their own account.
 */
export async function tellBuyerOfAnswer(trx: Trx, recipientId: number, answer: { key: string; text: (lang: Lang) => string }, ctx: NotifyContext) {
  const recipient = await recipientForNotice(trx, recipientId);
  if (!recipient) return;
  const inquiry = await inquiryForNotice(trx, recipient.inquiry_id);
  if (!inquiry) return;
  const token = inquiry.sealed_link ? unsealBuyerLink(inquiry.sealed_link) : null;
  const org = { name_zh: recipient.name_zh, name_en: recipient.name_en };
  if (inquiry.buyer_email) {
    await mail(trx, ctx, {
      key: answer.key,
      address: inquiry.buyer_email,
      userId: inquiry.buyer_user_id,
      locale: lang(inquiry.locale),
      kind: "inquiry_reply",
      subjectKey: "mail.reply.subject",
      bodyKey: token ? "mail.reply.body" : "mail.reply.bodyNoLink",
      vars: (l) => ({ organization: orgName(l, org), message: answer.text(l), url: token ? `${ctx.origin}/inquiries/${token}` : "" }),
    });
  }
  if (inquiry.buyer_user_id !== null) {
    // the private link is not stored in the notification: /notifications?open=<id> unseals it for this account only
    await addNotifications(trx, [
      {
        userId: inquiry.buyer_user_id,
        kind: "inquiry_reply",
        eventKey: answer.key,
        params: { organization: recipient.name_zh, organization_en: recipient.name_en ?? "", inquiry: recipient.inquiry_id },
        linkPath: inquiry.buyer_role === "buyer" ? `/buyer/inquiries/${recipient.inquiry_id}` : null,
      },
    ]);
  }
}

export interface ReviewDecisionNotice {
  kind: "product" | "organization" | "trademark" | "revision";
  id: number;
  /** the submission the reviewer decided on (its time): one decision per submission */
  version: string;
  decision: "approve" | "reject" | "request_changes";
  comment: string | null;
}

const producerPath = (entity: "product" | "organization" | "trademark", id: number) =>
  entity === "product" ? `/producer/products/${id}` : entity === "trademark" ? `/producer/trademarks/${id}` : "/producer/organization";

/** A reviewer's decision on a producer's submission: the organisation's people are told. */
export async function notifyReviewDecision(trx: Trx, decision: ReviewDecisionNotice, ctx: NotifyContext): Promise<void> {
  const record = await reviewedRecord(trx, decision.kind, decision.id);
  if (!record || record.organizationId === null) return;
  const path = producerPath(record.entity, record.entityId);
  await tellOrganization(trx, ctx, record.organizationId, {
    key: `review:${decision.kind}:${decision.id}:${decision.version}`,
    kind: "review_decision",
    subjectKey: "mail.review.subject",
    bodyKey: "mail.review.body",
    vars: (l) => {
      const t = translator(l);
      return {
        entity: t(`review.entity.${record.entity}`),
        record: localized(l, record.name_zh, record.name_en).text,
        outcome: t(`review.outcome.${decision.decision}`),
        comment: decision.comment ? t("mail.review.comment", { comment: decision.comment }) : "",
        url: `${ctx.origin}${path}`,
      };
    },
    params: { entity: record.entity, record: record.name_zh, record_en: record.name_en ?? "", decision: decision.decision },
    linkPath: path,
  });
}

/** A reset link someone asked for at /forgot-password, to the account's own address. */
export async function notifyPasswordReset(
  trx: Trx,
  account: { id: number; email: string; locale: string | null },
  token: { value: string; hash: string },
  ctx: NotifyContext,
): Promise<void> {
  await mail(trx, ctx, {
    key: `reset:${token.hash}`,
    address: account.email,
    userId: account.id,
    locale: lang(account.locale),
    kind: "password_reset",
    subjectKey: "mail.reset.subject",
    bodyKey: "mail.reset.body",
    vars: (l) => ({ site: translator(l)("site.name"), url: `${ctx.origin}/reset-password/${token.value}` }),
  });
}
