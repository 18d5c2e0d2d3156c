import { validateOnSubmit } from "../components/form-validation";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireProducer } from "../auth/guards.server";
import { dealSchema, INQUIRY_STATUSES, lineQuoteSchema, producerReplySchema, statusSchema } from "../buyers/forms";
import { InquiryLines, StatusHistory, threadUnit } from "../components/inquiry-lines";
import { LineQuoteForm } from "../components/line-quote-form";
import { addLineQuote, markRead } from "../../db/queries/inquiry-lines";
import { PRIVATE_HEADERS } from "../buyers/inquiry.server";
import { ContentText, Trans } from "../components/content-text";
import { DealForm, DealList, InquirySummary, ReplyForm, Thread } from "../components/inquiry-parts";
import { FormActions, SelectField } from "../components/form";
import { inquiryBadge, StatusBadge } from "../components/status-badge";
import { msg } from "../domain/fields";
import { metaTranslator, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { notFound, recordIdOr404 } from "../lib/route-params";
import { recordDeal, threadProducts } from "../../db/queries/deals";
import { addInquiryMessage, inboxThread, setRecipientStatus } from "../../db/queries/inquiries";
import { db } from "../services.server";
import { notifyInquiryReply } from "../notifications/notify.server";
import { notifyLineQuote } from "../notifications/quote-notice.server";
import { publicOrigin } from "../platform/public-origin.server";
import { acceptHeldLead } from "../../db/queries/held-leads";
import type { FormAnswer, FormReply } from "../domain/form-reply";

// /producer/inbox/:id — one inquiry addressed to the producer's organisation (anything else is a 404, so another
// producer cannot even learn it exists): the request with the buyer's contact, the thread, a reply (optionally with a
// quote), the status, and deal outcomes.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireProducer(request);
  const id = recordIdOr404(params.id);
  // the first time the producer opens a new inquiry it becomes 'read', which the buyer sees
  await markRead(db(), user.organization_id, id, user.id);
  const found = await inboxThread(db(), user.organization_id, id);
  if (!found) notFound();
  const products = await threadProducts(db(), found.thread.id);
  return data({ ...found, dealProducts: products, done: new URL(request.url).searchParams.get("done") }, { headers: PRIVATE_HEADERS });
}

/** A failed form, named by its intent, since the page holds a reply, a status and a deal form. */
const answerFor = (intent: string, reply: FormReply): FormAnswer => ({ ...reply, form: intent });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireProducer(request);
  const id = recordIdOr404(params.id);
  const found = await inboxThread(db(), user.organization_id, id);
  if (!found) notFound();
  const form = await request.formData();
  const intent = form.get("intent");
  const back = (done: string) => `/producer/inbox/${id}?done=${done}`;

  if (intent === "accept") {
    // a booth lead held past a limit (issue 19) becomes an ordinary new inquiry
    await acceptHeldLead(db(), user.organization_id, id, user.id);
    throw redirect(back("accept"));
  }
  if (intent === "reply") {
    const submission = parseWithZod(form, { schema: producerReplySchema });
    if (submission.status !== "success") return data(answerFor(intent, submission.reply()), { status: 400 });
    const reply = { author: "producer" as const, author_user_id: user.id, body: submission.value.body, quoted_price: submission.value.quoted_price };
    await db()
      .transaction()
      .execute(async (trx) => {
        await addInquiryMessage(trx, id, reply);
        await notifyInquiryReply(trx, id, { origin: publicOrigin(context) });
      });
    throw redirect(back("reply"));
  }
  if (intent === "quote") {
    const submission = parseWithZod(form, { schema: lineQuoteSchema });
    const lineId = submission.status === "success" ? submission.value.lineId : Number(form.get("lineId"));
    const answer = (reply: FormReply) => answerFor(`quote-${Number.isSafeInteger(lineId) ? lineId : 0}`, reply);
    if (submission.status !== "success") return data(answer(submission.reply()), { status: 400 });
    const { lineId: line, ...quote } = submission.value;
    // the quote and the buyer's notice commit together (issue 18 item 5: a buyer is told of every answer)
    const quoted = await db()
      .transaction()
      .execute(async (trx) => {
        const made = await addLineQuote(trx, user.organization_id, id, line, quote, user.id);
        if (made) await notifyLineQuote(trx, id, { ...made, ...quote }, { origin: publicOrigin(context) });
        return made;
      });
    if (!quoted) return data(answer(submission.reply({ formErrors: [msg("lines.chooseLine")] })), { status: 400 });
    throw redirect(`${back("quote")}#line-${line}`);
  }
  if (intent === "status") {
    const submission = parseWithZod(form, { schema: statusSchema });
    if (submission.status !== "success") return data(answerFor(intent, submission.reply()), { status: 400 });
    await setRecipientStatus(db(), user.organization_id, id, submission.value.status, user.id);
    throw redirect(back("status"));
  }
  if (intent === "deal") {
    const submission = parseWithZod(form, { schema: dealSchema });
    if (submission.status !== "success") return data(answerFor(intent, submission.reply()), { status: 400 });
    const product = (await threadProducts(db(), id)).find((p) => p.id === submission.value.product_id);
    if (!product) return data(answerFor(intent, submission.reply({ fieldErrors: { product_id: [msg("deal.chooseProduct")] } })), { status: 400 });
    await recordDeal(db(), {
      kind: submission.value.kind,
      organization_id: user.organization_id,
      product_id: product.id,
      product_name_zh: product.name_zh,
      inquiry_recipient_id: id,
      amount_cny: submission.value.amount_cny,
      deal_date: submission.value.deal_date,
      event_id: found.inquiry.event_id, // a booth lead's deal counts for its fair
      note: submission.value.note,
      recorded_by: "producer",
      recorded_by_user_id: user.id,
    });
    throw redirect(back("deal"));
  }
  throw data({ error: "bad request" }, { status: 400 });
}

function StatusForm({ current, lastResult }: { current: string; lastResult?: FormReply }) {
  const t = useT();
  const [form, fields] = useForm({
    ...validateOnSubmit,
    id: "status",
    lastResult,
    defaultValue: { status: current },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: statusSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="status-form">
      <input type="hidden" name="intent" value="status" />
      <SelectField
        meta={fields.status}
        label={t("inbox.setStatus")}
        options={INQUIRY_STATUSES.map((s) => ({ value: s, label: t(`inquiryStatus.${s}` as MessageKey) }))}
      />
      <FormActions>
        <button type="submit" className="button button--secondary">
          {t("inbox.saveStatus")}
        </button>
      </FormActions>
    </Form>
  );
}

export default function InboxThread() {
  const { inquiry, thread, dealProducts, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const resultFor = (intent: string) => (actionData?.form === intent ? actionData : undefined);
  const doneMessage: MessageKey | undefined =
    done === "reply"
      ? "thread.sent"
      : done === "deal"
        ? "deal.recorded"
        : done === "status"
          ? "inbox.statusSaved"
          : done === "quote"
            ? "lines.quoteSent"
            : done === "accept"
              ? "leads.acceptedOne"
              : undefined;
  return (
    <article className="inquiry-page">
      <p>
        <Link to="/producer/inbox">{t("inbox.backToInbox")}</Link>
      </p>
      <h1>
        <Trans k="inbox.threadTitle" vars={{ buyer: <ContentText text={inquiry.buyer_name} /> }} /> <StatusBadge {...inquiryBadge(t, thread.status)} />
      </h1>
      {doneMessage && (
        <p className="notice" role="status">
          {t(doneMessage)}
        </p>
      )}
      {thread.status === "held" && (
        <Form method="post" className="notice held-lead">
          <p>{t("leads.heldInInbox")}</p>
          <input type="hidden" name="intent" value="accept" />
          <button type="submit" className="button">
            {t("leads.accept")}
          </button>
        </Form>
      )}
      <section aria-labelledby="request">
        <h2 id="request">{t("inquiry.request")}</h2>
        <InquirySummary inquiry={inquiry} showContact />
      </section>
      <section aria-labelledby="lines">
        <h2 id="lines">{t("lines.quoteTitle")}</h2>
        <InquiryLines lines={thread.lines} answer={(line) => <LineQuoteForm line={line} lastResult={resultFor(`quote-${line.id}`)} />} />
        <StatusHistory history={thread.history} />
      </section>
      <section aria-labelledby="thread">
        <h2 id="thread">{t("thread.title")}</h2>
        <Thread
          messages={thread.messages}
          labels={{ buyer: <ContentText text={inquiry.buyer_name} />, producer: t("thread.us") }}
          unit={threadUnit(inquiry.quantity_unit, thread.lines)}
        />
        <ReplyForm id="reply" lastResult={resultFor("reply")} withQuote />
        <StatusForm current={thread.status} lastResult={resultFor("status")} />
      </section>
      <section aria-labelledby="deals">
        <h2 id="deals">{t("deal.title")}</h2>
        <DealList deals={thread.deals} />
        {dealProducts.length > 0 ? (
          <DealForm id="deal" products={dealProducts} lastResult={resultFor("deal")} />
        ) : (
          <p className="muted">{t("deal.noProducts")}</p>
        )}
      </section>
    </article>
  );
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("inbox.title")} · ${t("site.name")}` }];
};

export { ErrorBoundary } from "../components/route-error";
