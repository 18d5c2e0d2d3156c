import type { EventInput } from "../../db/queries/events";
import { useT } from "../i18n/i18n";
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
