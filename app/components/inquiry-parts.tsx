import { validateOnSubmit } from "./form-validation";
import { getFormProps, getSelectProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { buyerReplySchema, DEAL_KINDS, dealSchema, producerReplySchema, staffDealSchema } from "../buyers/forms";
import { decimal } from "../buyers/format";
import { chinaDateTime } from "../platform/china-time";
import { formatCny } from "../lib/format";
import { provinceLabel } from "../buyers/provinces";
import { todayInChina } from "../platform/china-time";
import { localized, usePreferences, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import type { ReactNode } from "react";
import { ContentText, Trans } from "./content-text";
import { FieldErrors, FormActions, FormErrors, TextAreaField, TextField } from "./form";

// Pieces shared by the buyer's private page, the producer's inbox thread and the staff view of an inquiry.

export interface InquiryView {
  // null for a lead left at a fair's booth, which states no quantity or delivery window
  quantity: string | null;
  quantity_unit: string | null;
  delivery_from: string | null;
  delivery_to: string | null;
  destination_province: string | null;
  event?: EventTagView | null;
  target_price: string | null;
  sample_wanted: boolean;
  message: string | null;
  created_at: string | Date;
  buyer_name: string;
  buyer_organization: string | null;
  buyer_email?: string | null;
  buyer_phone?: string | null;
  buyer_wechat?: string | null;
}

/** The request itself; the buyer's contact only when `showContact` (the producers addressed, staff, the buyer). */
export function InquirySummary({ inquiry, products, showContact }: { inquiry: InquiryView; products?: string[]; showContact: boolean }) {
  const t = useT();
  const { lang } = usePreferences();
  return (
    <dl className="facts">
      <dt>{t("inquiry.sentAt")}</dt>
      <dd>{chinaDateTime(inquiry.created_at)}</dd>
      {products && (
        <>
          <dt>{t("inquiry.productsShort")}</dt>
          <dd lang="zh-CN">{products.join("、")}</dd>
        </>
      )}
      {inquiry.event && (
        <>
          <dt>{t("leads.source")}</dt>
          <dd>
            <EventTag event={inquiry.event} />
          </dd>
        </>
      )}
      {inquiry.quantity !== null && (
        <>
          <dt>{t("inquiry.quantityShort")}</dt>
          <dd>
            {decimal(inquiry.quantity)} <ContentText text={inquiry.quantity_unit} />
          </dd>
        </>
      )}
      {inquiry.delivery_from !== null && inquiry.delivery_to !== null && (
        <>
          <dt>{t("inquiry.deliveryWindow")}</dt>
          <dd>{t("inquiry.fromTo", { from: inquiry.delivery_from, to: inquiry.delivery_to })}</dd>
        </>
      )}
      {inquiry.destination_province !== null && (
        <>
          <dt>{t("inquiry.provinceShort")}</dt>
          <dd>{provinceLabel(inquiry.destination_province, lang)}</dd>
        </>
      )}
      {inquiry.quantity !== null && (
        <>
          <dt>{t("inquiry.targetPriceShort")}</dt>
          <dd>
            {inquiry.target_price !== null ? (
              <Trans k="inquiry.pricePerUnit" vars={{ price: decimal(inquiry.target_price), unit: <ContentText text={inquiry.quantity_unit} /> }} />
            ) : (
              t("compare.notGiven")
            )}
          </dd>
          <dt>{t("inquiry.sampleShort")}</dt>
          <dd>{inquiry.sample_wanted ? t("inquiry.sampleYes") : t("inquiry.sampleNo")}</dd>
        </>
      )}
      {inquiry.message && (
        <>
          <dt>{t("inquiry.message")}</dt>
          <dd className="inquiry-message">
            <ContentText text={inquiry.message} />
          </dd>
        </>
      )}
      <dt>{t("inquiry.buyer")}</dt>
      <dd>
        <ContentText text={inquiry.buyer_name} />
        {inquiry.buyer_organization && (
          <>
            {" · "}
            <ContentText text={inquiry.buyer_organization} />
          </>
        )}
      </dd>
      {showContact && (
        <>
          <dt>{t("inquiry.buyerContact")}</dt>
          <dd>
            {inquiry.buyer_email && <a href={`mailto:${inquiry.buyer_email}`}>{inquiry.buyer_email}</a>}
            {inquiry.buyer_email && inquiry.buyer_phone && " · "}
            {inquiry.buyer_phone && <a href={`tel:${inquiry.buyer_phone.replace(/[^\d+]/g, "")}`}>{inquiry.buyer_phone}</a>}
            {inquiry.buyer_wechat && (
              <>
                {" · "}
                {t("contact.wechat")}: {inquiry.buyer_wechat}
              </>
            )}
          </dd>
        </>
      )}
    </dl>
  );
}

export interface ThreadMessage {
  id: number;
  author: "buyer" | "producer";
  body: string;
  quoted_price: string | null;
  created_at: string | Date;
}

export function Thread({ messages, labels, unit }: { messages: ThreadMessage[]; labels: { buyer: ReactNode; producer: ReactNode }; unit: string | null }) {
  const t = useT();
  if (messages.length === 0) return <p className="muted">{t("thread.empty")}</p>;
  return (
    <ol className="thread">
      {messages.map((m) => (
        <li key={m.id} className={`thread__message thread__message--${m.author}`}>
          <p className="thread__meta">
            <strong>{m.author === "buyer" ? labels.buyer : labels.producer}</strong> · {chinaDateTime(m.created_at)}
          </p>
          {m.quoted_price !== null && (
            <p className="thread__quote">
              {unit === null ? (
                t("leads.quoteTotal", { price: decimal(m.quoted_price) })
              ) : (
                <Trans k="thread.quote" vars={{ price: decimal(m.quoted_price), unit: <ContentText text={unit} /> }} />
              )}
            </p>
          )}
          <p className="thread__body">
            <ContentText text={m.body} />
          </p>
        </li>
      ))}
    </ol>
  );
}

export interface EventTagView {
  id: number;
  name_zh: string;
  name_en: string | null;
}

/** The fair a booth lead was left at, as a tag (产销对接会 name in its own language). */
export function EventTag({ event }: { event: EventTagView }) {
  const t = useT();
  const { lang } = usePreferences();
  const name = localized(lang, event.name_zh, event.name_en);
  return (
    <span className="badge badge--event">
      {t("leads.atEvent")}
      <span lang={name.lang}>{name.text}</span>
    </span>
  );
}

export interface DealRow {
  id: number;
  kind: "intent" | "signed";
  amount_cny: string;
  product_name_zh: string;
  deal_date: string;
  recorded_by: string;
}

export function DealList({ deals }: { deals: DealRow[] }) {
  const t = useT();
  const { lang } = usePreferences();
  if (deals.length === 0) return null;
  return (
    <ul className="plain-list deal-list">
      {deals.map((d) => (
        <li key={d.id}>
          <span className="badge">{t(`deal.kind.${d.kind}` as MessageKey)}</span>
          <Trans
            k="deal.line"
            vars={{
              date: d.deal_date,
              product: <span lang="zh-CN">{d.product_name_zh}</span>,
              amount: formatCny(lang, d.amount_cny),
              who: t(`deal.by.${d.recorded_by}` as MessageKey),
            }}
          />
        </li>
      ))}
    </ul>
  );
}

/** A reply to a thread: the buyer's, or the producer's with an optional quote. */
export function ReplyForm({
  id,
  recipientId,
  lastResult,
  withQuote,
}: {
  id: string;
  recipientId?: number;
  lastResult?: SubmissionResult<string[]>;
  withQuote: boolean;
}) {
  const t = useT();
  const schema = withQuote ? producerReplySchema : buyerReplySchema;
  const [form, fields] = useForm({
    ...validateOnSubmit,
    id,
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const all = fields as unknown as Record<"body" | "quoted_price", Parameters<typeof TextField>[0]["meta"]>;
  return (
    <Form method="post" {...getFormProps(form)} className="reply-form">
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="intent" value="reply" />
      {recipientId !== undefined && <input type="hidden" name="recipientId" value={recipientId} />}
      <TextAreaField meta={fields.body} label={t("thread.reply")} />
      {withQuote && <TextField meta={all.quoted_price} label={t("thread.quotePrice")} hint={t("thread.quotePriceHint")} />}
      <FormActions>
        <button type="submit" className="button">
          {t("thread.send")}
        </button>
      </FormActions>
    </Form>
  );
}

export interface DealProductOption {
  id: number;
  name_zh: string;
  name_en: string | null;
  /** the producer, when products of several are offered */
  group?: { zh: string; en: string | null };
}

/** The products a deal may name; each option carries the language of its name. */
function ProductSelect({ meta, products }: { meta: FieldMetadata<string>; products: DealProductOption[] }) {
  const t = useT();
  const { lang } = usePreferences();
  const { key, ...props } = getSelectProps(meta);
  return (
    <div className="field">
      <label htmlFor={meta.id}>{t("deal.product")}</label>
      <select key={key} {...props}>
        {products.length !== 1 && <option value="">{t("inquiry.chooseOne")}</option>}
        {products.map((p) => {
          const name = localized(lang, p.name_zh, p.name_en);
          const group = p.group ? localized(lang, p.group.zh, p.group.en) : undefined;
          const label = `${group ? `${group.text} · ` : ""}${name.text}`;
          return (
            <option key={p.id} value={p.id} lang={/\p{Script=Han}/u.test(label) ? "zh-CN" : undefined}>
              {label}
            </option>
          );
        })}
      </select>
      <FieldErrors meta={meta as FieldMetadata<unknown>} />
    </div>
  );
}

/** Records an intent or a signed deal (意向 / 签约). Staff may give the fair's event number too. */
export function DealForm({
  id,
  recipientId,
  products,
  lastResult,
  staff = false,
}: {
  id: string;
  recipientId?: number;
  products: DealProductOption[];
  lastResult?: SubmissionResult<string[]>;
  staff?: boolean;
}) {
  const t = useT();
  const schema = staff ? staffDealSchema : dealSchema;
  const [form, fields] = useForm({
    ...validateOnSubmit,
    id,
    lastResult,
    defaultValue: { deal_date: todayInChina(), product_id: products.length === 1 ? String(products[0]!.id) : "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const all = fields as unknown as Record<"event_id", Parameters<typeof TextField>[0]["meta"]>;
  const kindError = fields.kind.errors?.length ? fields.kind.errorId : undefined;
  return (
    <Form method="post" {...getFormProps(form)} className="deal-form">
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="intent" value="deal" />
      {recipientId !== undefined && <input type="hidden" name="recipientId" value={recipientId} />}
      <fieldset className="checks" aria-describedby={kindError} key={fields.kind.key}>
        <legend>{t("deal.kind")}</legend>
        {DEAL_KINDS.map((k) => (
          <label key={k}>
            <input type="radio" name={fields.kind.name} value={k} defaultChecked={fields.kind.initialValue === k} />
            {t(`deal.kind.${k}` as MessageKey)}
          </label>
        ))}
        <FieldErrors meta={fields.kind} />
      </fieldset>
      <TextField meta={fields.amount_cny} label={t("deal.amount")} hint={t("deal.amountHint")} />
      <ProductSelect meta={fields.product_id as FieldMetadata<string>} products={products} />
      <TextField meta={fields.deal_date} label={t("deal.date")} type="date" />
      {staff && <TextField meta={all.event_id} label={t("deal.event")} hint={t("deal.eventHint")} />}
      <TextField meta={fields.note as FieldMetadata<string>} label={t("deal.note")} />
      <FormActions>
        <button type="submit" className="button button--secondary">
          {t("deal.record")}
        </button>
      </FormActions>
    </Form>
  );
}
