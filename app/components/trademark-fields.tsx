import type { FieldMetadata, FormMetadata } from "@conform-to/react";
import type { TrademarkForm } from "../domain/trademark-form";
import { useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { SelectField, TextAreaField, TextField } from "./form";
import { GuidanceAside, type GuidanceView, type StationContact } from "./guidance";

type Fields = ReturnType<FormMetadata<TrademarkForm, string[]>["getFieldset"]>;

/** The guidance shown beside the fields (trademark-registration, nice-classes, renewal), from guidanceAside(). */
export interface TrademarkGuidance {
  entries: GuidanceView[];
  contact: StationContact;
}

export function TrademarkFields({ fields, guidance }: { fields: Fields; guidance?: TrademarkGuidance }) {
  const t = useT();
  const check = (meta: FieldMetadata<unknown>, label: string) => (
    <div className="field">
      <label>
        <input type="checkbox" name={meta.name} defaultChecked={meta.initialValue === "on"} /> {label}
      </label>
    </div>
  );
  // where the producer decides: which classes (registration and Nice class guidance) and when to renew
  const aside = (topics: string[]) =>
    guidance && <GuidanceAside entries={guidance.entries.filter((g) => topics.includes(g.topic))} contact={guidance.contact} />;
  return (
    <>
      <TextField meta={fields.reg_no} label={t("record.regNo")} hint={t("tm.regNoHint")} />
      <TextField meta={fields.name_zh} label={`${t("producer.nameZh")}`} lang="zh-CN" />
      <TextField meta={fields.name_en} label={t("producer.nameEn")} lang="en" />
      <SelectField
        meta={fields.mark_type as FieldMetadata<string>}
        label={t("record.markType")}
        options={(["ordinary", "collective", "certification"] as const).map((v) => ({ value: v, label: t(`markType.${v}` as MessageKey) }))}
      />
      <TextField meta={fields.nice_classes as FieldMetadata<string>} label={t("record.niceClasses")} hint={t("tm.niceClassesHint")} />
      {aside(["nice-classes", "trademark-registration"])}
      <TextAreaField meta={fields.goods} label={t("record.goods")} lang="zh-CN" />
      <TextField meta={fields.application_date} label={t("record.applicationDate")} type="date" />
      <TextField meta={fields.registration_date} label={t("record.registrationDate")} type="date" />
      <SelectField
        meta={fields.legal_status as FieldMetadata<string>}
        label={t("record.legalStatus")}
        options={(["registered", "applied", "expired", "revoked"] as const).map((v) => ({ value: v, label: t(`legalStatus.${v}` as MessageKey) }))}
      />
      {aside(["renewal"])}
      {check(fields.well_known as FieldMetadata<unknown>, t("tm.wellKnown"))}
      <TextField meta={fields.well_known_year as FieldMetadata<string>} label={t("tm.wellKnownYear")} type="number" />
      {check(fields.provincial_famous as FieldMetadata<unknown>, t("tm.provincialFamous"))}
    </>
  );
}
