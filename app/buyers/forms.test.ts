import { describe, expect, it } from "vitest";
import { todayInChina } from "../platform/china-time";
import { dealSchema, inquirySchema } from "./forms";

const day = (offset: number) => new Date(Date.parse(`${todayInChina()}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
const line = (product_id: string, extra: Record<string, unknown> = {}) => ({
  product_id,
  include: "on",
  quantity: "12.5",
  quantity_unit: "吨",
  delivery_from: day(1),
  delivery_to: day(30),
  destination_province: "广东",
  ...extra,
});
const valid = {
  lines: [line("1"), line("2", { quantity: "200", quantity_unit: "箱" }), line("2")],
  buyer_name: "王采购",
  buyer_email: "wang@example.com",
  consent: "on",
};
const messages = (input: Record<string, unknown>) => {
  const r = inquirySchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};
const withLine = (extra: Record<string, unknown>) => ({ ...valid, lines: [line("1", extra)] });

describe("inquiry form: a line per product", () => {
  it("accepts a complete request, keeps each line's own need and drops unticked lines and repeats", () => {
    const r = inquirySchema.parse({ ...valid, lines: [...valid.lines, line("3", { include: undefined, quantity: "x" })] });
    expect(r.lines).toMatchObject([
      { product_id: 1, quantity: 12.5, quantity_unit: "吨", target_price: null, sample_wanted: false },
      { product_id: 2, quantity: 200, quantity_unit: "箱" },
    ]);
    expect(r.lines).toHaveLength(2);
    expect(r.buyer_phone).toBeNull();
    // "1,000" is a thousand, as written: a comma only where it groups thousands (typedNumber, app/domain/fields.ts)
    expect(inquirySchema.parse(withLine({ quantity: "1,000", target_price: "9", sample_wanted: "on" })).lines[0]).toMatchObject({
      quantity: 1000,
      target_price: 9,
      sample_wanted: true,
    });
  });

  it.each(["0", "-1", "1e3", "1,00", "12.345", "abc", ""])("refuses the quantity %j at that line's field", (quantity) => {
    expect(messages(withLine({ quantity }))["lines.0.quantity"]).toMatch(/^(buyers\.amount(Format|Positive)|validation\.required)/);
  });

  it("reports every problem at once, each at its own line and field", () => {
    const m = messages({
      ...valid,
      buyer_email: undefined,
      lines: [line("1", { quantity: "x" }), line("2", { delivery_from: day(9), delivery_to: day(2), destination_province: "火星" })],
    });
    expect(m).toMatchObject({
      "lines.0.quantity": "buyers.amountFormat",
      "lines.1.delivery_to": "inquiry.deliveryOrder",
      "lines.1.destination_province": "inquiry.chooseProvince",
      buyer_email: "inquiry.contactRequired",
    });
    expect(messages(withLine({ delivery_from: day(-9), delivery_to: day(-2) }))["lines.0.delivery_to"]).toBe("inquiry.deliveryPast");
    expect(messages({ ...valid, buyer_email: undefined, buyer_phone: "0972-8321234" })).toEqual({});
    expect(messages({ ...valid, buyer_phone: "call me" }).buyer_phone).toBe("inquiry.phoneInvalid");
    expect(messages({ ...valid, consent: undefined }).consent).toBe("consent.required"); // PIPL: never assumed
    expect(messages({ ...valid, lines: undefined }).lines).toBe("inquiry.chooseProducts");
    expect(messages({ ...valid, lines: [line("1", { include: undefined })] }).lines).toBe("inquiry.chooseProducts");
  });
});

describe("deal form", () => {
  it("needs a kind, a positive amount, a product and a real date", () => {
    expect(dealSchema.parse({ kind: "signed", amount_cny: "88000.50", product_id: "3", deal_date: "2026-11-28" })).toMatchObject({
      amount_cny: 88000.5,
      product_id: 3,
    });
    const r = dealSchema.safeParse({ kind: "maybe", amount_cny: "0", deal_date: "2026-02-30" });
    expect(r.success).toBe(false);
    expect(Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]))).toEqual({
      kind: "deal.chooseKind",
      amount_cny: "buyers.amountPositive",
      product_id: "deal.chooseProduct",
      deal_date: "validation.date",
    });
  });

  it("takes the amount as people type it: thousands separators and full-width digits, never a misplaced comma", () => {
    const amountOf = (amount_cny: string) => dealSchema.safeParse({ kind: "signed", amount_cny, product_id: "3", deal_date: "2026-11-28" });
    expect(amountOf("1,200").data?.amount_cny).toBe(1200);
    expect(amountOf(" 1,200.50 ").data?.amount_cny).toBe(1200.5);
    expect(amountOf("250,000").data?.amount_cny).toBe(250000);
    expect(amountOf("１，２００．５").data?.amount_cny).toBe(1200.5);
    for (const bad of ["1,2", "12,00", "1,200.505", "1.200,50", ",200", "1,,200", "1 200"]) {
      expect(amountOf(bad).error?.issues[0]?.message, bad).toBe("buyers.amountFormat");
    }
  });
});
