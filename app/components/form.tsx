import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { translateMessage, useT } from "../i18n/i18n";

/** The field's errors, translated, tied to the input through aria-describedby (ids from Conform). */
export function FieldErrors({ meta }: { meta: FieldMetadata<unknown> }) {
  const t = useT();
  if (!meta.errors?.length) return null;
  return (
    <p id={meta.errorId} className="field-error">
      {meta.errors.map((e) => translateMessage(t, e)).join(";")}
    </p>
  );
}

type InputType = "text" | "email" | "tel" | "password" | "url" | "date" | "number" | "search";

export function TextField({
  meta,
  label,
  type = "text",
  hint,
  autoComplete,
  lang,
}: {
  meta: FieldMetadata<string | number | null | undefined>;
  label: string;
  type?: InputType;
  hint?: string;
  autoComplete?: string;
  lang?: string;
}) {
  const hintId = `${meta.id}-hint`;
  const { key, ...props } = getInputProps(meta, { type, ariaDescribedBy: hint ? hintId : undefined });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      <input key={key} {...props} autoComplete={autoComplete} lang={lang} />
      <FieldErrors meta={meta as FieldMetadata<unknown>} />
    </div>
  );
}

export function TextAreaField({ meta, label, hint, lang }: { meta: FieldMetadata<string | null | undefined>; label: string; hint?: string; lang?: string }) {
  const hintId = `${meta.id}-hint`;
  const { key, ...props } = getTextareaProps(meta, { ariaDescribedBy: hint ? hintId : undefined });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      <textarea key={key} {...props} rows={4} lang={lang} />
      <FieldErrors meta={meta as FieldMetadata<unknown>} />
    </div>
  );
}

export function SelectField({
  meta,
  label,
  options,
  hint,
}: {
  meta: FieldMetadata<string | null | undefined>;
  label: string;
  options: { value: string; label: string; lang?: string }[];
  hint?: string;
}) {
  const hintId = `${meta.id}-hint`;
  const { key, ...props } = getSelectProps(meta, { ariaDescribedBy: hint ? hintId : undefined });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      <select key={key} {...props}>
        {options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldErrors meta={meta as FieldMetadata<unknown>} />
    </div>
  );
}

/** Form-level errors (e.g. "wrong account or password") in a live region. */
export function FormErrors({ errors, id }: { errors?: string[]; id: string }) {
  const t = useT();
  if (!errors?.length) return null;
  return (
    <div id={id} className="form-error" role="alert">
      {errors.map((e) => (
        <p key={e}>{translateMessage(t, e)}</p>
      ))}
    </div>
  );
}

export function FormActions({ children }: { children: ReactNode }) {
  return <div className="form-actions">{children}</div>;
}
