import { describe, expect, it } from "vitest";
import { todayInChina } from "../platform/china-time";
import { dealSchema, inquirySchema } from "./forms";

const day = (offset: number) => new Date(Date.parse(`${todayInChina()}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
const valid = {
  product_ids: ["1", "2", "2"],
  quantity: "12.5",
  quantity_unit: "吨",
  delivery_from: day(1),
  delivery_to: day(30),
  destination_province: "广东",
  buyer_name: "王采购",
  buyer_email: "wang@example.com",
};
const messages = (input: Record<string, unknown>) => {
  const r = inquirySchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("inquiry form", () => {
  it("accepts a complete request and normalises it", () => {
    const r = inquirySchema.parse({ ...valid, target_price: "9", sample_wanted: "on" });
    expect(r).toMatchObject({ product_ids: [1, 2], quantity: 12.5, target_price: 9, sample_wanted: true, buyer_phone: null });
    // "1,000" is a thousand, as written: a comma only where it groups thousands (typedNumber, app/domain/fields.ts)
    expect(inquirySchema.parse({ ...valid, quantity: "1,000" }).quantity).toBe(1000);
  });

  it.each(["0", "-1", "1e3", "1,00", "12.345", "abc", ""])("refuses the quantity %j", (quantity) => {
    expect(messages({ ...valid, quantity }).quantity).toMatch(/^(buyers\.amount(Format|Positive)|validation\.required)/);
  });

  it("reports every cross-field problem at once, even next to other errors", () => {
    const m = messages({ ...valid, quantity: "x", buyer_email: undefined, delivery_from: day(9), delivery_to: day(2) });
    expect(m).toMatchObject({ quantity: "buyers.amountFormat", buyer_email: "inquiry.contactRequired", delivery_to: "inquiry.deliveryOrder" });
    expect(messages({ ...valid, delivery_from: day(-9), delivery_to: day(-2) }).delivery_to).toBe("inquiry.deliveryPast");
    expect(messages({ ...valid, buyer_email: undefined, buyer_phone: "0972-8321234" })).toEqual({});
    expect(messages({ ...valid, buyer_phone: "call me" }).buyer_phone).toBe("inquiry.phoneInvalid");
    expect(messages({ ...valid, destination_province: "火星" }).destination_province).toBe("inquiry.chooseProvince");
    expect(messages({ ...valid, product_ids: undefined }).product_ids).toBe("inquiry.chooseProducts");
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
