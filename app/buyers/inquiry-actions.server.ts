import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "@remix-run/node";
import { msg } from "../domain/fields";
import type { FormAnswer, FormReply } from "../domain/form-reply";
import { db } from "../services.server";
import { recordDeal, threadProducts } from "../../db/queries/deals";
import { addInquiryMessage, buyerRecipient, inquiryForBuyer, type BuyerInquiryKey } from "../../db/queries/inquiries";
import { getPublicOrganization } from "../../db/queries/organizations";
import { buyerReplySchema, dealSchema } from "./forms";
import { matchingRetryAfter, noteMatchingAction } from "./throttle.server";

// The buyer's side of one inquiry, for every page that shows it: the private link (/inquiries/:token) and a signed-in
// buyer's own page. Both read the same data and take the same actions; only how the inquiry is found differs
// (BuyerInquiryKey) and where the buyer is sent back to.

/** The inquiry with, per producer, its public contacts and the products a deal may name; undefined when not theirs. */
export async function loadBuyerInquiry(key: BuyerInquiryKey) {
  const inquiry = await inquiryForBuyer(db(), key);
  if (!inquiry) return undefined;
  const orgs = await Promise.all(inquiry.recipients.map((r) => getPublicOrganization(db(), r.organization_id)));
  const products = await Promise.all(inquiry.recipients.map((r) => threadProducts(db(), r.id)));
  return {
    inquiry,
    recipients: inquiry.recipients.map((r, i) => ({ ...r, contacts: orgs[i]?.contacts ?? [], public: !!orgs[i], dealProducts: products[i] ?? [] })),
  };
}

export type BuyerInquiryData = NonNullable<Awaited<ReturnType<typeof loadBuyerInquiry>>>;

/** A failed reply or deal form, named by intent and thread, since the page holds one of each per producer. */
const answerFor = (intent: string, recipientId: number, reply: FormReply): FormAnswer => ({ ...reply, form: `${intent}-${recipientId}` });

/**
 * The buyer's reply to a producer's thread, or a deal recorded on it. Success redirects to `back(done, recipientId)`;
 * a failed form answers 400 (429 when throttled) keyed by intent and thread; a thread not of this inquiry is a 404.
 */
export async function buyerInquiryAction(options: {
  form: FormData;
  key: BuyerInquiryKey;
  clientAddress: string;
  userId: number | null;
  back: (done: "reply" | "deal", recipientId: number) => string;
}) {
  const { form, key, clientAddress, userId, back } = options;
  const intent = form.get("intent");
  const rawRecipient = String(form.get("recipientId") ?? "");
  if (!/^\d{1,15}$/.test(rawRecipient) || (intent !== "reply" && intent !== "deal")) throw data({ error: "bad request" }, { status: 400 });
  const recipient = await buyerRecipient(db(), key, Number(rawRecipient));
  if (!recipient) throw data({ error: "not found" }, { status: 404 });

  if (intent === "reply") {
    const retryAfter = await matchingRetryAfter("reply", clientAddress);
    const submission = parseWithZod(form, { schema: buyerReplySchema });
    if (retryAfter > 0) {
      return data(answerFor(intent, recipient.id, submission.reply({ formErrors: [msg("inquiry.tooMany", { minutes: Math.ceil(retryAfter / 60) })] })), {
        status: 429,
        headers: { "Retry-After": String(retryAfter) },
      });
    }
    if (submission.status !== "success") return data(answerFor(intent, recipient.id, submission.reply()), { status: 400 });
    await addInquiryMessage(db(), recipient.id, { author: "buyer", author_user_id: userId, body: submission.value.body, quoted_price: null });
    await noteMatchingAction("reply", clientAddress);
    throw redirect(back("reply", recipient.id));
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
    recorded_by_user_id: userId,
  });
  throw redirect(back("deal", recipient.id));
}
