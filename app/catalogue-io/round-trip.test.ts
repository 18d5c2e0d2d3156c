import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import { exportKind } from "./export";
import type { ImportKind } from "./kind";
import { kindIo, KINDS_IN_LOAD_ORDER } from "./kinds";
import { readTable } from "./tabular";
import { csv, fixture, importBytes } from "./test-helpers";

// Export → import into an empty (reference-seeded) database gives the same records, for every kind: the second
// database's export must equal the first's, byte for byte.

let source: TestDatabase;
let target: TestDatabase;
const exported = new Map<ImportKind, string>();

beforeAll(async () => {
  source = await createTestDatabase();
  target = await createTestDatabase();
  for (const kind of KINDS_IN_LOAD_ORDER) {
    const summary = await importBytes(source.db, kind, fixture(`${kind}.csv`));
    expect(summary.problems).toEqual([]);
  }
  // values that need CSV quoting, or that a spreadsheet would take for a formula
  const tricky = await importBytes(
    source.db,
    "organizations",
    csv([
      "credit_code,name_zh,name_en,address,description_zh,contacts",
      `91630203MA7C2D3E4L,"海东""河湟""食品, 有限公司","=HYPERLINK(""http://x"")","  乐都区 ,碾伯镇","第一行\n第二行, 含逗号",person:-王经理`,
    ]),
  );
  expect(tricky.problems).toEqual([]);
  for (const kind of KINDS_IN_LOAD_ORDER) exported.set(kind, (await exportKind(source.db, kindIo(kind), "csv")).text);
});
afterAll(async () => {
  await source.drop();
  await target.drop();
});

describe("export → import round trip", () => {
  it("exports CSV with a BOM, the import columns and Chinese labels", async () => {
    const text = exported.get("trademarks")!;
    expect(text.startsWith("\uFEFFreg_no,name_zh,name_en,mark_type,nice_classes,goods,holder_name,holder_credit_code,county,")).toBe(true);
    expect(text).toContain(
      "\r\n30123456,青稞源,Qingkeyuan,普通商标,30;33,青稞粉；青稞酒,互助县高原青稞种植专业合作社,93630223MA7L8Q2K16,互助土族自治县,2018-03-01,2019-05-14,已注册,否\r\n",
    );
    const orgs = await readTable(Buffer.from(exported.get("organizations")!, "utf-8"));
    const row = orgs.rows.find((r) => r.cells[0] === "91630203MA7C2D3E4L")!;
    const cell = (name: string) => row.cells[orgs.header.indexOf(name)];
    expect([cell("name_zh"), cell("name_en"), cell("address"), cell("description_zh"), cell("contacts")]).toEqual([
      '海东"河湟"食品, 有限公司',
      '=HYPERLINK("http://x")',
      "乐都区 ,碾伯镇",
      "第一行\n第二行, 含逗号",
      "person:-王经理",
    ]);
    // a spreadsheet would run =… as a formula: the export writes it as text
    expect(exported.get("organizations")).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it.each(KINDS_IN_LOAD_ORDER)("%s", async (kind) => {
    // kinds load in order, so each one finds the records it refers to
    const summary = await importBytes(target.db, kind, Buffer.from(exported.get(kind)!, "utf-8"));
    expect(summary.problems).toEqual([]);
    expect(summary.counts!.inserted + summary.counts!.updated + summary.counts!.unchanged).toBeGreaterThan(0);
    expect((await exportKind(target.db, kindIo(kind), "csv")).text).toBe(exported.get(kind));
    expect((await exportKind(target.db, kindIo(kind), "json")).text).toBe((await exportKind(source.db, kindIo(kind), "json")).text);
  });

  it("JSON keeps codes, numbers, booleans and lists typed", async () => {
    const trademarks = JSON.parse((await exportKind(source.db, kindIo("trademarks"), "json")).text) as Record<string, unknown>[];
    expect(trademarks.find((t) => t.reg_no === "30123456")).toEqual({
      reg_no: "30123456",
      name_zh: "青稞源",
      name_en: "Qingkeyuan",
      mark_type: "ordinary",
      nice_classes: [30, 33],
      goods: "青稞粉；青稞酒",
      holder_name: "互助县高原青稞种植专业合作社",
      holder_credit_code: "93630223MA7L8Q2K16",
      county: "互助土族自治县",
      application_date: "2018-03-01",
      registration_date: "2019-05-14",
      status: "registered",
      well_known: false,
    });
    const products = JSON.parse((await exportKind(source.db, kindIo("products"), "json")).text) as Record<string, unknown>[];
    expect(products.find((p) => p.name_zh === "紫皮大蒜")).toMatchObject({
      availability_months: [7, 8, 9],
      annual_volume: 3500.5,
      storage: "chilled",
      certifications: ["selenium_rich:SE-2024-009:"],
    });
  });
});
