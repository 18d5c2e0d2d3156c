import { validateOnSubmit } from "../components/form-validation";
import { getFormProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { currentUser } from "../auth/session.server";
import { rememberInquiry } from "../buyers/inquiry-claims.server";
import { ConsentField } from "../components/consent-field";
import { recordConsent } from "../../db/queries/personal-data";
import { PRIVACY_TEXT_VERSION } from "../privacy/consent";
import { newBuyerToken } from "../buyers/inquiry.server";
import { FormActions, FormErrors, SelectField, TextAreaField, TextField } from "../components/form";
import { msg } from "../domain/fields";
import { isFairStaff } from "../events/access.server";
import { leadSchema } from "../events/lead-form";
import { admitLead, noteLead } from "../events/lead-intake.server";
import { deviceCookieIfMissing, deviceId } from "../platform/device.server";
import { boothText, L, productAtEvent } from "../events/parts";
import { localized, metaTranslator, usePreferences, useT } from "../i18n/i18n";
import { notFound, recordIdOr404 } from "../lib/route-params";
import { boothForLead, boothProducts, countBoothView, createBoothLead } from "../../db/queries/event-leads";
import { db } from "../services.server";
import { notifyNewLead } from "../notifications/notify.server";
import { readPreferences } from "../i18n/preferences.server";
import { publicOrigin } from "../platform/public-origin.server";

// /events/:id/booth/:exhibitorId — what a booth's QR code opens (展位留资): the exhibitor and its products, and a form
// where a buyer leaves a contact and an interest. The lead becomes an inquiry tagged with the event in the producer's
// inbox; the buyer follows it through the usual private link. Works without JavaScript. A lead is never refused for a
// limit: past one it is held for the exhibitor or fair staff to accept (app/events/lead-intake.server.ts). A withdrawn
// exhibitor's page still opens from its printed QR code and says so, without the form.

async function boothOr404(request: Request, params: LoaderFunctionArgs["params"]) {
  const staff = await isFairStaff(request);
  const booth = await boothForLead(db(), recordIdOr404(params.id), recordIdOr404(params.exhibitorId));
  if (!booth || (booth.event_status === "draft" && !staff)) notFound();
  return { booth, staff };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { booth, staff } = await boothOr404(request, params);
  // A scan is a GET of this page. Not counted: fair staff checking the page, and the page shown again after a form
  // post without JavaScript (its loader request still carries the form's Content-Type).
  if (!staff && !request.headers.has("content-type")) await countBoothView(db(), booth.id);
  const products = booth.withdrawn_at ? [] : await boothProducts(db(), booth.organization_id);
  // the device id is given here, with the page, so the lead posted from it is counted per phone, not per venue Wi-Fi
  const cookie = await deviceCookieIfMissing(request);
  const headers = new Headers({ "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" });
  if (cookie) headers.append("Set-Cookie", cookie);
  // ?product=<id>, from a product page's 留下联系方式: the form starts with that product chosen, if it is one of the booth's
  const asked = Number(new URL(request.url).searchParams.get("product"));
  const chosen = products.some((p) => p.id === asked) ? asked : null;
  return data({ booth: { ...booth, withdrawn: !!booth.withdrawn_at, withdrawn_at: undefined }, products, chosen }, { headers });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { booth } = await boothOr404(request, params);
  const formData = await request.formData();
  if (booth.withdrawn_at) return data(parseWithZod(formData, { schema: leadSchema }).reply({ formErrors: ["leads.withdrawn"] }), { status: 410 });
  const sender = { device: await deviceId(request), exhibitorId: booth.id, address: context.clientAddress };
  const admission = await admitLead(sender);
  if (admission.refuseFor > 0) {
    const submission = parseWithZod(formData, { schema: leadSchema });
    return data(submission.reply({ formErrors: [msg("inquiry.tooMany", { minutes: Math.ceil(admission.refuseFor / 60) })] }), {
      status: 429,
      headers: { "Retry-After": String(admission.refuseFor) },
    });
  }
  const submission = parseWithZod(formData, { schema: leadSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const v = submission.value;
  const product = v.product_id === null ? null : (await boothProducts(db(), booth.organization_id)).find((p) => p.id === v.product_id);
  if (product === undefined) return data(submission.reply({ fieldErrors: { product_id: [msg("leads.productInvalid")] } }), { status: 400 });
  const user = await currentUser(request);
  const { token, hash } = newBuyerToken();
  await db()
    .transaction()
    .execute(async (trx) => {
      const lead = await createBoothLead(
        trx,
        {
          buyer_token_hash: hash,
          buyer_user_id: user?.id ?? null,
          buyer_name: v.buyer_name,
          buyer_organization: v.buyer_organization,
          buyer_email: v.buyer_email,
          buyer_phone: v.buyer_phone,
          buyer_wechat: v.buyer_wechat,
          message: v.message,
          event_id: booth.event_id,
        },
        booth.organization_id,
        product,
        "hold" in admission ? admission.hold : null,
      );
      // the consent given on the form, with the text's version, commits with the lead (PIPL)
      await recordConsent(trx, { purpose: "lead", textVersion: PRIVACY_TEXT_VERSION, userId: user?.id, inquiryId: lead.id });
      await notifyNewLead(trx, lead.id, { origin: publicOrigin(context), buyerLocale: readPreferences(request).prefs.lang, buyerToken: token });
    });
  await noteLead(sender);
  const held = "hold" in admission && admission.hold !== null;
  // an anonymous visitor's browser remembers the link, so the lead joins their account when they sign up or in
  const headers = user ? undefined : { "Set-Cookie": await rememberInquiry(request, token) };
  throw redirect(`/inquiries/${token}?sent=1${held ? "&held=1" : ""}`, { headers });
}

export default function BoothPage() {
  const { booth, products, chosen } = useLoaderData<typeof loader>();
  const t = useT();
  const { lang } = usePreferences();
  const event = localized(lang, booth.event_name_zh, booth.event_name_en);
  return (
    <article className="booth-page form">
      <h1>
        <L lang={lang} zh={booth.name_zh} en={booth.name_en} />
      </h1>
      <p>
        <Link to={`/events/${booth.event_id}`} lang={event.lang}>
          {event.text}
        </Link>{" "}
        · {boothText(t, booth.hall, booth.booth)}
      </p>
      {booth.withdrawn ? (
        <p className="notice" role="status">
          {t("leads.withdrawn")}
        </p>
      ) : (
        <BoothLeadForm products={products} eventId={booth.event_id} chosen={chosen} />
      )}
    </article>
  );
}

/** The booth's products and the lead form; not shown for a withdrawn exhibitor. */
function BoothLeadForm({
  products,
  eventId,
  chosen,
}: {
  products: { id: number; name_zh: string; name_en: string | null }[];
  eventId: number;
  chosen: number | null;
}) {
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const { lang } = usePreferences();
  const [form, fields] = useForm({
    ...validateOnSubmit,
    lastResult,
    defaultValue: chosen ? { product_id: String(chosen) } : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: leadSchema }),
  });
  return (
    <>
      <p>{t("leads.intro")}</p>
      <section aria-labelledby="booth-products">
        <h2 id="booth-products">{t("leads.products")}</h2>
        {products.length === 0 ? (
          <p>{t("leads.noProducts")}</p>
        ) : (
          <ul className="plain-list">
            {products.map((p) => (
              <li key={p.id}>
                <Link to={productAtEvent(p.id, eventId)}>
                  <L lang={lang} zh={p.name_zh} en={p.name_en} />
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="lead-form">
        <h2 id="lead-form">{t("leads.formTitle")}</h2>
        <p className="field-hint">{t("leads.privacy")}</p>
        <Form method="post" {...getFormProps(form)}>
          <FormErrors errors={form.errors} id={form.errorId} />
          <TextAreaField meta={fields.message as FieldMetadata<string>} label={t("leads.interest")} hint={t("leads.interestHint")} />
          {products.length > 0 && (
            <SelectField
              meta={fields.product_id as FieldMetadata<string>}
              label={t("leads.product")}
              options={[
                { value: "", label: t("leads.anyProduct") },
                ...products.map((p) => {
                  const name = localized(lang, p.name_zh, p.name_en);
                  return { value: String(p.id), label: name.text, lang: name.lang };
                }),
              ]}
            />
          )}
          <TextField meta={fields.buyer_name as FieldMetadata<string>} label={t("leads.name")} autoComplete="name" />
          <TextField meta={fields.buyer_organization as FieldMetadata<string>} label={t("leads.organization")} autoComplete="organization" />
          <TextField
            meta={fields.buyer_email as FieldMetadata<string>}
            label={t("leads.email")}
            type="email"
            autoComplete="email"
            hint={t("inquiry.contactHint")}
          />
          <TextField meta={fields.buyer_phone as FieldMetadata<string>} label={t("leads.phone")} type="tel" autoComplete="tel" />
          <TextField meta={fields.buyer_wechat as FieldMetadata<string>} label={t("leads.wechat")} autoComplete="off" />
          <ConsentField meta={fields.consent as FieldMetadata<string>} purpose="lead" />
          <FormActions>
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              {t("leads.send")}
            </button>
          </FormActions>
        </Form>
      </section>
    </>
  );
}

// Retry-After from the throttle must reach the browser on document requests too.
export const headers: HeadersFunction = ({ actionHeaders, loaderHeaders }) => (actionHeaders.has("Retry-After") ? actionHeaders : loaderHeaders);

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const t = metaTranslator(matches);
  const what = data?.booth.withdrawn ? data.booth.event_name_zh : t("leads.formTitle");
  return [{ title: data ? `${data.booth.name_zh} · ${what} · ${t("site.name")}` : t("site.name") }, { name: "robots", content: "noindex" }];
};

export { ErrorBoundary } from "../components/route-error";
