import { getFormProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { lineQuoteSchema } from "../buyers/forms";
import { localized, usePreferences, useT } from "../i18n/i18n";
import { FormActions, FormErrors, TextField } from "./form";
import { validateOnSubmit } from "./form-validation";
import type { InquiryLineView } from "./inquiry-lines";

/** The producer's quote for one line (price per unit, MOQ, lead time, note); every quote sent is kept as history. */
export function LineQuoteForm({ line, lastResult }: { line: InquiryLineView; lastResult?: SubmissionResult<string[]> }) {
  const t = useT();
  const { lang } = usePreferences();
  const name = localized(lang, line.product_name_zh, line.product_name_en);
  const current = line.quotes[0];
  const [form, fields] = useForm({
    ...validateOnSubmit,
    id: `quote-${line.id}`,
    lastResult,
    defaultValue: { price_unit: current?.price_unit ?? line.quantity_unit ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: lineQuoteSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="line-quote-form" aria-labelledby={`${form.id}-title`}>
      <h5 id={`${form.id}-title`}>{t("lines.quoteFor", { product: name.text })}</h5>
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="intent" value="quote" />
      <input type="hidden" name="lineId" value={line.id} />
      <div className="contact-row">
        <TextField meta={fields.quoted_price as FieldMetadata<string>} label={t("lines.quotedPrice")} />
        <TextField meta={fields.price_unit} label={t("lines.priceUnit")} />
      </div>
      <div className="contact-row">
        <TextField meta={fields.moq as FieldMetadata<string>} label={t("lines.moqField")} />
        <TextField meta={fields.lead_time_days as FieldMetadata<string>} label={t("lines.leadTimeField")} />
      </div>
      <TextField meta={fields.note as FieldMetadata<string>} label={t("lines.note")} />
      <FormActions>
        <button type="submit" className="button button--secondary">
          {t("lines.sendQuote")}
        </button>
      </FormActions>
    </Form>
  );
}
