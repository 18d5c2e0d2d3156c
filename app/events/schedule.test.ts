import { describe, expect, it } from "vitest";
import { parseMessage } from "../domain/message";
import { formatSchedule, parseSchedule, scheduleByDay, scheduleTime, weekday } from "./schedule";

const days = { from: "2027-05-16", to: "2027-05-18" };
const errorsOf = (text: string) => {
  const r = parseSchedule(text, days);
  return r.ok ? [] : r.errors.map((e) => parseMessage(e));
};

describe("the schedule typed on the manage screen", () => {
  it("reads date, China time, Chinese and English titles and the place; all-day items first; blank lines skipped", () => {
    const r = parseSchedule(
      [
        "2027-05-17 15:00 签约仪式 | Signing ceremony @ 主会场",
        "",
        "2027-05-16 9:30 开幕式|Opening ceremony@主会场",
        "2027-05-16 展区开放",
        "  2027-05-16 10：30 产销对接洽谈  ",
      ].join("\n"),
      days,
    );
    expect(r).toEqual({
      ok: true,
      items: [
        { date: "2027-05-16", title_zh: "展区开放" },
        { date: "2027-05-16", time: "09:30", title_zh: "开幕式", title_en: "Opening ceremony", place_zh: "主会场" },
        { date: "2027-05-16", time: "10:30", title_zh: "产销对接洽谈" },
        { date: "2027-05-17", time: "15:00", title_zh: "签约仪式", title_en: "Signing ceremony", place_zh: "主会场" },
      ],
    });
  });

  it("names every wrong line by its number, and saves none of them", () => {
    const text = [
      "2027-05-16 09:30 开幕式", // 1 fine
      "2027-05-16 25:00 晚宴", // 2 no such hour
      "2027-02-30 09:00 参观", // 3 no such day
      "2027-05-20 09:00 参观", // 4 after the fair
      "2027-05-16 09:30", // 5 no title
      "开幕式 09:30", // 6 no date
      "2027-05-16 9.30 开幕式", // 7 not a time
      "2027-05-16 10:00 洽谈 @ A馆 @ B馆", // 8 two places
      "2027-05-16 10:00 洽谈 | Talks | More", // 9 two English titles
      "2027-05-16 10:00 洽谈 @", // 10 empty place
      `2027-05-16 10:00 ${"长".repeat(101)}`, // 11 too long
      "2027-05-16 10:00 洽谈\u0007", // 12 control character
    ].join("\n");
    expect(errorsOf(text)).toEqual([
      { key: "eventPage.schedule.badTime", vars: { line: 2 } },
      { key: "eventPage.schedule.badDate", vars: { line: 3 } },
      { key: "eventPage.schedule.outsideEvent", vars: { line: 4 } },
      { key: "eventPage.schedule.noTitle", vars: { line: 5 } },
      { key: "eventPage.schedule.badDate", vars: { line: 6 } },
      { key: "eventPage.schedule.badTime", vars: { line: 7 } },
      { key: "eventPage.schedule.twoPlaces", vars: { line: 8 } },
      { key: "eventPage.schedule.twoTitles", vars: { line: 9 } },
      { key: "eventPage.schedule.emptyPlace", vars: { line: 10 } },
      { key: "eventPage.schedule.titleTooLong", vars: { line: 11 } },
      { key: "eventPage.schedule.badText", vars: { line: 12 } },
    ]);
  });

  it("refuses more than 60 items, and an empty text is an empty schedule", () => {
    expect(errorsOf(Array.from({ length: 61 }, () => "2027-05-16 展区开放").join("\n"))).toEqual([{ key: "eventPage.schedule.tooMany", vars: { max: 60 } }]);
    expect(parseSchedule(" \n\n", days)).toEqual({ ok: true, items: [] });
  });

  it("formats back to the same text, so saving it unchanged changes nothing", () => {
    const text = "2027-05-16 展区开放\n2027-05-16 09:30 开幕式 | Opening ceremony @ 主会场\n2027-05-18 16:00 闭幕式 @ 主会场";
    const r = parseSchedule(text, days);
    expect(r.ok && formatSchedule(r.items)).toBe(text);
  });

  it("groups by day and reads times back through China's clock", () => {
    const r = parseSchedule("2027-05-17 15:00 签约仪式\n2027-05-16 09:30 开幕式\n2027-05-16 10:30 洽谈", days);
    if (!r.ok) throw new Error("refused");
    expect(scheduleByDay(r.items).map((d) => [d.date, d.items.map(scheduleTime)])).toEqual([
      ["2027-05-16", ["09:30", "10:30"]],
      ["2027-05-17", ["15:00"]],
    ]);
    expect(weekday("2027-05-16")).toBe(0); // a Sunday
  });
});
