import { validateOnSubmit } from "../components/form-validation";
import { getFormProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { compareIds } from "../buyers/compare";
import { INQUIRY_MAX_PRODUCERS, INQUIRY_MAX_PRODUCTS, inquirySchema } from "../buyers/forms";
import { InquiryLinesFieldset, LineProblem, lineProblems, useLineLabels, type LineFieldset } from "../buyers/inquiry-lines-fieldset";
import { newBuyerToken } from "../buyers/inquiry.server";
import { rememberInquiry } from "../buyers/inquiry-claims.server";
import { buyerDefaults } from "../buyers/buyer-defaults.server";
import { ConsentField } from "../components/consent-field";
import { recordConsent } from "../../db/queries/personal-data";
import { PRIVACY_TEXT_VERSION } from "../privacy/consent";
import { readShortlist } from "../buyers/shortlist.server";
import { matchingRetryAfter, noteMatchingAction } from "../buyers/throttle.server";
import { FieldErrors, FormActions, FormErrors, TextAreaField, TextField } from "../components/form";
import { localized, metaTranslator, usePreferences, useT } from "../i18n/i18n";
import { msg } from "../domain/fields";
import { createInquiry, inquirableProducts } from "../../db/queries/inquiries";
import { db } from "../services.server";
import { notifyNewInquiry } from "../notifications/notify.server";
import { readPreferences } from "../i18n/preferences.server";
import { publicOrigin } from "../platform/public-origin.server";

// GET/POST /shortlist/inquiry — one form sends a structured request (询价 / 样品申请) to one or several producers:
// a line per product with its own quantity, unit, target price, sample, delivery window and destination, grouped per
// producer; each producer gets its own copy and thread. `?product=ID` (the "询价 / 索样" link on a product page, a
// result card, the shortlist or compare) asks about that product, in the shortlist or not, with the rest of the
// shortlist offered beside it. No account needed: the buyer follows the answers through a private link. Throttled
// per client address.

/** The products asked for by the link (`?product=1&product=2`, or `?ids=1,2` as older links have it). */
function askedIds(params: URLSearchParams): number[] {
  const product = params.getAll("product").map((v) => ({ v, n: Number(v) }));
  const ids = product.filter(({ v, n }) => /^\d{1,15}$/.test(v) && n > 0 && Number.isSafeInteger(n)).map(({ n }) => n);
  return [...new Set([...ids, ...compareIds(params)])].slice(0, INQUIRY_MAX_PRODUCTS);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, productIds } = await readShortlist(request);
  const asked = askedIds(new URL(request.url).searchParams);
  // a forged or withdrawn id is simply not offered: only public products of organisations in good standing
  const products = await inquirableProducts(db(), [...new Set([...asked, ...productIds])]);
  const chosen = asked.filter((id) => products.some((p) => p.id === id));
  return data(
    {
      products,
      selected: chosen.length > 0 ? chosen : products.map((p) => p.id),
      buyer: user ? await buyerDefaults(user) : null,
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const retryAfter = await matchingRetryAfter("inquiry", context.clientAddress);
  if (retryAfter > 0) {
    const submission = parseWithZod(formData, { schema: inquirySchema });
    return data(submission.reply({ formErrors: [msg("inquiry.tooMany", { minutes: Math.ceil(retryAfter / 60) })] }), {
      status: 429,
      headers: { "Retry-After": String(retryAfter) },
    });
  }
  const submission = parseWithZod(formData, { schema: inquirySchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const v = submission.value;
  const { user } = await readShortlist(request);
  // only products that are public now: a forged id addresses nobody
  const products = await inquirableProducts(
    db(),
    v.lines.map((l) => l.product_id),
  );
  if (products.length === 0) return data(submission.reply({ fieldErrors: { lines: [msg("inquiry.chooseProducts")] } }), { status: 400 });
  if (new Set(products.map((p) => p.organization_id)).size > INQUIRY_MAX_PRODUCERS) {
    return data(submission.reply({ fieldErrors: { lines: [msg("inquiry.tooManyProducers", { max: INQUIRY_MAX_PRODUCERS })] } }), { status: 400 });
  }
  const { token, hash } = newBuyerToken();
  const made = await db()
    .transaction()
    .execute(async (trx) => {
      const made = await createInquiry(
        trx,
        {
          buyer_token_hash: hash,
          buyer_user_id: user?.id ?? null,
          buyer_name: v.buyer_name,
          buyer_organization: v.buyer_organization,
          buyer_email: v.buyer_email,
          buyer_phone: v.buyer_phone,
          message: v.message,
        },
        products.map((p) => ({ ...p, ...v.lines.find((l) => l.product_id === p.id)! })),
      );
      // the consent given on the form, with the text's version (PIPL)
      await recordConsent(trx, { purpose: "inquiry", textVersion: PRIVACY_TEXT_VERSION, userId: user?.id, inquiryId: made.id });
      // the producers are told in this transaction; the buyer's replies come in the language of this page
      await notifyNewInquiry(trx, made.id, { origin: publicOrigin(context), buyerLocale: readPreferences(request).prefs.lang, buyerToken: token });
      return made;
    });
  await noteMatchingAction("inquiry", context.clientAddress);
  // signed in: the inquiry is already the account's (我的采购); anonymous: the browser remembers the link, so it joins
  // the account at sign-in (decision 041)
  if (user?.role === "buyer") throw redirect(`/buyer/inquiries/${made.id}?sent=1`);
  throw redirect(`/inquiries/${token}?sent=1`, user ? undefined : { headers: { "Set-Cookie": await rememberInquiry(request, token) } });
}

export default function InquiryForm() {
  const { products, selected, buyer } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const { lang } = usePreferences();
  const labels = useLineLabels();
  const [form, fields] = useForm({
    ...validateOnSubmit,
    lastResult,
    defaultValue: {
      lines: products.map((p) => ({
        product_id: String(p.id),
        include: selected.includes(p.id) ? "on" : undefined,
        quantity_unit: p.min_order_unit ?? "",
      })),
      buyer_name: buyer?.name ?? "",
      buyer_organization: buyer?.organization ?? "",
      buyer_email: buyer?.email ?? "",
      buyer_phone: buyer?.phone ?? "",
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inquirySchema }),
  });
  if (products.length === 0) {
    return (
      <section className="form">
        <h1>{t("inquiry.title")}</h1>
        <p className="notice">
          {t("inquiry.emptyShortlist")} <Link to="/search">{t("shortlist.findProducts")}</Link>
        </p>
      </section>
    );
  }
  const lines = fields.lines.getFieldList().map((l) => l.getFieldset() as unknown as LineFieldset);
  const names = products.map((p) => localized(lang, p.name_zh, p.name_en).text);
  const problems = lineProblems(labels, lines, names);
  const productError = fields.lines.errors?.length ? fields.lines.errorId : undefined;
  return (
    <section className="form inquiry-form">
      <h1>{t("inquiry.title")}</h1>
      <p>{t("lines.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        {problems.length > 0 && (
          <div className="form-error" role="alert">
            <p>{t("lines.errorSummary")}</p>
            <ul>
              {problems.map((p) => (
                <li key={`${p.id}-${p.error}`}>
                  <a href={`#${p.id}`}>
                    <LineProblem product={p.product} label={p.label} error={p.error} />
                  </a>
                </li>
              ))}
            </ul>
          </div>
        )}
        <fieldset className="checks" aria-describedby={productError ? `${productError} product-ids-hint` : "product-ids-hint"}>
          <legend>{t("inquiry.products")}</legend>
          <p id="product-ids-hint" className="field-hint">
            {t("lines.productsHint")}
          </p>
          <InquiryLinesFieldset products={products} lines={lines} />
          <FieldErrors meta={fields.lines} />
        </fieldset>

        <fieldset className="checks">
          <legend>{t("inquiry.need")}</legend>
          <TextAreaField meta={fields.message as FieldMetadata<string>} label={t("inquiry.message")} />
        </fieldset>

        <fieldset className="checks">
          <legend>{t("inquiry.you")}</legend>
          <p className="field-hint">{t("inquiry.privacy")}</p>
          <TextField meta={fields.buyer_name} label={t("inquiry.buyerName")} autoComplete="name" />
          <TextField meta={fields.buyer_organization as FieldMetadata<string>} label={t("inquiry.buyerOrganization")} autoComplete="organization" />
          <TextField
            meta={fields.buyer_email as FieldMetadata<string>}
            label={t("inquiry.buyerEmail")}
            type="email"
            autoComplete="email"
            hint={t("inquiry.contactHint")}
          />
          <TextField meta={fields.buyer_phone as FieldMetadata<string>} label={t("inquiry.buyerPhone")} type="tel" autoComplete="tel" />
        </fieldset>
        <ConsentField meta={fields.consent as FieldMetadata<string>} purpose="inquiry" />
        <FormActions>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("inquiry.send")}
          </button>
          <Link to="/shortlist">{t("compare.backToShortlist")}</Link>
        </FormActions>
      </Form>
    </section>
  );
}

// Retry-After from the throttle must reach the browser on document requests too.
export const headers: HeadersFunction = ({ actionHeaders, loaderHeaders }) => (actionHeaders.has("Retry-After") ? actionHeaders : loaderHeaders);

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("inquiry.title")} · ${t("site.name")}` }];
};

export { ErrorBoundary } from "../components/route-error";
