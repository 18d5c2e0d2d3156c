import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { inquiryOwnerByToken } from "../../db/queries/buyer-home";
import { requireBuyer } from "../auth/guards.server";
import { currentUser } from "../auth/session.server";
import { claimInquiryByLink } from "../buyers/inquiry-claims.server";
import { db } from "../services.server";
import { buyerInquiryAction, loadBuyerInquiry } from "../buyers/inquiry-actions.server";
import { buyerTokenHashOr404, PRIVATE_HEADERS } from "../buyers/inquiry.server";
import { BuyerInquiryView } from "../buyers/inquiry-view";
import { metaTranslator, useT } from "../i18n/i18n";
import { notFound } from "../lib/route-params";
import { publicOrigin } from "../platform/public-origin.server";

// /inquiries/:token — the buyer's private link: the request, each producer's thread with its lines, quotes and status
// history, public contacts (as each organisation chose), a reply form and a form to record an intent or a signed
// deal. A wrong token is a 404. The view and the actions are shared with a signed-in buyer's own page.

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const tokenHash = buyerTokenHashOr404(params.token);
  const found = await loadBuyerInquiry({ tokenHash });
  if (!found) notFound();
  const url = new URL(request.url);
  // a signed-in buyer holding the link of an inquiry tied to no account may add it to 我的采购 (decision 041)
  const user = await currentUser(request);
  const owner = user?.role === "buyer" ? await inquiryOwnerByToken(db(), tokenHash) : undefined;
  return data(
    {
      ...found,
      claimable: owner !== undefined && owner.buyer_user_id === null,
      link: `${publicOrigin(context)}/inquiries/${params.token}`,
      sent: url.searchParams.get("sent") === "1",
      // a booth lead kept past a limit: the buyer is told it waits for the exhibitor's confirmation
      held: url.searchParams.get("held") === "1",
      done: url.searchParams.get("done"),
    },
    { headers: PRIVATE_HEADERS },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const hash = buyerTokenHashOr404(params.token);
  const form = await request.formData();
  if (form.get("intent") === "claim") {
    const user = await requireBuyer(request);
    const owner = await inquiryOwnerByToken(db(), hash);
    if (!owner) notFound();
    if (owner.buyer_user_id !== null && owner.buyer_user_id !== user.id) throw data({ error: "forbidden" }, { status: 403 });
    await claimInquiryByLink(hash, user.id);
    throw redirect(`/buyer/inquiries/${owner.id}?claimed=1`);
  }
  return buyerInquiryAction({
    form,
    key: { tokenHash: hash },
    clientAddress: context.clientAddress,
    userId: null,
    back: (done, recipientId) => `/inquiries/${params.token}?done=${done}#thread-${recipientId}`,
  });
}

export default function BuyerInquiryPage() {
  const { link, sent, held, done, claimable, ...found } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      {claimable && (
        <Form method="post" className="notice claim-inquiry">
          <p>{t("buyerInquiry.claimHint")}</p>
          <input type="hidden" name="intent" value="claim" />
          <button type="submit" className="button">
            {t("buyerInquiry.claim")}
          </button>
        </Form>
      )}
      <BuyerInquiryView data={found} link={link} sent={sent} held={held} done={done} actionData={actionData} />
    </>
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
