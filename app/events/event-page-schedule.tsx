import type { MessageKey } from "../i18n/messages";
import { usePreferences, useT } from "../i18n/i18n";
import { L } from "./parts";
import { scheduleByDay, scheduleDateTimeAttr, scheduleTime, weekday, type ScheduleItem } from "./schedule";

// The fair's schedule (日程) on the public event page (issue 19), by day; every time is China's wall clock and says so.

export function EventSchedule({ items }: { items: ScheduleItem[] }) {
  const t = useT();
  const { lang } = usePreferences();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="event-schedule" className="event-schedule">
      <h2 id="event-schedule">{t("eventPage.schedule")}</h2>
      <p className="muted">{t("eventPage.scheduleNote")}</p>
      {scheduleByDay(items).map((day) => (
        <section key={day.date} aria-labelledby={`schedule-${day.date}`}>
          <h3 id={`schedule-${day.date}`}>
            <time dateTime={day.date}>{day.date}</time> {t(`eventPage.weekday.${weekday(day.date)}` as MessageKey)}
          </h3>
          <ol className="event-schedule__items">
            {day.items.map((x, i) => {
              const time = scheduleTime(x);
              return (
                <li key={i}>
                  <span className="event-schedule__time">
                    {time ? (
                      <>
                        <time dateTime={scheduleDateTimeAttr(x)}>{time}</time> <small>{t("eventPage.chinaTime")}</small>
                      </>
                    ) : (
                      t("eventPage.allDay")
                    )}
                  </span>
                  <span className="event-schedule__what">
                    <L lang={lang} zh={x.title_zh} en={x.title_en} />
                    {x.place_zh && (
                      <>
                        {" · "}
                        <span className="muted" lang="zh-CN">
                          {x.place_zh}
                        </span>
                      </>
                    )}
                  </span>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </section>
  );
}
