import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trademarkValidity } from "../../app/domain/trademark-validity";
import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import type { Db } from "../client";
import {
  authorisedGiUsers,
  eventOutcomes,
  giProductsByScheme,
  productsByCountyAndCategory,
  referenceFigures,
  trademarkSummary,
  trademarksDueForRenewal,
} from "./stats";

// Every /stats figure against a hand-computed fixture on real PostgreSQL. The reference records of the template
// database are archived first, so only the rows below count; "today" is fixed at 2026-06-15.

const TODAY = "2026-06-15";

let t: TestDatabase;
let db: Db;
const org: Record<string, number> = {};
const gi: Record<string, number> = {};

async function county(name: string) {
  return (await db.selectFrom("places").select("id").where("name_zh", "=", name).executeTakeFirstOrThrow()).id;
}

async function insertOrg(
  key: string,
  values: { county?: string; credit_status?: "normal" | "abnormal"; status?: "published" | "draft"; is_sample?: boolean } = {},
) {
  org[key] = (
    await db
      .insertInto("organizations")
      .values({
        name_zh: `统计测试主体 ${key}`,
        county_id: values.county ? await county(values.county) : null,
        credit_status: values.credit_status ?? "normal",
        status: values.status ?? "published",
        is_sample: values.is_sample ?? false,
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  for (const table of ["trademarks", "gi_products", "products", "organizations", "regional_brands"] as const) {
    await db.updateTable(table).set({ status: "archived" }).execute();
  }

  // Trademarks: [key, legal status, registration date, extra]. Hand-computed for 2026-06-15 (term ends the day before
  // the 10th anniversary; renewal from 12 months before; 6-month grace):
  const marks: [string, "registered" | "applied" | "expired", string | null, Record<string, unknown>?][] = [
    ["T1", "registered", "2020-01-10", { well_known: true }], // expires 2030-01-09: valid
    ["T2", "registered", "2016-06-20"], // expires 2026-06-19: renewal window
    ["T3", "registered", "2016-03-01"], // expires 2026-02-28, grace to 2026-08-28: grace
    ["T4", "registered", "2015-12-01"], // expires 2025-11-30, grace ended 2026-05-30: expired
    ["T5", "registered", "2017-05-01", { well_known: true, provincial_famous: true }], // expires 2027-04-30, window from 2026-05-01
    ["T6", "expired", "2020-01-01", { well_known: true }], // legal status expired
    ["T7", "applied", null],
    ["T8", "registered", "2021-01-01", { status: "draft" }], // not published
    ["T9", "registered", "2021-01-01", { is_sample: true }], // sample
    ["T10", "registered", null], // no registration date
    ["T11", "registered", "2016-02-29"], // expires 2026-02-27 (Feb 28 − 1 day), grace to 2026-08-27
    ["T12", "registered", "2016-06-16"], // expires today: renewal window
    ["T13", "registered", "2016-06-15"], // expired yesterday: grace
    ["T14", "registered", "2017-06-16"], // expires 2027-06-15 = today + 12 months; window opens tomorrow
    ["T15", "registered", "2017-06-17"], // expires 2027-06-16: beyond 12 months
    ["T16", "registered", "2016-06-20", { well_known: true, holder: "O4" }], // holder under a credit mark: not public
  ];
  await insertOrg("O1", { county: "乐都区" });
  await insertOrg("O2", { county: "互助土族自治县" });
  await insertOrg("O3");
  await insertOrg("O4", { county: "乐都区", credit_status: "abnormal" });
  await insertOrg("O5", { county: "乐都区", status: "draft" });
  await insertOrg("OS", { county: "乐都区", is_sample: true });

  for (const [key, legal_status, registration_date, extra] of marks) {
    const { holder, ...rest } = (extra ?? {}) as { holder?: string };
    await db
      .insertInto("trademarks")
      .values({
        name_zh: `统计商标${key}`,
        reg_no: `ST${key}`,
        legal_status,
        registration_date,
        status: "published",
        holder_org_id: holder ? org[holder] : null,
        ...rest,
      })
      .execute();
  }

  const gis: [string, string[], { status?: "draft"; is_sample?: boolean }?][] = [
    ["G1", ["protected_product", "agricultural"]],
    ["G2", ["certification_mark"]],
    ["G3", []],
    ["G4", ["protected_product"], { status: "draft" }],
    ["G5", ["agricultural"], { is_sample: true }],
    ["G6", ["agricultural"]],
  ];
  for (const [key, schemes, extra] of gis) {
    gi[key] = (
      await db
        .insertInto("gi_products")
        .values({ name_zh: `统计地标${key}`, status: extra?.status ?? "published", is_sample: extra?.is_sample ?? false })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    for (const scheme of schemes) {
      await db
        .insertInto("gi_product_schemes")
        .values({ gi_product_id: gi[key]!, scheme: scheme as "agricultural" })
        .execute();
    }
  }

  const users: [string, string, "verified" | "pending" | "revoked", string | null, string | null][] = [
    ["G1", "O1", "verified", "2024-01-01", "2026-12-31"], // ✓
    ["G1", "O2", "verified", null, "2026-06-14"], // ended yesterday
    ["G1", "O3", "pending", null, null],
    ["G2", "O1", "verified", null, null], // ✓
    ["G2", "O2", "verified", "2026-06-15", null], // ✓ from today
    ["G2", "OS", "verified", null, null], // sample organisation
    ["G6", "O3", "verified", null, "2026-06-15"], // ✓ until today
    ["G6", "O2", "revoked", null, null],
    ["G4", "O1", "verified", null, null], // GI not published
  ];
  for (const [g, o, verification, valid_from, valid_to] of users) {
    await db
      .insertInto("gi_authorised_users")
      .values({ gi_product_id: gi[g]!, organization_id: org[o]!, basis: "announcement", verification, valid_from, valid_to })
      .execute();
  }

  const products: [string, string | null, { status?: "draft"; is_sample?: boolean }?][] = [
    ["O1", "粮油"],
    ["O1", "粮油"],
    ["O1", "肉类"],
    ["O2", "粮油"],
    ["O2", null],
    ["O2", "  "], // blank category counts as not stated
    ["O3", "肉类"], // no county
    ["O4", "粮油"], // credit mark: hidden
    ["O1", "粮油", { status: "draft" }],
    ["O1", "粮油", { is_sample: true }],
    ["O5", "粮油"], // organisation not published
  ];
  let n = 0;
  for (const [o, category, extra] of products) {
    await db
      .insertInto("products")
      .values({ organization_id: org[o]!, name_zh: `统计产品${++n}`, category, status: extra?.status ?? "published", is_sample: extra?.is_sample ?? false })
      .execute();
  }
});

afterAll(async () => {
  await t?.drop();
});

describe("trademark figures", () => {
  it("counts valid trademarks (registered, within term + grace) and well-known / famous marks", async () => {
    expect(await trademarkSummary(db, TODAY)).toEqual({
      total: 13, // T1–T7, T10–T15
      valid: 9, // T1 T2 T3 T5 T11 T12 T13 T14 T15
      verified_registered: 10, // registered with number and date, high confidence: the valid ones and T4
      verified_valid: 9,
      missing_reg_no: 0,
      missing_registration_date: 2, // T7 T10
      unverified: 0,
      well_known: 3, // T1 T5 T6
      well_known_valid: 2, // T1 T5
      provincial_famous: 1, // T5
    });
  });

  it("lists trademarks in their renewal window or grace period or expiring within 12 months, soonest first", async () => {
    const { trademarks, byMonth } = await trademarksDueForRenewal(db, TODAY);
    expect(trademarks.map((r) => [r.reg_no, r.expires_on, r.renewal_opens_on, r.grace_ends_on, r.state])).toEqual([
      ["STT11", "2026-02-27", "2025-02-28", "2026-08-27", "grace_period"],
      ["STT3", "2026-02-28", "2025-03-01", "2026-08-28", "grace_period"],
      ["STT13", "2026-06-14", "2025-06-15", "2026-12-14", "grace_period"],
      ["STT12", "2026-06-15", "2025-06-16", "2026-12-15", "renewal_window"],
      ["STT2", "2026-06-19", "2025-06-20", "2026-12-19", "renewal_window"],
      ["STT5", "2027-04-30", "2026-05-01", "2027-10-30", "renewal_window"],
      ["STT14", "2027-06-15", "2026-06-16", "2027-12-15", "expiring"],
    ]);
    expect(byMonth).toHaveLength(19); // 2025-12 … 2027-06
    expect(byMonth[0]).toEqual({ month: "2025-12", count: 0 });
    expect(byMonth.at(-1)).toEqual({ month: "2027-06", count: 1 });
    expect(byMonth.filter((m) => m.count > 0)).toEqual([
      { month: "2026-02", count: 2 },
      { month: "2026-06", count: 3 },
      { month: "2027-04", count: 1 },
      { month: "2027-06", count: 1 },
    ]);
  });

  it("computes validity in SQL exactly as app/domain/trademark-validity.ts does, for every registration day of 2015–2017", async () => {
    class Rollback extends Error {}
    const todays = ["2026-02-28", "2026-03-01", "2026-06-15", "2026-08-31", "2027-02-28", "2027-12-31"];
    await db
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable("trademarks").set({ status: "archived" }).execute();
        await sql`insert into trademarks (name_zh, reg_no, legal_status, registration_date, status)
                  select 'sweep ' || d::date, to_char(d, 'YYYYMMDD'), 'registered', d::date, 'published'
                  from generate_series(date '2015-01-01', date '2017-12-31', interval '1 day') d`.execute(trx);
        const dates = (await trx.selectFrom("trademarks").select("registration_date").where("status", "=", "published").execute()).map(
          (r) => r.registration_date!,
        );
        expect(dates).toHaveLength(1096);
        for (const today of todays) {
          const js = dates.map((d) => ({ d, v: trademarkValidity(d, "registered", today) }));
          const jsValid = js.filter(({ v }) => v.state !== "expired").length;
          expect({ today, valid: (await trademarkSummary(trx, today)).valid }).toEqual({ today, valid: jsValid });
          const due = (await trademarksDueForRenewal(trx, today)).trademarks;
          const jsDue = js
            .filter(({ v }) => v.state === "renewal_window" || v.state === "grace_period")
            .map(({ d, v }) => (v.state === "not_registered" ? [] : [d.replaceAll("-", ""), v.expiresOn, v.renewalOpensOn, v.graceEndsOn, v.state]));
          const sqlDue = due.filter((r) => r.state !== "expiring").map((r) => [r.reg_no, r.expires_on, r.renewal_opens_on, r.grace_ends_on, r.state]);
          expect(sqlDue).toEqual(jsDue);
          // the extra "expiring" rows are valid in JS terms with the renewal window not yet open
          for (const r of due.filter((x) => x.state === "expiring")) {
            const registered = dates.find((d) => d.replaceAll("-", "") === r.reg_no)!;
            expect(trademarkValidity(registered, "registered", today).state).toBe("valid");
          }
        }
        throw new Rollback();
      })
      .catch((e) => {
        if (!(e instanceof Rollback)) throw e;
      });
  });
});

describe("GI figures", () => {
  it("counts published GI products per scheme, and those without one", async () => {
    expect(await giProductsByScheme(db)).toEqual({
      total: 4, // G1 G2 G3 G6
      schemes: [
        { scheme: "protected_product", name_zh: "地理标志保护产品", name_en: "GI protected product", count: 1 },
        { scheme: "certification_mark", name_zh: "地理标志证明商标", name_en: "GI certification trademark", count: 1 },
        { scheme: "collective_mark", name_zh: "地理标志集体商标", name_en: "GI collective trademark", count: 0 },
        { scheme: "agricultural", name_zh: "农产品地理标志", name_en: "Agricultural product GI (AGI)", count: 2 },
        { scheme: null, name_zh: null, name_en: null, count: 1 },
      ],
    });
  });

  it("counts authorised users verified and valid today, each organisation once in the total", async () => {
    expect(await authorisedGiUsers(db, TODAY)).toEqual({
      total: 3,
      byGi: [
        { gi_id: gi.G2, name_zh: "统计地标G2", name_en: null, users: 2 },
        { gi_id: gi.G1, name_zh: "统计地标G1", name_en: null, users: 1 },
        { gi_id: gi.G6, name_zh: "统计地标G6", name_en: null, users: 1 },
      ],
    });
    // a day later G6's authorisation has ended and G2's O2 is still valid
    expect((await authorisedGiUsers(db, "2026-06-16")).byGi.map((g) => [g.gi_id, g.users])).toEqual([
      [gi.G2, 2],
      [gi.G1, 1],
    ]);
  });
});

describe("product figures", () => {
  it("counts the products buyers see by county and category, with totals from GROUPING SETS", async () => {
    const ledu = { county_zh: "乐都区", county_en: "Ledu District" };
    const huzhu = { county_zh: "互助土族自治县", county_en: "Huzhu Tu Autonomous County" };
    const none = { county_zh: null, county_en: null };
    expect(await productsByCountyAndCategory(db)).toEqual({
      total: 7,
      cells: [
        { ...ledu, category: "粮油", count: 2 },
        { ...ledu, category: "肉类", count: 1 },
        { ...huzhu, category: null, count: 2 },
        { ...huzhu, category: "粮油", count: 1 },
        { ...none, category: "肉类", count: 1 },
      ],
      byCounty: [
        { ...ledu, count: 3 },
        { ...huzhu, count: 3 },
        { ...none, count: 1 },
      ],
      byCategory: [
        { category: "粮油", count: 3 },
        { category: "肉类", count: 2 },
        { category: null, count: 2 },
      ],
    });
  });
});

describe("event outcomes", () => {
  it("answers no rows while there is no deals table", async () => {
    const rows = await db.transaction().execute(async (trx) => {
      await sql`create schema stats_nothing`.execute(trx);
      await sql`set local search_path to stats_nothing`.execute(trx);
      return eventOutcomes(trx);
    });
    expect(rows).toEqual([]);
  });

  it("sums intents and signed amounts per event, leaving out sample events and sample organisations", async () => {
    // a stand-in deals/events pair shadows the real tables through search_path, so the fixture does not depend on
    // columns this feature does not read
    const rows = await db.transaction().execute(async (trx) => {
      await sql`create schema stats_fixture`.execute(trx);
      await sql`set local search_path to stats_fixture, public`.execute(trx);
      await sql`create table stats_fixture.events (id bigint primary key, name_zh text not null, name_en text, is_sample boolean not null default false)`.execute(
        trx,
      );
      await sql`create table stats_fixture.deals (id serial primary key, kind text not null, amount_cny numeric(14,2) not null, event_id bigint, organization_id bigint not null)`.execute(
        trx,
      );
      await sql`insert into stats_fixture.events values (1, '2026 青洽会海东专场', 'Qinghai fair, Haidong session', false), (2, '示例对接会', null, true)`.execute(
        trx,
      );
      await sql`insert into stats_fixture.deals (kind, amount_cny, event_id, organization_id) values
        ('intent', 100000, 1, ${org.O1}), ('intent', 50000.50, 1, ${org.O2}), ('signed', 80000, 1, ${org.O1}),
        ('signed', 99999, 1, ${org.OS}),
        ('signed', 1000, 2, ${org.O1}),
        ('intent', 0, 3, ${org.O2}),
        ('signed', 5000, null, ${org.O1})`.execute(trx);
      return eventOutcomes(trx);
    });
    expect(rows).toEqual([
      {
        event_id: 1,
        event_name_zh: "2026 青洽会海东专场",
        event_name_en: "Qinghai fair, Haidong session",
        intents: 2,
        intent_amount_cny: 150000.5,
        signed: 1,
        signed_amount_cny: 80000,
      },
      { event_id: 3, event_name_zh: null, event_name_en: null, intents: 1, intent_amount_cny: 0, signed: 0, signed_amount_cny: 0 },
    ]);
  });
});

describe("reference figures", () => {
  it("reads the plan's target and the low-confidence registered-trademark figure with their dates, in both languages", async () => {
    const ref = await referenceFigures(db);
    expect(ref.trademarkTarget).toMatchObject({ value: 12000, asOf: { zh: "2025 年目标,2022-10-14 印发" }, confidence: "high" });
    expect(ref.registeredTrademarks).toMatchObject({ value: 1452, confidence: "low" });
    expect(ref.registeredTrademarks?.asOf.zh).toMatch(/2020-10-23/);
    expect(ref.registeredTrademarks?.reason?.zh).toMatch(/时间不明/);
    expect(ref.wellKnown2022?.value).toBe(9);
  });

  it("tells the two 中国驰名商标 reports apart and reads a sub-figure of an object value (用标企业 110)", async () => {
    const ref = await referenceFigures(db);
    expect([ref.wellKnown2022?.value, ref.wellKnown2020?.value]).toEqual([9, 8]);
    expect(ref.wellKnown2022?.label.zh).not.toBe(ref.wellKnown2020?.label.zh);
    expect(ref.qinghaiGiUsers2024).toMatchObject({ value: 110, confidence: "high" });
  });

  it("never lets a translation or AI-summary site support a figure", async () => {
    const ref = await referenceFigures(db);
    expect(ref.giProducts?.sources.map((s) => [s.kind, s.supports])).toEqual([["translation_ai", false]]);
    expect(ref.giProducts?.confidence).toBe("low");
  });
});
