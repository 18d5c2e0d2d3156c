import type { Verification } from "../../db/schema";
import type { DefaultValue, FieldMetadata, FormMetadata } from "@conform-to/react";
import { categoryEn, CERTIFICATION_KINDS, PRODUCT_CATEGORIES, type ProductForm } from "../domain/product-form";
import { localized, usePreferences, useT } from "../i18n/i18n";
import { LocalizedText } from "./localized-text";
import type { MessageKey } from "../i18n/messages";
import { FieldErrors, SelectField, TextAreaField, TextField } from "./form";

type Fields = ReturnType<FormMetadata<ProductForm, string[]>["getFieldset"]>;

export interface ProductChoices {
  /** authorisation: this producer's authorisation to use the GI (null: none claimed) */
  gis: { id: number; name_zh: string; name_en: string | null; authorisation: Verification | null }[];
  brands: { id: number; name_zh: string; name_en: string | null }[];
  trademarks: { id: number; name_zh: string; reg_no: string | null }[];
}

function giAuthorisationKey(authorisation: ProductChoices["gis"][number]["authorisation"]): MessageKey {
  return authorisation === "verified" ? "product.giAuthorised" : authorisation === "pending" ? "product.giClaimedNotVerified" : "product.giNotClaimed";
}

/**
 * What the chosen GI link means today: linking is allowed, but until market regulation verifies the producer's
 * authorisation the link is only a claim — no badge, and the reviewer sees the same warning.
 */
function GiLinkStatus({ gi }: { gi: ProductChoices["gis"][number] | undefined }) {
  const t = useT();
  if (!gi || gi.authorisation === "verified") return null;
  // the GI's name is content (Chinese) inside interface text: it carries its own lang
  const [before, after] = t("product.giLinkUnverified", { name: "{name}", status: t(giAuthorisationKey(gi.authorisation)) }).split("{name}");
  return (
    <p className="notice" role="status">
      {before}
      <LocalizedText zh={gi.name_zh} en={gi.name_en} />
      {after} <a href="/producer/claims">{t("product.giClaimLink")}</a>
    </p>
  );
}

/** The product form's fields, shared by "new" and "edit". */
export function ProductFields({ fields, choices }: { fields: Fields; choices: ProductChoices }) {
  const t = useT();
  const { lang } = usePreferences();
  // categories, GIs and brands are named in the page's language (an option cannot hold a span: the name sets its lang)
  const named = (zh: string, en: string | null | undefined) => localized(lang, zh, en);
  const none = { value: "", label: t("product.none") };
  const months = (fields.availability_months.initialValue as string[] | undefined) ?? [];
  const certificationRows = fields.certifications.getFieldList();
  const extraRows = Math.max(0, 3 - certificationRows.length);
  return (
    <>
      <TextField meta={fields.name_zh} label={t("product.nameZh")} lang="zh-CN" />
      <TextField meta={fields.name_en} label={t("product.nameEn")} lang="en" />
      <SelectField
        meta={fields.category}
        label={t("product.category")}
        options={[
          { value: "", label: "—" },
          ...PRODUCT_CATEGORIES.map((c) => {
            const name = named(c, categoryEn(c));
            return { value: c, label: name.text, lang: name.lang };
          }),
        ]}
      />
      <SelectField
        meta={fields.gi_product_id as FieldMetadata<string>}
        label={t("product.gi")}
        hint={t("product.giHint")}
        options={[
          none,
          ...choices.gis.map((g) => {
            const name = named(g.name_zh, g.name_en);
            return { value: String(g.id), label: t("product.giOption", { name: name.text, status: t(giAuthorisationKey(g.authorisation)) }), lang: name.lang };
          }),
        ]}
      />
      <GiLinkStatus gi={choices.gis.find((g) => String(g.id) === String(fields.gi_product_id.initialValue ?? ""))} />
      <SelectField
        meta={fields.regional_brand_id as FieldMetadata<string>}
        label={t("product.regionalBrand")}
        options={[
          none,
          ...choices.brands.map((b) => {
            const name = named(b.name_zh, b.name_en);
            return { value: String(b.id), label: name.text, lang: name.lang };
          }),
        ]}
      />
      <SelectField
        meta={fields.trademark_id as FieldMetadata<string>}
        label={t("product.trademark")}
        options={[none, ...choices.trademarks.map((m) => ({ value: String(m.id), label: `${m.name_zh}${m.reg_no ? ` (${m.reg_no})` : ""}`, lang: "zh-CN" }))]}
      />
      <fieldset className="checks" id="product-months">
        <legend>{t("product.months")}</legend>
        {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
          <label key={m}>
            <input type="checkbox" name={fields.availability_months.name} value={m} defaultChecked={months.includes(String(m))} />
            {t("record.month", { month: m })}
          </label>
        ))}
        <FieldErrors meta={fields.availability_months as FieldMetadata<unknown>} />
      </fieldset>
      <TextField meta={fields.annual_volume as FieldMetadata<string>} label={t("product.annualVolume")} type="number" />
      <TextField meta={fields.volume_unit} label={t("product.volumeUnit")} />
      <TextField meta={fields.min_order_qty as FieldMetadata<string>} label={t("product.minOrder")} type="number" />
      <TextField meta={fields.min_order_unit} label={t("product.minOrderUnit")} />
      <TextField meta={fields.pack_sizes as FieldMetadata<string>} label={t("product.packSizes")} hint={t("product.listHint")} />
      <SelectField
        meta={fields.storage as FieldMetadata<string>}
        label={t("product.storage")}
        options={[{ value: "", label: "—" }, ...(["ambient", "chilled", "frozen"] as const).map((s) => ({ value: s, label: t(`storage.${s}` as MessageKey) }))]}
      />
      <TextField meta={fields.price_band} label={t("product.priceBand")} />
      <TextField meta={fields.provinces_served as FieldMetadata<string>} label={t("product.provinces")} hint={t("product.listHint")} />
      <div className="field">
        <label>
          <input type="checkbox" name={fields.samples_available.name} defaultChecked={fields.samples_available.initialValue === "on"} /> {t("product.samples")}
        </label>
      </div>
      <TextAreaField meta={fields.description_zh} label={t("product.descriptionZh")} lang="zh-CN" />
      <TextAreaField meta={fields.description_en} label={t("product.descriptionEn")} lang="en" />
      <fieldset className="checks" id="product-certifications">
        <legend>{t("product.certifications")}</legend>
        {[...certificationRows, ...Array.from({ length: extraRows }, () => undefined)].map((row, i) => {
          const name = `${fields.certifications.name}[${i}]`;
          const values = (row?.initialValue ?? {}) as { kind?: string; number?: string; expires?: string };
          const errors = row?.getFieldset();
          return (
            <div key={i} className="cert-row">
              <div className="field">
                <label htmlFor={`cert-${i}-kind`}>{t("product.certKind")}</label>
                <select id={`cert-${i}-kind`} name={`${name}.kind`} defaultValue={values.kind ?? ""}>
                  <option value="">{t("product.none")}</option>
                  {CERTIFICATION_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`cert.${k}` as MessageKey)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`cert-${i}-number`}>{t("product.certNumber")}</label>
                <input id={`cert-${i}-number`} name={`${name}.number`} defaultValue={values.number ?? ""} />
              </div>
              <div className="field">
                <label htmlFor={`cert-${i}-expires`}>{t("product.certExpires")}</label>
                <input
                  id={`cert-${i}-expires`}
                  name={`${name}.expires`}
                  type="date"
                  defaultValue={values.expires ?? ""}
                  aria-invalid={errors?.expires.errors ? true : undefined}
                />
                {errors && <FieldErrors meta={errors.expires as FieldMetadata<unknown>} />}
              </div>
            </div>
          );
        })}
      </fieldset>
    </>
  );
}

/**
 * Form defaults from a stored product (or its pending revision). Lists are edited as one text field, so the defaults are
 * the form's input shape, not the schema's parsed output (hence the cast at the end).
 */
export function productDefaults(
  p: Record<string, unknown> & {
    certifications?: { kind: string; certificate_no?: string | null; number?: string | null; expires_on?: string | null; expires?: string | null }[];
  },
) {
  const str = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  const list = (v: unknown) => (Array.isArray(v) ? v.join("; ") : str(v));
  return {
    name_zh: str(p.name_zh),
    name_en: str(p.name_en),
    category: str(p.category),
    gi_product_id: str(p.gi_product_id),
    regional_brand_id: str(p.regional_brand_id),
    trademark_id: str(p.trademark_id),
    availability_months: ((p.availability_months as number[] | undefined) ?? []).map(String),
    annual_volume: p.annual_volume === null || p.annual_volume === undefined ? "" : String(Number(p.annual_volume)),
    volume_unit: str(p.volume_unit),
    min_order_qty: p.min_order_qty === null || p.min_order_qty === undefined ? "" : String(Number(p.min_order_qty)),
    min_order_unit: str(p.min_order_unit),
    pack_sizes: list(p.pack_sizes),
    storage: str(p.storage),
    price_band: str(p.price_band),
    provinces_served: list(p.provinces_served),
    samples_available: p.samples_available ? "on" : undefined,
    description_zh: str(p.description_zh),
    description_en: str(p.description_en),
    certifications: (p.certifications ?? []).map((c) => ({ kind: c.kind, number: str(c.certificate_no ?? c.number), expires: str(c.expires_on ?? c.expires) })),
  } as unknown as DefaultValue<ProductForm>;
}
