import { describe, expect, it } from "vitest";
import { readTable } from "../catalogue-io/tabular";
import { withCheckCharacter } from "../domain/credit-code";
import { parseExhibitorTable, planImport, type KnownExhibitor, type KnownOrganization } from "./exhibitor-import";
import { decodeRows, encodeRows } from "./exhibitor-import.server";

const csv = (text: string) => readTable(new TextEncoder().encode(text));
const CODE_A = withCheckCharacter("93630202MA7L8Q2K0");
const CODE_NEW = withCheckCharacter("91630223MA7L8Q2K1");

const orgs: KnownOrganization[] = [
  { id: 1, name_zh: "乐都樱桃合作社", credit_code: CODE_A, status: "published", credit_status: "normal" },
  { id: 2, name_zh: "互助青稞酒厂", credit_code: null, status: "published", credit_status: "normal" },
  { id: 3, name_zh: "失信公司", credit_code: null, status: "published", credit_status: "serious" },
  { id: 4, name_zh: "老展商", credit_code: null, status: "published", credit_status: "normal" },
  { id: 5, name_zh: "占位公司", credit_code: null, status: "published", credit_status: "normal" },
];
const exhibitors: KnownExhibitor[] = [
  { organization_id: 4, hall: "A", booth: "A09", withdrawn: true, name_zh: "老展商" },
  { organization_id: 5, hall: "B", booth: "B01", withdrawn: false, name_zh: "占位公司" },
  { organization_id: 2, hall: "A", booth: "A02", withdrawn: false, name_zh: "互助青稞酒厂" },
];

describe("exhibitor import file", () => {
  it("reads Chinese headers, names each bad cell by row and the file's own column name", async () => {
    const parsed = parseExhibitorTable(await csv(`展馆,展位,统一社会信用代码,单位名称\nA,A01,${CODE_A},\nA,,,没有展位\nA,A03,123,\nB,B05,,\n`));
    expect(parsed.rows).toEqual([{ row: 2, hall: "A", booth: "A01", creditCode: CODE_A, name: null }]);
    expect(parsed.problems.map((p) => [p.row, p.column, p.message.split("|")[0]])).toEqual([
      [3, "展位", "validation.required"],
      [4, "统一社会信用代码", "validation.creditCode.length"],
      [5, "统一社会信用代码", "exhibitorImport.needCodeOrName"],
    ]);
  });

  it("refuses a header without a booth, unknown columns and files over the row limit", async () => {
    expect(parseExhibitorTable(await csv("hall,name\nA,x\n")).problems[0]!.message).toMatch(/^import.missingColumns/);
    expect(parseExhibitorTable(await csv("hall,booth,name,colour\nA,1,x,red\n")).problems[0]!.message).toMatch(/^import.unknownColumns/);
    const big = `booth,name\n${Array.from({ length: 2001 }, (_, i) => `${i},x${i}`).join("\n")}\n`;
    expect(parseExhibitorTable(await csv(big)).problems[0]!.message).toMatch(/^exhibitorImport.tooManyRows/);
  });
});

describe("exhibitor import plan", () => {
  const row = (n: number, booth: string, more: { hall?: string; creditCode?: string; name?: string }) => ({
    row: n,
    booth,
    hall: more.hall ?? "A",
    creditCode: more.creditCode ?? null,
    name: more.name ?? null,
  });

  it("adds, restores, moves, leaves alone and creates drafts for companies the catalogue lacks", () => {
    const plan = planImport(
      [
        row(2, "A01", { creditCode: CODE_A }),
        row(3, "A09", { name: "老展商" }),
        row(4, "A05", { name: "互助青稞酒厂" }),
        row(5, "A06", { name: "新合作社", creditCode: CODE_NEW }),
        row(6, "A07", { name: "只有名称的新单位" }),
      ],
      orgs,
      exhibitors,
    );
    expect(plan.problems).toEqual([]);
    expect(plan.items.map((i) => [i.row, i.action, i.organizationId])).toEqual([
      [2, "add", 1],
      [3, "restore", 4],
      [4, "move", 2],
      [5, "draft", null],
      [6, "draft", null],
    ]);
    expect(planImport([row(2, "a 02", { name: "互助青稞酒厂" })], orgs, exhibitors).items[0]!.action).toBe("unchanged");
  });

  it("refuses duplicate booths in the file and booths another exhibitor keeps", () => {
    const plan = planImport(
      [row(2, "A01", { creditCode: CODE_A }), row(3, "a01", { name: "新单位" }), row(4, "B01", { name: "老展商", hall: "b" })],
      orgs,
      exhibitors,
    );
    expect(plan.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [3, "booth", 'exhibitorImport.sameBooth|{"row":2}'],
      [4, "booth", 'events.boothTaken|{"name":"占位公司"}'],
    ]);
  });

  it("lets a booth go to a new company when its holder moves in the same file", () => {
    const plan = planImport([row(2, "B01", { name: "老展商", hall: "B" }), row(3, "B02", { name: "占位公司", hall: "B" })], orgs, exhibitors);
    expect(plan.problems).toEqual([]);
  });

  it("refuses companies that may not exhibit, an unknown code without a name, a name with another code, and a company twice", () => {
    const plan = planImport(
      [
        row(2, "C1", { name: "失信公司" }),
        row(3, "C2", { creditCode: CODE_NEW }),
        row(4, "C3", { name: "乐都樱桃合作社", creditCode: CODE_NEW }),
        row(5, "C4", { name: "互助青稞酒厂" }),
        row(6, "C5", { name: "互助青稞酒厂" }),
      ],
      orgs,
      exhibitors,
    );
    expect(plan.problems.map((p) => [p.row, p.message.split("|")[0]])).toEqual([
      [2, "exhibitorImport.notEligible"],
      [3, "exhibitorImport.unknownCode"],
      [4, "exhibitorImport.nameHasOtherCode"],
      [6, "exhibitorImport.sameCompany"],
    ]);
  });
});

describe("the rows the confirm form carries", () => {
  it("come back as they went, and anything else is refused", () => {
    const rows = [{ row: 2, hall: null, booth: "A01", creditCode: CODE_A, name: "乐都樱桃合作社 😀".repeat(3) }];
    const pieces = encodeRows(rows);
    expect(pieces.join("")).toMatch(/^[\x20-\x7e]+$/);
    expect(decodeRows(pieces)).toEqual(rows);
    expect(decodeRows(['[[2,"","","","x"]]'])).toBeNull();
    expect(decodeRows(["not json"])).toBeNull();
  });
});
