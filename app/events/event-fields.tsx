import type { EventInput } from "../../db/queries/events";
import { useT, type Lang, type Translate, withoutRequiredMark } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";

/** The event's own fields (plain inputs: the form works without JavaScript). */
export function EventFields({ value, invalid }: { value?: Partial<EventInput>; invalid?: string[] }) {
  const t = useT();
  const field = (name: keyof EventInput, label: MessageKey, type: "text" | "date" = "text", required = false) => (
    <div className="field">
      <label htmlFor={`event-${name}`}>{t(label)}</label>
      <input
        id={`event-${name}`}
        name={name}
        type={type}
        required={required}
        defaultValue={value?.[name] ?? ""}
        aria-invalid={invalid?.includes(name) || undefined}
        lang={name.endsWith("_en") ? "en" : undefined}
      />
    </div>
  );
  return (
    <>
      {field("name_zh", "events.nameZh", "text", true)}
      {field("name_en", "events.nameEn")}
      {field("starts_on", "events.startsOn", "date", true)}
      {field("ends_on", "events.endsOn", "date", true)}
      {field("venue_zh", "events.venueZh", "text", true)}
      {field("venue_en", "events.venueEn")}
      {field("organiser_zh", "events.organiserZh", "text", true)}
      {field("organiser_en", "events.organiserEn")}
      <div className="field">
        <label htmlFor="event-status">{t("events.status")}</label>
        <select id="event-status" name="status" defaultValue={value?.status ?? "draft"}>
          {(["draft", "published", "closed"] as const).map((s) => (
            <option key={s} value={s}>
              {t(`events.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}

/** The form labels of the fields the events forms name when they are wrong (codes from app/events/forms.ts). */
const FIELD_LABELS: Record<string, MessageKey> = {
  name_zh: "events.nameZh",
  name_en: "events.nameEn",
  starts_on: "events.startsOn",
  ends_on: "events.endsOn",
  venue_zh: "events.venueZh",
  venue_en: "events.venueEn",
  organiser_zh: "events.organiserZh",
  organiser_en: "events.organiserEn",
  status: "events.status",
  organization_id: "events.organization",
  hall: "events.hall",
  booth: "events.booth",
  title_zh: "events.sectionTitleZh",
  title_en: "events.sectionTitleEn",
  q: "events.searchText",
  county_id: "events.county",
  category: "events.category",
  section_id: "events.sections",
  product_id: "events.chooseProduct",
  note: "events.note",
  note_zh: "events.noteZh",
  note_en: "events.noteEn",
  schedule: "eventPage.scheduleLabel",
};

/** "开始日期、结束日期" / "Starts on, Ends on": the wrong fields by the labels the visitor sees (without the * mark). */
export function invalidFieldsText(t: Translate, lang: Lang, fields: readonly string[]): string {
  const labels = [...new Set(fields)].map((f) => (FIELD_LABELS[f] ? withoutRequiredMark(t(FIELD_LABELS[f])) : f));
  return labels.join(lang === "en" ? ", " : "、");
}
