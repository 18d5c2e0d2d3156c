import type { FieldMetadata } from "@conform-to/react";
import { Link } from "@remix-run/react";
import type { ConsentPurpose } from "../../db/schema";
import { useT } from "../i18n/i18n";
import { CONSENT_TEXT } from "../privacy/consent";
import { FieldErrors } from "./form";

/**
 * PIPL consent on a form that collects personal information: the purpose and who sees it, a link to the privacy
 * notice, and a box the person ticks themselves (never ticked in advance; after a refused post it keeps their own tick).
 */
export function ConsentField({ meta, purpose }: { meta: FieldMetadata<string | null | undefined>; purpose: ConsentPurpose }) {
  const t = useT();
  const textId = `${meta.id}-purpose`;
  const describedBy = meta.errors?.length ? `${textId} ${meta.errorId}` : textId;
  return (
    <fieldset className="field consent">
      <legend>{t("consent.legend")}</legend>
      <p id={textId} className="field-hint">
        {t(CONSENT_TEXT[purpose])}{" "}
        <Link to="/privacy" target="_blank">
          {t("consent.policyLink")}
        </Link>
      </p>
      <label className="check-label">
        <input
          type="checkbox"
          name={meta.name}
          value="on"
          defaultChecked={meta.initialValue === "on"}
          key={meta.key}
          aria-describedby={describedBy}
          aria-invalid={meta.errors?.length ? true : undefined}
        />
        {t("consent.agree")}
      </label>
      <FieldErrors meta={meta as FieldMetadata<unknown>} />
    </fieldset>
  );
}
