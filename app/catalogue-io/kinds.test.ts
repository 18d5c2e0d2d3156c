import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import type { ImportKind } from "./kind";
import { KINDS_IN_LOAD_ORDER } from "./kinds";
import { csv, fixture, importBytes, linesOf } from "./test-helpers";

// Every kind's example file, the problems particular to each kind, and the search announcements. One database: the
// example files load in order (later kinds refer to earlier ones); rejected files write nothing.

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const firstLine = async (kind: ImportKind, lines: string[]) => linesOf(await importBytes(t.db, kind, csv(lines)))[0];

async function org(name: string) {
  return t.db.selectFrom("organizations").selectAll().where("name_zh", "=", name).execute();
}

async function outbox(type: string) {
  const rows = await t.db
    .selectFrom("search_outbox")
    .select(["entity_id"])
    .where("entity_type", "=", type as never)
    .orderBy("id")
    .execute();
  return rows.map((r) => r.entity_id);
}

describe("example files load in order, and again as a no-op", () => {
  const expected: Record<ImportKind, { inserted: number; updated: number }> = {
    organizations: { inserted: 5, updated: 1 },
    trademarks: { inserted: 6, updated: 0 },
    gi: { inserted: 2, updated: 1 },
    "regional-brands": { inserted: 1, updated: 1 },
    "gi-users": { inserted: 3, updated: 0 },
    products: { inserted: 3, updated: 0 },
  };
  it.each(KINDS_IN_LOAD_ORDER)("%s", async (kind) => {
    const summary = await importBytes(t.db, kind, fixture(`${kind}.csv`));
    expect(summary.problems).toEqual([]);
    expect(summary.counts).toEqual({ ...expected[kind], unchanged: 0 });
    const again = await importBytes(t.db, kind, fixture(`${kind}.csv`));
    expect(again.counts).toEqual({ inserted: 0, updated: 0, unchanged: expected[kind].inserted + expected[kind].updated });
  });
});

describe("organizations", () => {
  it("stored the example's values", async () => {
    const [coop] = await org("互助县高原青稞种植专业合作社");
    expect(coop).toMatchObject({ credit_code: "93630223MA7L8Q2K16", org_type: "cooperative", status: "published", is_sample: false });
    expect(coop!.contacts).toEqual([
      { kind: "phone", value: "0972-8321234", public: true },
      { kind: "person", value: "李主任", public: true },
    ]);
    const [garlic] = await org("海东乐都紫皮大蒜有限公司");
    expect(garlic!.contacts[1]).toEqual({ kind: "mobile", value: "13800000000", public: false });
    expect((await org("循化县撒拉族特色食品有限公司"))[0]).toMatchObject({ credit_status: "abnormal", credit_status_date: "2025-03-01" });
    // the row without a code updated the reference organisation of that name instead of adding a second one
    const tianyoude = await org("青海互助天佑德青稞酒股份有限公司");
    expect(tianyoude).toHaveLength(1);
    expect(tianyoude[0]!.name_en).toBe("Qinghai Huzhu Tianyoude Highland Barley Spirit Co. Ltd.");
    expect(await outbox("organization")).toContain(coop!.id);
  });

  it("a new credit code takes over the one organisation of that name without a code", async () => {
    const header = "credit_code,name_zh";
    const [before] = await org("互助威远青稞酒业酿造有限公司");
    expect(before!.credit_code).toBeNull();
    const summary = await importBytes(t.db, "organizations", csv([header, "91630203MA7C2D3E4L,互助威远青稞酒业酿造有限公司"]));
    expect(summary.counts).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    const after = await org("互助威远青稞酒业酿造有限公司");
    expect(after.map((o) => [o.id, o.credit_code])).toEqual([[before!.id, "91630203MA7C2D3E4L"]]);
  });

  it("finds a township written by the town a 街道 replaced or by its short form (碾伯镇 → 碾伯街道, 下营乡 → 下营藏族乡)", async () => {
    const summary = await importBytes(
      t.db,
      "organizations",
      csv(["credit_code,name_zh,county,township", "52630200MJ0B12345E,碾伯旧名协会,乐都,碾伯镇", "52630200MJ0B234567,下营合作社,乐都区,下营乡"]),
    );
    expect(summary.problems).toEqual([]);
    const rows = await t.db
      .selectFrom("organizations as o")
      .innerJoin("places as p", "p.id", "o.township_id")
      .select(["o.name_zh", "p.name_zh as township"])
      .where("o.name_zh", "in", ["碾伯旧名协会", "下营合作社"])
      .orderBy("o.name_zh")
      .execute();
    expect(rows).toEqual([
      { name_zh: "下营合作社", township: "下营藏族乡" },
      { name_zh: "碾伯旧名协会", township: "碾伯街道" },
    ]);
  });

  const header = "credit_code,name_zh,contacts,township,county,website";
  it.each([
    [
      "a contact of unknown kind",
      "52630200MJ0B12345E,协会,fax:0972-1",
      "contacts",
      "write contacts as kind:value or kind:value:private, the kind being phone, mobile, email, wechat or person",
    ],
    ["an unknown township", "52630200MJ0B12345E,协会,,不存在镇,乐都", "township", "no matching record: 不存在镇"],
    [
      "a website that is not http(s)",
      "52630200MJ0B12345E,协会,,,,ftp://example.cn",
      "website",
      "is not a web address, for example www.example.cn or https://www.example.cn",
    ],
    [
      "a credit code with a letter never used",
      "52630200MJ0B1234IE,协会",
      "credit_code",
      "the unified social credit code contains invalid characters (I, O, Z, S and V are never used)",
    ],
    ["a credit code of 17 characters", "52630200MJ0B12345,协会", "credit_code", "a unified social credit code has 18 characters"],
  ])("report %s", async (_n, line, column, message) => {
    expect(await firstLine("organizations", [header, line])).toBe(`f.csv row 2, column ${column}: ${message}`);
  });
});

describe("gi", () => {
  it("stored one GI per name with its schemes and protected places", async () => {
    const rows = await sql<{ name_zh: string; schemes: string[]; reg_nos: string[]; places: string[] }>`
      select g.name_zh,
        coalesce((select array_agg(s.scheme order by s.scheme) from gi_product_schemes s where s.gi_product_id = g.id), '{}') as schemes,
        coalesce((select array_agg(s.reg_no order by s.scheme) from gi_product_schemes s where s.gi_product_id = g.id), '{}') as reg_nos,
        coalesce((select array_agg(p.name_zh order by p.id) from gi_protected_places pp join places p on p.id = pp.place_id where pp.gi_product_id = g.id), '{}') as places
      from gi_products g where g.name_zh in ('互助八眉猪', '化隆牦牛肉', '民和旱作马铃薯') order by g.name_zh`.execute(t.db);
    expect(rows.rows).toEqual([
      { name_zh: "互助八眉猪", schemes: ["agricultural", "certification_mark"], reg_nos: ["AGI2018-01-2345", "25678901"], places: ["互助土族自治县"] },
      { name_zh: "化隆牦牛肉", schemes: ["protected_product"], reg_nos: ["2021 年第 421 号"], places: ["化隆回族自治县", "循化撒拉族自治县"] },
      { name_zh: "民和旱作马铃薯", schemes: [], reg_nos: [], places: [] },
    ]);
  });

  const header = "name_zh,category,scheme,reg_no,protected_townships";
  it("reports rows of one GI that disagree", async () => {
    expect(await firstLine("gi", [header, "新GI,fruit,农产品地理标志,,", "新GI,vegetable,地理标志证明商标,,"])).toBe(
      "f.csv row 3, column category: differs from row 2, which describes the same record",
    );
  });
  it.each([
    ["a registration number without a scheme", "新GI,fruit,,A-1,", "scheme", "is required"],
    [
      "an unknown scheme",
      "新GI,fruit,地理标志,,",
      "scheme",
      "must be one of: protected_product / 地理标志保护产品 / certification_mark / 地理标志证明商标 / collective_mark / 地理标志集体商标 / agricultural / 农产品地理标志",
    ],
    ["an unknown protected place", "新GI,fruit,,,乐都区/不存在镇", "protected_townships", "no matching record: 乐都区/不存在镇"],
  ])("report %s", async (_n, line, column, message) => {
    expect(await firstLine("gi", [header, line])).toBe(`f.csv row 2, column ${column}: ${message}`);
  });
  it("reports a scheme listed twice for one GI", async () => {
    expect(await firstLine("gi", [header, "新GI,fruit,农产品地理标志,,", "新GI,fruit,agricultural,,"])).toBe(
      "f.csv row 3, column scheme: duplicates row 2 (新GI / agricultural)",
    );
  });
  it("with --skip-invalid skips every row of a GI that has a bad row, so no scheme is dropped", async () => {
    const summary = await importBytes(t.db, "gi", csv([header, "半个GI,fruit,农产品地理标志,,", "半个GI,fruit,bogus,,", "整个GI,fruit,农产品地理标志,,"]), {
      skipInvalid: true,
    });
    expect(linesOf(summary).slice(0, 2)).toEqual([
      "f.csv row 2: skipped too, because row 3 of the same record has errors",
      expect.stringMatching(/^f\.csv row 3, column scheme: must be one of/),
    ]);
    expect(summary.counts).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    const names = await t.db.selectFrom("gi_products").select("name_zh").where("name_zh", "in", ["半个GI", "整个GI"]).execute();
    expect(names.map((n) => n.name_zh)).toEqual(["整个GI"]);
  });
});

describe("regional-brands", () => {
  it("stored the example's values", async () => {
    const brand = await t.db.selectFrom("regional_brands").selectAll().where("name_zh", "=", "河湟好物").executeTakeFirstOrThrow();
    expect(brand).toMatchObject({ name_en: "Hehuang Treasures", launched_on: "2024-05-20", status: "published" });
    expect(await outbox("regional_brand")).toContain(brand.id);
  });
  it("reports a name over 100 characters", async () => {
    expect(await firstLine("regional-brands", ["name_zh", "品".repeat(101)])).toBe("f.csv row 2, column name_zh: must be at most 100 characters");
  });
});

describe("gi-users", () => {
  it("stored the uses, verified unless the file says otherwise", async () => {
    const rows = await sql<{ gi: string; org: string; basis: string; verification: string; verified: boolean; valid_to: string | null }>`
      select g.name_zh as gi, o.name_zh as org, u.basis, u.verification, u.verified_at is not null as verified, u.valid_to
      from gi_authorised_users u join gi_products g on g.id = u.gi_product_id join organizations o on o.id = u.organization_id
      order by g.name_zh`.execute(t.db);
    expect(rows.rows).toEqual([
      { gi: "乐都紫皮大蒜", org: "海东乐都紫皮大蒜有限公司", basis: "announcement", verification: "verified", verified: true, valid_to: null },
      {
        gi: "互助八眉猪",
        org: "互助县高原青稞种植专业合作社",
        basis: "certification_licence",
        verification: "verified",
        verified: true,
        valid_to: "2030-12-31",
      },
      { gi: "互助青稞酒", org: "青海互助天佑德青稞酒股份有限公司", basis: "other_record", verification: "pending", verified: false, valid_to: null },
    ]);
  });

  it("a changed use announces the organisation's products, whose GI badge depends on it", async () => {
    const products = await t.db
      .selectFrom("products as p")
      .innerJoin("organizations as o", "o.id", "p.organization_id")
      .select("p.id")
      .where("o.credit_code", "=", "91630202MA752XK31X")
      .execute();
    expect(products.length).toBeGreaterThan(0);
    const before = (await outbox("product")).length;
    const lines = fixture("gi-users.csv")
      .toString("utf-8")
      .replace("国家知识产权局公告第 456 号,2023-06-01,,", "国家知识产权局公告第 456 号,2023-06-01,2025-01-01,")
      .split("\n")
      .filter(Boolean);
    const summary = await importBytes(t.db, "gi-users", csv(lines));
    expect(summary.counts).toEqual({ inserted: 0, updated: 1, unchanged: 2 });
    const after = await outbox("product");
    expect(after.slice(before)).toEqual(products.map((p) => p.id));
  });

  const header = "gi_name_zh,credit_code,organization_name,basis,basis_reference,valid_from,valid_to,verification";
  it.each([
    ["an unknown GI", "不存在的GI,93630223MA7L8Q2K16,,公告,,,,", "gi_name_zh", "no matching record: 不存在的GI"],
    ["an unknown organisation", "互助八眉猪,93630224MA7LXW8H5G,,公告,,,,", "credit_code", "no matching record: 93630224MA7LXW8H5G"],
    ["an unknown organisation name", "互助八眉猪,,没有这家公司,公告,,,,", "organization_name", "no matching record: 没有这家公司"],
    [
      "validity ending before it starts",
      "互助八眉猪,93630223MA7L8Q2K16,,公告,,2024-01-01,2023-12-31,",
      "valid_to",
      "the end of validity cannot be before its start",
    ],
    ["a missing basis", "互助八眉猪,93630223MA7L8Q2K16,,,,,,", "basis", "is required"],
    [
      "an unknown verification state",
      "互助八眉猪,93630223MA7L8Q2K16,,公告,,,,ok",
      "verification",
      expect.stringMatching(/^f\.csv row 2, column verification: must be one of: pending \/ 待核实 \//),
    ],
  ])("report %s", async (_n, line, column, message) => {
    const summary = await importBytes(t.db, "gi-users", csv([header, line]));
    expect(summary.problems[0]).toMatchObject({ row: 2, column });
    expect(linesOf(summary)[0]).toEqual(typeof message === "string" ? `f.csv row 2, column ${column}: ${message}` : message);
  });
  it("sees that a code on one row and a name on another mean the same organisation", async () => {
    expect(await firstLine("gi-users", [header, "互助八眉猪,93630223MA7L8Q2K16,,公告,,,,", "互助八眉猪,,互助县高原青稞种植专业合作社,公告,,,,"])).toBe(
      "f.csv row 3, column credit_code: duplicates row 2 (互助八眉猪 / 互助县高原青稞种植专业合作社)",
    );
  });
});

describe("products", () => {
  it("stored the example's values with their brand stack and certifications", async () => {
    const p = await sql<Record<string, unknown>>`
      select p.name_zh, o.credit_code, t.reg_no, g.name_zh as gi, r.name_zh as brand, p.availability_months, p.annual_volume,
             p.min_order_qty, p.pack_sizes, p.storage, p.provinces_served, p.samples_available, p.status,
             (select array_agg(c.kind || ':' || coalesce(c.certificate_no, '') || ':' || coalesce(c.expires_on::text, '') order by c.kind)
                from product_certifications c where c.product_id = p.id) as certifications
      from products p join organizations o on o.id = p.organization_id left join trademarks t on t.id = p.trademark_id
        left join gi_products g on g.id = p.gi_product_id left join regional_brands r on r.id = p.regional_brand_id
      where p.name_zh in ('青稞粉', '紫皮大蒜', '天佑德青稞酒 42 度') order by p.name_zh`.execute(t.db);
    expect(p.rows).toEqual([
      {
        name_zh: "天佑德青稞酒 42 度",
        credit_code: null,
        reg_no: "9876543",
        gi: "互助青稞酒",
        brand: null,
        availability_months: [],
        annual_volume: "13600.00",
        min_order_qty: null,
        pack_sizes: ["500ml"],
        storage: "ambient",
        provinces_served: ["全国"],
        samples_available: false,
        status: "published",
        certifications: null,
      },
      {
        name_zh: "紫皮大蒜",
        credit_code: "91630202MA752XK31X",
        reg_no: null,
        gi: "乐都紫皮大蒜",
        brand: "黄河彩篮",
        availability_months: [7, 8, 9],
        annual_volume: "3500.50",
        min_order_qty: "0.50",
        pack_sizes: ["5kg", "10kg"],
        storage: "chilled",
        provinces_served: ["青海", "四川"],
        samples_available: false,
        status: "published",
        certifications: ["selenium_rich:SE-2024-009:"],
      },
      {
        name_zh: "青稞粉",
        credit_code: "93630223MA7L8Q2K16",
        reg_no: "30123456",
        gi: null,
        brand: "黄河彩篮",
        availability_months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
        annual_volume: "1200.00",
        min_order_qty: "1.00",
        pack_sizes: ["500g", "1kg", "25kg"],
        storage: "ambient",
        provinces_served: ["青海", "甘肃", "北京"],
        samples_available: true,
        status: "published",
        certifications: ["green_food:LB-12-345:2027-01-31", "organic::"],
      },
    ]);
  });

  const header =
    "organization_credit_code,organization_name,name_zh,trademark_reg_no,gi_name_zh,regional_brand_name_zh,availability_months,annual_volume,storage,certifications";
  it.each([
    ["a month outside 1–12", "93630223MA7L8Q2K16,,青稞米,,,,5;13,,,", "availability_months", "months are 1 to 12"],
    ["a negative quantity", "93630223MA7L8Q2K16,,青稞米,,,,,-1,,", "annual_volume", "must be a number of at least 0 with at most two decimals"],
    ["an unknown storage", "93630223MA7L8Q2K16,,青稞米,,,,,,warm,", "storage", "must be one of: ambient / 常温 / chilled / 冷藏 / frozen / 冷冻"],
    [
      "a malformed certification",
      "93630223MA7L8Q2K16,,青稞米,,,,,,,gold:1:2020-01-01",
      "certifications",
      "write certifications as kind:certificate number:expiry date (YYYY-MM-DD), the kind being green_food / 绿色食品 / organic / 有机产品 / selenium_rich / 富硒 / famous_special / 名特优新 / geo_origin / 地理标志 / other / 其他",
    ],
    ["an unknown trademark", "93630223MA7L8Q2K16,,青稞米,11111111,,,,,,", "trademark_reg_no", "no matching record: 11111111"],
    ["an unknown GI", "93630223MA7L8Q2K16,,青稞米,,不存在,,,,,", "gi_name_zh", "no matching record: 不存在"],
    ["an unknown regional brand", "93630223MA7L8Q2K16,,青稞米,,,不存在,,,,", "regional_brand_name_zh", "no matching record: 不存在"],
    ["an unknown producer", "93630224MA7LXW8H5G,,青稞米,,,,,,,", "organization_credit_code", "no matching record: 93630224MA7LXW8H5G"],
    ["no producer at all", ",,青稞米,,,,,,,", "organization_credit_code", "is required"],
  ])("report %s", async (_n, line, column, message) => {
    expect(await firstLine("products", [header, line])).toBe(`f.csv row 2, column ${column}: ${message}`);
  });
});
