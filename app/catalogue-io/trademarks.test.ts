import { sql } from "kysely";
import writeXlsxFile from "write-excel-file/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import { withCheckCharacter } from "../domain/credit-code";
import { summaryLines } from "./summary";
import { readTable } from "./tabular";
import { csv, fixture, importBytes, linesOf } from "./test-helpers";

const HEADER = "reg_no,name_zh,name_en,mark_type,nice_classes,goods,holder_name,holder_credit_code,county,application_date,registration_date,status,well_known";
const COLUMNS = HEADER.split(",");

/** A valid row; override columns by name. */
function row(overrides: Record<string, string> = {}): string {
  const base: Record<string, string> = {
    reg_no: "70000001",
    name_zh: "测试商标",
    mark_type: "普通商标",
    nice_classes: "30",
    holder_name: "测试公司",
    county: "乐都",
    application_date: "2020-01-01",
    registration_date: "2021-01-01",
    status: "已注册",
    well_known: "否",
  };
  const cells = { ...base, ...overrides };
  return COLUMNS.map((c) => {
    const v = cells[c] ?? "";
    return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  }).join(",");
}

let t: TestDatabase;

async function trademarkCount() {
  const r = await t.db
    .selectFrom("trademarks")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("reg_no", "is not", null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
async function outboxCount(type = "trademark") {
  const r = await t.db
    .selectFrom("search_outbox")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("entity_type", "=", type as never)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
/** What the catalogue holds for the imported trademarks, in a comparable shape. */
async function snapshot() {
  return sql<Record<string, unknown>>`
    select t.reg_no, t.name_zh, t.name_en, t.mark_type, t.goods, t.holder_name, t.holder_org_id, c.name_zh as county,
           t.application_date, t.registration_date, t.legal_status, t.well_known, t.status, t.is_sample,
           (select array_agg(class_no order by class_no) from trademark_classes k where k.trademark_id = t.id) as classes
    from trademarks t left join places c on c.id = t.county_id where t.reg_no is not null order by t.reg_no`
    .execute(t.db)
    .then((r) => r.rows);
}

describe("import trademarks (a fresh database for each test)", () => {
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(async () => {
    await t.drop();
  });

  it("loads the example file as published records and announces them to search", async () => {
    const before = await outboxCount();
    const summary = await importBytes(t.db, "trademarks", fixture("trademarks.csv"));
    expect(linesOf(summary)).toEqual(["trademarks: 6 data rows, 0 with errors", "6 inserted, 0 updated, 0 unchanged"]);
    const rows = await snapshot();
    expect(rows).toHaveLength(6);
    expect(rows.find((r) => r.reg_no === "30123456")).toMatchObject({
      name_zh: "青稞源",
      mark_type: "ordinary",
      goods: "青稞粉；青稞酒",
      county: "互助土族自治县",
      application_date: "2018-03-01",
      registration_date: "2019-05-14",
      legal_status: "registered",
      well_known: false,
      status: "published",
      is_sample: false,
      classes: [30, 33],
    });
    expect(rows.find((r) => r.reg_no === "15555555")).toMatchObject({ mark_type: "collective", well_known: true, county: "化隆回族自治县" });
    // the holder named exactly like a reference organisation is linked to it
    expect(rows.find((r) => r.reg_no === "9876543")!.holder_org_id).not.toBeNull();
    // a valid credit code of no known organisation creates none: the holder's name is kept
    expect(rows.find((r) => r.reg_no === "19876543")).toMatchObject({ holder_name: "循化撒拉族自治县餐饮协会", holder_org_id: null });
    expect((await outboxCount()) - before).toBe(6);
  });

  it("reads the same records from GB18030, UTF-8 with BOM and XLSX copies", async () => {
    await importBytes(t.db, "trademarks", fixture("trademarks.csv"));
    const expected = await snapshot();

    const gb = fixture("trademarks-gb18030.csv");
    expect(gb.includes(Buffer.from("青稞源", "utf-8"))).toBe(false);
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fixture("trademarks.csv")]);
    const table = await readTable(fixture("trademarks.csv"));
    // numbers and dates typed as such in the sheet, as a spreadsheet user would leave them
    const sheet = [
      table.header.map((h) => ({ value: h })),
      ...table.rows.map((r) =>
        r.cells.map((c, i) =>
          table.header[i] === "reg_no"
            ? { type: Number, value: Number(c) }
            : /date$/.test(table.header[i]!) && c
              ? { type: Date, value: new Date(`${c}T00:00:00Z`), format: "yyyy-mm-dd" }
              : { value: c },
        ),
      ),
    ];
    const xlsx = await writeXlsxFile(sheet as never).toBuffer();

    for (const [name, bytes] of [
      ["gb18030", gb],
      ["bom", withBom],
      ["xlsx", xlsx],
    ] as const) {
      const other = await createTestDatabase();
      try {
        const summary = await importBytes(other.db, "trademarks", bytes);
        expect(summary.format, name).toBe(name === "xlsx" ? "xlsx" : "csv");
        expect(summary.encoding, name).toBe(name === "gb18030" ? "gb18030" : name === "bom" ? "utf-8" : null);
        expect(summary.counts, name).toEqual({ inserted: 6, updated: 0, unchanged: 0 });
        const got = await sql<Record<string, unknown>>`select reg_no, name_zh, goods, holder_name, application_date, registration_date,
            (select array_agg(class_no order by class_no) from trademark_classes k where k.trademark_id = t.id) as classes
          from trademarks t where reg_no is not null order by reg_no`.execute(other.db);
        expect(got.rows, name).toEqual(
          expected.map(({ reg_no, name_zh, goods, holder_name, application_date, registration_date, classes }) => ({
            reg_no,
            name_zh,
            goods,
            holder_name,
            application_date,
            registration_date,
            classes,
          })),
        );
      } finally {
        await other.drop();
      }
    }
  });

  it("re-importing the same file changes nothing", async () => {
    await importBytes(t.db, "trademarks", fixture("trademarks.csv"));
    const before = { rows: await snapshot(), outbox: await outboxCount() };
    const summary = await importBytes(t.db, "trademarks", fixture("trademarks.csv"));
    expect(summary.counts).toEqual({ inserted: 0, updated: 0, unchanged: 6 });
    expect(await snapshot()).toEqual(before.rows);
    expect(await outboxCount()).toBe(before.outbox);
  });

  it("updates what changed and only announces those records", async () => {
    await importBytes(t.db, "trademarks", fixture("trademarks.csv"));
    const before = await outboxCount();
    const changed = fixture("trademarks.csv").toString("utf-8").replace("30;33,青稞粉；青稞酒", "30,青稞粉").replace(",已失效,否", ",已失效,是");
    const summary = await importBytes(t.db, "trademarks", Buffer.from(changed));
    expect(summary.counts).toEqual({ inserted: 0, updated: 2, unchanged: 4 });
    const rows = await snapshot();
    expect(rows.find((r) => r.reg_no === "30123456")).toMatchObject({ classes: [30], goods: "青稞粉" });
    expect(rows.find((r) => r.reg_no === "9876543")).toMatchObject({ well_known: true });
    expect((await outboxCount()) - before).toBe(2);
  });

  it("leaves the columns a file does not have as they are", async () => {
    await importBytes(t.db, "trademarks", fixture("trademarks.csv"));
    const summary = await importBytes(t.db, "trademarks", csv(["reg_no,name_zh,name_en", "30123456,青稞源,Qingkeyuan Brand"]));
    expect(summary.counts).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    expect((await snapshot()).find((r) => r.reg_no === "30123456")).toMatchObject({ name_en: "Qingkeyuan Brand", classes: [30, 33], county: "互助土族自治县" });
  });

  it("with --skip-invalid loads the valid rows", async () => {
    const summary = await importBytes(t.db, "trademarks", csv([HEADER, row({ reg_no: "1" }), row({ reg_no: "2", county: "西宁" }), row({ reg_no: "3" })]), {
      skipInvalid: true,
    });
    expect(linesOf(summary)).toEqual([
      "f.csv row 3, column county: is not a Haidong district or county: 西宁",
      "trademarks: 3 data rows, 1 with errors",
      "2 inserted, 0 updated, 0 unchanged",
      "skipped 1 row with errors",
    ]);
    expect(summary.written).toBe(true);
    expect(await trademarkCount()).toBe(2);
  });

  it("a dry run validates and counts but writes nothing", async () => {
    const before = await outboxCount();
    const summary = await importBytes(t.db, "trademarks", fixture("trademarks.csv"), { dryRun: true });
    expect(linesOf(summary)).toEqual(["trademarks: 6 data rows, 0 with errors", "6 inserted, 0 updated, 0 unchanged", "dry run: nothing was written"]);
    expect(summary.written).toBe(false);
    expect(await trademarkCount()).toBe(0);
    expect(await outboxCount()).toBe(before);
  });

  it("loads 12,000 rows in one go, and again as a no-op", async () => {
    const holders = Array.from({ length: 20 }, (_, i) => withCheckCharacter(`9163022${String(i).padStart(2, "0")}MA7L8Q2K`.slice(0, 17)));
    const counties = ["乐都", "平安区", "民和", "互助土族自治县", "化隆", "循化"];
    const lines = [HEADER];
    for (let i = 0; i < 12_000; i++) {
      lines.push(
        row({
          reg_no: String(60_000_000 + i),
          name_zh: `批量商标${i}`,
          nice_classes: `${(i % 45) + 1};${((i + 7) % 45) + 1}`,
          holder_name: `持有人${i % 20}`,
          holder_credit_code: holders[i % 20]!,
          county: counties[i % counties.length]!,
        }),
      );
    }
    const file = csv(lines);
    const started = Date.now();
    const phases = new Set<string>();
    const summary = await importBytes(t.db, "trademarks", file, { onProgress: (p) => phases.add(p.phase) });
    expect(summary.counts).toEqual({ inserted: 12_000, updated: 0, unchanged: 0 });
    expect(phases).toEqual(new Set(["validate", "write"]));
    expect(await trademarkCount()).toBe(12_000);
    const classes = await t.db
      .selectFrom("trademark_classes")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(classes.n)).toBeGreaterThanOrEqual(12_000 * 2);
    expect(await outboxCount()).toBeGreaterThanOrEqual(12_000);
    const again = await importBytes(t.db, "trademarks", file);
    expect(again.counts).toEqual({ inserted: 0, updated: 0, unchanged: 12_000 });
    expect(Date.now() - started).toBeLessThan(25_000);
  }, 60_000);
});

describe("rejected files write nothing (one database: nothing here is loaded)", () => {
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t.drop();
  });

  const bad: [string, Record<string, string>, string, string][] = [
    [
      "a wrong credit-code check character",
      { holder_credit_code: "93630223MA7L8Q2K17" },
      "holder_credit_code",
      "the unified social credit code's check character (the last one) is wrong",
    ],
    ["a Nice class outside 1–45", { nice_classes: "30;46" }, "nice_classes", "a Nice class is a whole number from 1 to 45"],
    [
      "a registration before the application",
      { registration_date: "2019-12-31" },
      "registration_date",
      "the registration date cannot be before the application date",
    ],
    ["an unknown county", { county: "西宁" }, "county", "is not a Haidong district or county: 西宁"],
    ["a malformed date", { application_date: "2020/01/01" }, "application_date", "must be a date written YYYY-MM-DD (e.g. 2024-05-01)"],
    ["an impossible date", { registration_date: "2021-02-30" }, "registration_date", "must be a date written YYYY-MM-DD (e.g. 2024-05-01)"],
    ["a name over 200 characters", { name_zh: "青".repeat(201) }, "name_zh", "must be at most 200 characters"],
    ["a registration number over 20 characters", { reg_no: "1".repeat(21) }, "reg_no", "must be at most 20 characters"],
    ["a control character", { name_en: "Qing\u0007ke" }, "name_en", "contains control characters that are not allowed"],
    ["a line break in a one-line column", { holder_name: "测试\n公司" }, "holder_name", "contains control characters that are not allowed"],
    ["an unknown mark type", { mark_type: "驰名商标" }, "mark_type", "must be one of: 普通商标 / 集体商标 / 证明商标 / ordinary / collective / certification"],
    ["an unknown status", { status: "active" }, "status", "must be one of: 已注册 / 申请中 / 已失效 / 已撤销 / registered / applied / expired / revoked"],
    ["an unknown yes/no", { well_known: "maybe" }, "well_known", "must be one of: 0 / 1 / true / false / 是 / 否 / yes / no"],
    ["a missing name", { name_zh: "" }, "name_zh", "is required"],
    [
      "an unknown holder code without a name",
      { holder_name: "", holder_credit_code: withCheckCharacter("93630224MA7LXW8H9") },
      "holder_credit_code",
      `no matching record: ${withCheckCharacter("93630224MA7LXW8H9")}`,
    ],
  ];

  it.each(bad)("reports %s with row and column, and loads nothing", async (_name, overrides, column, message) => {
    const summary = await importBytes(t.db, "trademarks", csv([HEADER, row({ reg_no: "70000001" }), row({ reg_no: "70000002", ...overrides })]));
    expect(linesOf(summary)).toEqual([
      `f.csv row 3, column ${column}: ${message}`,
      "trademarks: 2 data rows, 1 with errors",
      "nothing was written because of the errors",
      "add --skip-invalid to load only the rows without errors",
    ]);
    expect(summary.written).toBe(false);
    expect(await trademarkCount()).toBe(0);
  });

  it("reports in Chinese by default", async () => {
    const summary = await importBytes(t.db, "trademarks", csv([HEADER, row({ county: "西宁" })]));
    expect(summaryLines(summary, "商标.csv", "zh-CN")[0]).toBe("商标.csv 第 2 行,county 列:不是海东市的区县:西宁");
  });

  it("reports every problem of every row", async () => {
    const summary = await importBytes(
      t.db,
      "trademarks",
      csv([HEADER, row({ reg_no: "1", county: "西宁", nice_classes: "0" }), row({ reg_no: "2" }), row({ reg_no: "3", status: "x" })]),
    );
    expect(summary.problems.map((p) => [p.row, p.column])).toEqual([
      [2, "nice_classes"],
      [2, "county"],
      [4, "status"],
    ]);
    expect(summary.invalidRows).toEqual([2, 4]);
  });

  it("refuses a file whose header lacks a required column, loading nothing", async () => {
    const header = HEADER.replace("reg_no,", "");
    const summary = await importBytes(t.db, "trademarks", csv([header, row().split(",").slice(1).join(",")]), { skipInvalid: true });
    expect(linesOf(summary)[0]).toBe("f.csv header: required columns are missing: reg_no");
    expect(summary.counts).toBeNull();
    expect(await trademarkCount()).toBe(0);
  });

  it("names unknown and repeated columns", async () => {
    const summary = await importBytes(t.db, "trademarks", csv(["reg_no,name_zh,regno,name_zh", "1,甲,2,乙"]));
    expect(linesOf(summary).slice(0, 2)).toEqual([
      `f.csv header: unknown columns: regno (the columns are: ${COLUMNS.join(", ")})`,
      "f.csv header: columns appear more than once: name_zh",
    ]);
  });

  it("says which earlier row a repeated registration number duplicates", async () => {
    const summary = await importBytes(t.db, "trademarks", csv([HEADER, row({ reg_no: "1" }), row({ reg_no: "2" }), row({ reg_no: "1", name_zh: "另一个" })]));
    expect(linesOf(summary)[0]).toBe("f.csv row 4, column reg_no: duplicates row 2 (1)");
    expect(await trademarkCount()).toBe(0);
  });

  it("flags a row with more cells than the header", async () => {
    const summary = await importBytes(t.db, "trademarks", csv([HEADER, `${row()},extra`]));
    expect(linesOf(summary)[0]).toBe("f.csv row 2: has more cells than the header (a comma without quotes?)");
  });
});
