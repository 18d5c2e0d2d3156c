import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "../auth/guards.server";
import { staffDealSchema } from "../buyers/forms";
import { DEAL_RECORDERS } from "../buyers/roles";
import { DealForm } from "../components/inquiry-parts";
import { msg } from "../domain/fields";
import { metaTranslator, useT } from "../i18n/i18n";
import { dealableProduct, dealableProducts, recordDeal } from "../../db/queries/deals";
import { getEvent } from "../../db/queries/events";
import { db } from "../services.server";

// /matching/deals/new — fair staff (and admins) record an intent or a signed deal made at a fair, for any published
// product, with the event if there was one. Everyone else gets a 403.

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, DEAL_RECORDERS);
  return { products: await dealableProducts(db()) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, DEAL_RECORDERS);
  const submission = parseWithZod(await request.formData(), { schema: staffDealSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const v = submission.value;
  const product = await dealableProduct(db(), v.product_id);
  if (!product) return data(submission.reply({ fieldErrors: { product_id: [msg("deal.chooseProduct")] } }), { status: 400 });
  // deals.event_id references events: a number naming no event is the staff member's slip, not a server error
  if (v.event_id !== null && v.event_id !== undefined && !(await getEvent(db(), v.event_id))) {
    return data(submission.reply({ fieldErrors: { event_id: [msg("deal.unknownEvent")] } }), { status: 400 });
  }
  await recordDeal(db(), {
    kind: v.kind,
    organization_id: product.organization_id,
    product_id: product.id,
    product_name_zh: product.name_zh,
    inquiry_recipient_id: null,
    amount_cny: v.amount_cny,
    deal_date: v.deal_date,
    event_id: v.event_id,
    note: v.note,
    recorded_by: user.role === "admin" ? "admin" : "fair_staff",
    recorded_by_user_id: user.id,
  });
  throw redirect("/matching?recorded=1");
}

export default function NewDeal() {
  const { products } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  return (
    <section className="form">
      <p>
        <Link to="/matching">{t("matching.back")}</Link>
      </p>
      <h1>{t("deal.recordNew")}</h1>
      <p>{t("deal.staffIntro")}</p>
      <DealForm
        id="deal"
        staff
        lastResult={lastResult}
        products={products.map((p) => ({
          id: p.id,
          name_zh: p.name_zh,
          name_en: p.name_en,
          group: { zh: p.organization_zh, en: p.organization_en },
        }))}
      />
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("deal.recordNew")} · ${t("site.name")}` }];
};

export { ErrorBoundary } from "../components/route-error";
