import { getInputProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import { localized, translateMessage, usePreferences, useT, withoutRequiredMark } from "../i18n/i18n";
import { Fragment } from "react";
import { ContentText, Trans } from "../components/content-text";
import { PROVINCES } from "./provinces";

// The inquiry form's products: a fieldset per producer (its legend names it), inside it a fieldset per product with a
// tick box and that product's own need. A problem reads with the product and the field it belongs to
// ("互助青稞酒:数量——…"), beside the input and in the summary at the top of the form, so it is clear without the layout.

export interface LineProduct {
  id: number;
  name_zh: string;
  name_en: string | null;
  organization_id: number;
  organization_zh: string;
  organization_en: string | null;
  min_order_unit: string | null;
}

type LineKey =
  "product_id" | "include" | "quantity" | "quantity_unit" | "target_price" | "sample_wanted" | "delivery_from" | "delivery_to" | "destination_province";
export type LineFieldset = Record<LineKey, FieldMetadata<string>>;

/** The label of each field of a line, as the summary and the inputs show it. */
export function useLineLabels(): Record<Exclude<LineKey, "product_id" | "include">, string> {
  const t = useT();
  return {
    quantity: t("inquiry.quantity"),
    quantity_unit: t("inquiry.unit"),
    target_price: t("inquiry.targetPrice"),
    sample_wanted: t("inquiry.sampleWanted"),
    delivery_from: t("inquiry.deliveryFrom"),
    delivery_to: t("inquiry.deliveryTo"),
    destination_province: t("inquiry.province"),
  };
}

/** Every problem of every line, each naming its product and field and linking to the input. */
export function lineProblems(labels: ReturnType<typeof useLineLabels>, lines: LineFieldset[], names: string[]) {
  const out: { id: string; product: string; label: string; error: string }[] = [];
  lines.forEach((line, i) => {
    for (const key of Object.keys(labels) as (keyof typeof labels)[]) {
      for (const error of line[key].errors ?? []) out.push({ id: line[key].id, product: names[i] ?? "", label: labels[key], error });
    }
  });
  return out;
}

/** "互助青稞酒:数量——应为数字…": the product (in its own language), the field and the problem. */
export function LineProblem({ product, label, error }: { product: string; label: string; error: string }) {
  const t = useT();
  return <Trans k="lines.error" vars={{ product: <ContentText text={product} />, field: withoutRequiredMark(label), error: translateMessage(t, error) }} />;
}

function LineError({ meta, product, label }: { meta: FieldMetadata<string>; product: string; label: string }) {
  if (!meta.errors?.length) return null;
  return (
    <p id={meta.errorId} className="field-error">
      {meta.errors.map((e, i) => (
        <Fragment key={e}>
          {i > 0 && ";"}
          <LineProblem product={product} label={label} error={e} />
        </Fragment>
      ))}
    </p>
  );
}

function LineInput({ meta, label, product, type = "text" }: { meta: FieldMetadata<string>; label: string; product: string; type?: "text" | "date" }) {
  const { key, ...props } = getInputProps(meta, { type });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <input key={key} {...props} />
      <LineError meta={meta} product={product} label={label} />
    </div>
  );
}

function Line({ product, line }: { product: LineProduct; line: LineFieldset }) {
  const t = useT();
  const { lang } = usePreferences();
  const labels = useLineLabels();
  const name = localized(lang, product.name_zh, product.name_en);
  const { key: provinceKey, ...provinceProps } = getSelectProps(line.destination_province);
  return (
    <fieldset className="inquiry-line">
      <legend lang={name.lang}>{name.text}</legend>
      <input type="hidden" name={line.product_id.name} value={product.id} />
      <div className="field">
        <label className="check-label">
          <input type="checkbox" name={line.include.name} defaultChecked={line.include.initialValue === "on"} key={line.include.key} />
          {t("lines.include")}
        </label>
      </div>
      <div className="contact-row">
        <LineInput meta={line.quantity} label={labels.quantity} product={name.text} />
        <LineInput meta={line.quantity_unit} label={labels.quantity_unit} product={name.text} />
        <LineInput meta={line.target_price} label={labels.target_price} product={name.text} />
      </div>
      <div className="contact-row">
        <LineInput meta={line.delivery_from} label={labels.delivery_from} product={name.text} type="date" />
        <LineInput meta={line.delivery_to} label={labels.delivery_to} product={name.text} type="date" />
        <div className="field">
          <label htmlFor={line.destination_province.id}>{labels.destination_province}</label>
          <select key={provinceKey} {...provinceProps}>
            <option value="">{t("inquiry.chooseOne")}</option>
            {PROVINCES.map(([zh, en]) => (
              <option key={zh} value={zh} lang={lang === "en" ? undefined : "zh-CN"}>
                {lang === "en" ? en : zh}
              </option>
            ))}
          </select>
          <LineError meta={line.destination_province} product={name.text} label={labels.destination_province} />
        </div>
      </div>
      <div className="field">
        <label className="check-label">
          <input type="checkbox" name={line.sample_wanted.name} defaultChecked={line.sample_wanted.initialValue === "on"} key={line.sample_wanted.key} />
          {labels.sample_wanted}
        </label>
      </div>
    </fieldset>
  );
}

/** The products grouped per producer; `lines[i]` belongs to `products[i]`. */
export function InquiryLinesFieldset({ products, lines }: { products: LineProduct[]; lines: LineFieldset[] }) {
  const { lang } = usePreferences();
  const producers = [...new Set(products.map((p) => p.organization_id))];
  return (
    <>
      {producers.map((orgId) => {
        const first = products.find((p) => p.organization_id === orgId)!;
        const org = localized(lang, first.organization_zh, first.organization_en);
        return (
          <fieldset key={orgId} className="inquiry-form__producer">
            <legend lang={org.lang}>{org.text}</legend>
            {products.map((p, i) => (p.organization_id === orgId && lines[i] ? <Line key={p.id} product={p} line={lines[i]} /> : null))}
          </fieldset>
        );
      })}
    </>
  );
}
