import writeXlsxFile from "write-excel-file/node";
import { describe, expect, it } from "vitest";
import { decodeText, readTable, toCsv, UnreadableFileError } from "./tabular";
import { fixture } from "./test-helpers";

describe("reading import files", () => {
  it("takes valid UTF-8 as UTF-8, with or without a BOM, and anything else as GB18030", () => {
    expect(decodeText(Buffer.from("乐都,互助"))).toEqual({ text: "乐都,互助", encoding: "utf-8" });
    expect(decodeText(Buffer.from("\uFEFF乐都"))).toEqual({ text: "乐都", encoding: "utf-8" });
    // 互助 in GB18030 (also GBK/GB2312) is not valid UTF-8
    expect(decodeText(Buffer.from([0xbb, 0xa5, 0xd6, 0xfa]))).toEqual({ text: "互助", encoding: "gb18030" });
    const gb = decodeText(fixture("trademarks-gb18030.csv"));
    expect(gb.encoding).toBe("gb18030");
    expect(gb.text.replace(/\r\n/g, "\n")).toBe(fixture("trademarks.csv").toString("utf-8"));
  });

  it("numbers rows as a spreadsheet shows them: blank rows skipped, multi-line cells one row", async () => {
    const table = await readTable(Buffer.from('a,b\r\n1,"x\r\ny"\r\n,\r\n\r\n2,z\r\n'));
    expect(table.header).toEqual(["a", "b"]);
    expect(table.rows).toEqual([
      { row: 2, cells: ["1", "x\r\ny"] },
      { row: 5, cells: ["2", "z"] },
    ]);
  });

  it("gives back cells the export protected from spreadsheet formulas", async () => {
    const table = await readTable(Buffer.from("a,b,c\n'=1+1,'-5,it's\n"));
    expect(table.rows[0]!.cells).toEqual(["=1+1", "-5", "it's"]);
  });

  it("says why a broken CSV cannot be read", async () => {
    await expect(readTable(Buffer.from('a,b\n1,x"y"z"\n"unclosed'))).rejects.toBeInstanceOf(UnreadableFileError);
  });

  it("reads the first sheet of an XLSX file, dates as YYYY-MM-DD and numbers as written", async () => {
    const xlsx = await writeXlsxFile([
      {
        sheet: "商标",
        data: [
          ["reg_no", "registration_date", "well_known"],
          [
            { type: Number, value: 12345678 },
            { type: Date, value: new Date("2019-05-14T00:00:00Z"), format: "yyyy-mm-dd" },
            { type: Boolean, value: true },
          ],
          [null, null, null],
        ],
      },
      { sheet: "other", data: [["ignored"]] },
    ] as never).toBuffer();
    const table = await readTable(xlsx);
    expect(table).toEqual({
      format: "xlsx",
      encoding: null,
      header: ["reg_no", "registration_date", "well_known"],
      rows: [{ row: 2, cells: ["12345678", "2019-05-14", "true"] }],
    });
  });
});

describe("writing CSV", () => {
  it("writes RFC 4180 with a BOM and CRLF, quoting only where needed", () => {
    const text = toCsv(
      ["a", "b", "c", "d", "e"],
      [
        { a: 'say "hi"', b: "x,y", c: "line\nbreak", d: " padded", e: null },
        { a: true, b: [29, 30], c: "=SUM(A1)", d: "+86 972", e: false },
      ],
    );
    expect(text).toBe('\uFEFFa,b,c,d,e\r\n"say ""hi""","x,y","line\nbreak"," padded",\r\n是,29;30,\'=SUM(A1),\'+86 972,否\r\n');
  });

  it("reads back what it writes", async () => {
    const records = [{ a: 'q"uote', b: "逗号,和\r\n换行", c: "-1" }];
    const table = await readTable(Buffer.from(toCsv(["a", "b", "c"], records)));
    expect(table.rows[0]!.cells).toEqual(['q"uote', "逗号,和\r\n换行", "-1"]);
  });
});
