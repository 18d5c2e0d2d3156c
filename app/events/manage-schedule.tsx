import { Form } from "@remix-run/react";
import { Trans } from "../components/content-text";
import type { FormAnswer } from "../domain/form-reply";
import { translateMessage, useT } from "../i18n/i18n";
import { formatSchedule, SCHEDULE_FORM, type ScheduleItem } from "./schedule";

// The schedule editor on the manage screen (issue 19): one textarea, one item a line, so a programme can be pasted
// and the form works without JavaScript. A refused save names every wrong line and keeps what was typed.

const EXAMPLE = "2027-05-16 09:30 开幕式 | Opening ceremony @ 主会场";

export function ManageSchedule({ items, answer }: { items: ScheduleItem[]; answer: FormAnswer | undefined }) {
  const t = useT();
  const errors = answer?.error?.[""] ?? [];
  const typed = answer?.initialValue?.schedule;
  const saved = formatSchedule(items);
  return (
    <section aria-labelledby="schedule">
      <h2 id="schedule">{t("eventPage.scheduleEdit")}</h2>
      <Form method="post" className="form" key={saved}>
        <input type="hidden" name="intent" value={SCHEDULE_FORM} />
        {errors.length > 0 && (
          <div role="alert" id="schedule-errors" className="field-error">
            <p>{t("eventPage.scheduleRefused")}</p>
            <ul>
              {errors.map((e) => (
                <li key={e}>{translateMessage(t, e)}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="field">
          <label htmlFor="event-schedule-text">{t("eventPage.scheduleLabel")}</label>
          <p id="schedule-format" className="muted">
            <Trans k="eventPage.scheduleFormat" vars={{ example: <code lang="zh-CN">{EXAMPLE}</code> }} />
          </p>
          <textarea
            id="event-schedule-text"
            name="schedule"
            rows={Math.min(Math.max(items.length + 2, 6), 20)}
            lang="zh-CN"
            defaultValue={typeof typed === "string" ? typed : saved}
            aria-invalid={errors.length > 0 || undefined}
            aria-describedby={errors.length > 0 ? "schedule-errors schedule-format" : "schedule-format"}
          />
        </div>
        <button className="button" type="submit">
          {t("eventPage.scheduleSave")}
        </button>
      </Form>
    </section>
  );
}
