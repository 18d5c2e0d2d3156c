import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { buyerReplySchema, dealSchema } from "../buyers/forms";
import { buyerTokenHashOr404, PRIVATE_HEADERS } from "../buyers/inquiry.server";
import { matchingRetryAfter, noteMatchingAction } from "../buyers/throttle.server";
import { Fragment } from "react";
import { ContentText } from "../components/content-text";
import { DealForm, DealList, InquirySummary, ReplyForm, Thread } from "../components/inquiry-parts";
import { inquiryBadge, StatusBadge } from "../components/status-badge";
import { msg } from "../domain/fields";
import { localized, metaTranslator, usePreferences, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { notFound } from "../lib/route-params";
import { recordDeal, threadProducts } from "../../db/queries/deals";
import { addInquiryMessage, buyerRecipient, inquiryForBuyer } from "../../db/queries/inquiries";
import { getPublicOrganization } from "../../db/queries/organizations";
import { publicOrigin } from "../platform/public-origin.server";
import { db } from "../services.server";
import type { FormAnswer, FormReply } from "../domain/form-reply";

// /inquiries/:token — the buyer's private link: the request, each producer's thread and public contacts (as each
// organisation chose), a reply form and a form to record an intent or a signed deal. A wrong token is a 404.

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const inquiry = await inquiryForBuyer(db(), buyerTokenHashOr404(params.token));
  if (!inquiry) notFound();
  const orgs = await Promise.all(inquiry.recipients.map((r) => getPublicOrganization(db(), r.organization_id)));
  const products = await Promise.all(inquiry.recipients.map((r) => threadProducts(db(), r.id)));
  const url = new URL(request.url);
  return data(
    {
      inquiry,
      recipients: inquiry.recipients.map((r, i) => ({ ...r, contacts: orgs[i]?.contacts ?? [], public: !!orgs[i], dealProducts: products[i] ?? [] })),
      link: `${publicOrigin(context)}/inquiries/${params.token}`,
      sent: url.searchParams.get("sent") === "1",
      // a booth lead kept past a limit: the buyer is told it waits for the exhibitor's confirmation
      held: url.searchParams.get("held") === "1",
      done: url.searchParams.get("done"),
    },
    { headers: PRIVATE_HEADERS },
  );
}

/** A failed reply or deal form, named by intent and thread, since the page holds one of each per producer. */
const answerFor = (intent: string, recipientId: number, reply: FormReply): FormAnswer => ({ ...reply, form: `${intent}-${recipientId}` });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const hash = buyerTokenHashOr404(params.token);
  const form = await request.formData();
  const intent = form.get("intent");
  const rawRecipient = String(form.get("recipientId") ?? "");
  if (!/^\d{1,15}$/.test(rawRecipient) || (intent !== "reply" && intent !== "deal")) throw data({ error: "bad request" }, { status: 400 });
  const recipient = await buyerRecipient(db(), hash, Number(rawRecipient));
  if (!recipient) notFound();
  const back = (done: string) => `/inquiries/${params.token}?done=${done}#thread-${recipient.id}`;

  if (intent === "reply") {
    const retryAfter = await matchingRetryAfter("reply", context.clientAddress);
    const submission = parseWithZod(form, { schema: buyerReplySchema });
    if (retryAfter > 0) {
      return data(answerFor(intent, recipient.id, submission.reply({ formErrors: [msg("inquiry.tooMany", { minutes: Math.ceil(retryAfter / 60) })] })), {
        status: 429,
        headers: { "Retry-After": String(retryAfter) },
      });
    }
    if (submission.status !== "success") return data(answerFor(intent, recipient.id, submission.reply()), { status: 400 });
    await addInquiryMessage(db(), recipient.id, { author: "buyer", author_user_id: null, body: submission.value.body, quoted_price: null });
    await noteMatchingAction("reply", context.clientAddress);
    throw redirect(back("reply"));
  }

  const submission = parseWithZod(form, { schema: dealSchema });
  if (submission.status !== "success") return data(answerFor(intent, recipient.id, submission.reply()), { status: 400 });
  const product = (await threadProducts(db(), recipient.id)).find((p) => p.id === submission.value.product_id);
  if (!product) {
    return data(answerFor(intent, recipient.id, submission.reply({ fieldErrors: { product_id: [msg("deal.chooseProduct")] } })), { status: 400 });
  }
  await recordDeal(db(), {
    kind: submission.value.kind,
    organization_id: recipient.organization_id,
    product_id: product.id,
    product_name_zh: product.name_zh,
    inquiry_recipient_id: recipient.id,
    amount_cny: submission.value.amount_cny,
    deal_date: submission.value.deal_date,
    event_id: recipient.event_id, // a booth lead's deal counts for its fair
    note: submission.value.note,
    recorded_by: "buyer",
    recorded_by_user_id: null,
  });
  throw redirect(back("deal"));
}

export default function BuyerInquiryPage() {
  const { inquiry, recipients, link, sent, held, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
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
          <p>{t("inquiry.keepLink")}</p>
        </div>
      )}
      {done === "reply" || done === "deal" ? (
        <p className="notice" role="status">
          {t(done === "reply" ? "thread.sent" : "deal.recorded")}
        </p>
      ) : null}
      <section aria-labelledby="private-link">
        <h2 id="private-link">{t("inquiry.privateLink")}</h2>
        <p className="field-hint">{t("inquiry.privateLinkHint")}</p>
        <p className="sources">
          <a href={link}>{link}</a>
        </p>
      </section>
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
            <p>
              {t("inquiry.productsShort")}: <span lang="zh-CN">{r.products.map((p) => p.product_name_zh).join("、")}</span>
            </p>
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
            <h3>{t("thread.title")}</h3>
            <Thread messages={r.messages} labels={{ buyer: t("thread.you"), producer: <span lang={org.lang}>{org.text}</span> }} unit={inquiry.quantity_unit} />
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

export const headers: HeadersFunction = ({ actionHeaders, loaderHeaders }) => {
  const h = new Headers(loaderHeaders);
  for (const [k, v] of Object.entries(PRIVATE_HEADERS)) h.set(k, v);
  if (actionHeaders.has("Retry-After")) h.set("Retry-After", actionHeaders.get("Retry-After")!);
  return h;
};

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("inquiry.yourInquiry")} · ${t("site.name")}` }, { name: "robots", content: "noindex, nofollow" }];
};

export { ErrorBoundary } from "../components/route-error";
