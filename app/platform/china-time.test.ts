import { describe, expect, it } from "vitest";
import { addDays, chinaDateTime, chinaDay, chinaIsoDateTime, chinaDayFromToday, chinaDayStart, parseChinaDateTime, todayInChina } from "./china-time";
import { trademarkValidity } from "../domain/trademark-validity";

describe("China's day is the catalogue's day, whatever the server's zone", () => {
  it("a certificate that expires today in Xining still counts at 23:30 UTC the day before", () => {
    // 2026-11-28T23:30Z is 07:30 on 29 November in Xining: a trademark registered 2016-11-30 expires on 2026-11-29
    const today = todayInChina(new Date("2026-11-28T23:30:00Z"));
    expect(today).toBe("2026-11-29");
    expect(trademarkValidity("2016-11-30", "registered", today)).toMatchObject({ state: "renewal_window", expiresOn: "2026-11-29" });
  });

  it("the day turns at midnight in China, which is 16:00 UTC", () => {
    expect(chinaDay(new Date("2026-03-01T15:59:59Z"))).toBe("2026-03-01");
    expect(chinaDay(new Date("2026-03-01T16:00:00Z"))).toBe("2026-03-02");
    expect(chinaDayStart("2026-03-02").toISOString()).toBe("2026-03-01T16:00:00.000Z");
  });

  it("a buyer asking for delivery within a week counts the week from China's today, across a month end", () => {
    expect(chinaDayFromToday(7, new Date("2027-01-28T17:00:00Z"))).toBe("2027-02-05");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
  });

  it("refuses a moment that is no moment instead of printing a wrong day", () => {
    expect(() => chinaDay("not a date")).toThrow(RangeError);
    expect(() => addDays("2027-13-45", 1)).toThrow(RangeError);
  });
});

describe("moments are shown as China's wall-clock time", () => {
  it("an inquiry sent at 08:00 UTC reads 16:00 to the producer in Haidong and to a buyer abroad alike", () => {
    expect(chinaDateTime("2026-12-01T08:00:00Z")).toBe("2026-12-01 16:00");
    expect(chinaDateTime(new Date("2026-12-31T17:05:00Z"))).toBe("2027-01-01 01:05");
  });

  it("an export stamps the same moment as an ISO timestamp in China's time, dated China's day", () => {
    expect(chinaIsoDateTime("2026-12-05T17:30:00Z")).toBe("2026-12-06T01:30:00+08:00");
    expect(Date.parse(chinaIsoDateTime("2026-12-05T17:30:00Z"))).toBe(Date.parse("2026-12-05T17:30:00Z"));
  });
});

describe("times typed by fair staff are China's wall-clock time", () => {
  it("a catalogue frozen at 18:00 on 20 May is stored as 10:00 UTC and shown again as 18:00", () => {
    const cutoff = parseChinaDateTime("2027-05-20T18:00");
    expect(cutoff?.toISOString()).toBe("2027-05-20T10:00:00.000Z");
    expect(chinaDateTime(cutoff!)).toBe("2027-05-20 18:00");
    expect(parseChinaDateTime("2027-05-20 18:00:30")?.toISOString()).toBe("2027-05-20T10:00:30.000Z");
  });

  it("a time just after midnight in China is the day before in UTC", () => {
    expect(parseChinaDateTime("2027-06-01T00:30")?.toISOString()).toBe("2027-05-31T16:30:00.000Z");
  });

  it("a hand-made form value that names no real time is refused, not rolled over", () => {
    for (const bad of ["2027-02-30T10:00", "2027-05-20T24:00", "2027-05-20T18:60", "2027-05-20", "18:00", "", "2027-05-20T18:00Z"]) {
      expect(parseChinaDateTime(bad), bad).toBeUndefined();
    }
  });
});
