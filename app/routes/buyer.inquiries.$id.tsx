import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireBuyer } from "../auth/guards.server";
import { buyerInquiryAction, loadBuyerInquiry } from "../buyers/inquiry-actions.server";
import { PRIVATE_HEADERS } from "../buyers/inquiry.server";
import { BuyerInquiryView } from "../buyers/inquiry-view";
import { metaTranslator, useT } from "../i18n/i18n";
import { notFound, recordIdOr404 } from "../lib/route-params";

// /buyer/inquiries/:id — one of a signed-in buyer's inquiries or booth leads, reached through the account instead of
// the private link: the same view and the same reply and deal forms (app/buyers/inquiry-view.tsx). Another buyer's
// inquiry, or one not tied to an account, is a 404.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireBuyer(request);
  const found = await loadBuyerInquiry({ userId: user.id, inquiryId: recordIdOr404(params.id) });
  if (!found) notFound();
  const url = new URL(request.url);
  return data(
    { ...found, sent: url.searchParams.get("sent") === "1", claimed: url.searchParams.get("claimed") === "1", done: url.searchParams.get("done") },
    { headers: PRIVATE_HEADERS },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireBuyer(request);
  const id = recordIdOr404(params.id);
  return buyerInquiryAction({
    form: await request.formData(),
    key: { userId: user.id, inquiryId: id },
    clientAddress: context.clientAddress,
    userId: user.id,
    back: (done, recipientId) => `/buyer/inquiries/${id}?done=${done}#thread-${recipientId}`,
  });
}

export default function BuyerOwnInquiryPage() {
  const { sent, claimed, done, ...found } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <p>
        <Link to="/buyer">{t("buyerHome.back")}</Link>
      </p>
      {claimed && (
        <p className="notice" role="status">
          {t("buyerInquiry.claimed")}
        </p>
      )}
      <BuyerInquiryView data={found} sent={sent} done={done} actionData={actionData} />
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
