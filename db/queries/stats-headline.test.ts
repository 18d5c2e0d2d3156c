import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import { trademarkSummary } from "./stats";

// The /stats headline on the reference-seeded database as it ships (issue 21): the seeded marks have neither a
// registration number nor a date and come from medium-confidence sources, so the catalogue records them but has
// verified none as registered — the headline says so instead of "0 % of the target".

const TODAY = "2026-12-06";
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

class Rollback extends Error {}

describe("the trademark headline: recorded, verified as registered, missing", () => {
  it("on the seeded reference data: 6 recorded, none verified, each lacking number, date and verification", async () => {
    expect(await trademarkSummary(t.db, TODAY)).toMatchObject({
      total: 6,
      verified_registered: 0,
      verified_valid: 0,
      missing_reg_no: 6,
      missing_registration_date: 6,
      unverified: 6,
    });
  });

  it("counts a mark as verified registered only with number, date and a high-confidence source or a staff check", async () => {
    const base = await trademarkSummary(t.db, TODAY);
    await t.db
      .transaction()
      .execute(async (trx) => {
        const mark = (name: string, values: Record<string, unknown>) =>
          trx
            .insertInto("trademarks")
            .values({ name_zh: name, status: "published", legal_status: "registered", registration_date: "2020-01-10", ...values })
            .execute();
        await mark("核实测试一", { reg_no: "HV0001", confidence: "medium" }); // from a report, never checked
        await mark("核实测试二", { reg_no: "HV0002", confidence: "low", last_verified_at: sql`now()` }); // checked by staff
        await mark("核实测试三", { reg_no: null, confidence: "high" }); // no registration number
        await mark("核实测试四", { reg_no: "HV0004", registration_date: null, confidence: "medium" }); // no date
        await mark("核实测试五", { reg_no: "HV0005", legal_status: "applied", registration_date: null }); // only applied for
        expect(await trademarkSummary(trx, TODAY)).toMatchObject({
          total: base.total + 5,
          verified_registered: base.verified_registered + 1,
          verified_valid: base.verified_valid + 1,
          missing_reg_no: base.missing_reg_no + 1,
          missing_registration_date: base.missing_registration_date + 2,
          unverified: base.unverified + 2,
        });
        throw new Rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof Rollback)) throw e;
      });
  });
});
