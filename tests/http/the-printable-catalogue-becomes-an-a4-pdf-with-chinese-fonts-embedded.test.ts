import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { seedSampleFair } from "../support/events";

let t: TestDatabase;
let app: TestApp;
let fair: Awaited<ReturnType<typeof seedSampleFair>>;
const out = fs.mkdtempSync(path.join(os.tmpdir(), "haidong-pdf-"));

beforeAll(async () => {
  t = await createTestDatabase();
  fair = await seedSampleFair(t.db);
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: `pdf${process.pid}_`, env: { DATA_DIR: fair.dataDir } });
});
afterAll(async () => {
  await app?.stop();
  fair?.cleanup();
  fs.rmSync(out, { recursive: true, force: true });
  await t?.drop();
});

function pageCount(pdf: Buffer) {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

function expectCataloguePdf(pdf: Buffer) {
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pageCount(pdf)).toBeGreaterThan(1);
  const text = pdf.toString("latin1");
  // the CJK face is embedded as a subset: Chromium (Skia) writes CFF-based Noto CJK glyphs as Type 3 procedures
  // (/CharProcs) and TrueType ones as /FontFile2; either way the glyphs travel with the file
  expect(text).toMatch(/\/FontFile[23]?|\/CharProcs/);
  expect(text).toMatch(/\/FontName\s*\/[A-Z]{6}\+Noto(Sans|Serif)CJK/);
  // A4 is 595 x 842 points (Chromium writes 594.96 x 841.92)
  expect(text).toMatch(/\/MediaBox\s*\[\s*0 0 59[45](\.\d+)? 84[12](\.\d+)?\s*\]/);
}

describe("printable catalogue", () => {
  it("prints a bilingual page with a cover, indexes by county and category and a QR code per entry", async () => {
    const html = await (await fetch(`${app.url}/events/${fair.eventId}/print`)).text();
    expect(html).toContain("print-cover");
    expect(html).toContain("按区县");
    expect(html).toContain("By category");
    expect(html).toContain("示例循化大红袍花椒");
    expect((html.match(/class="print-entry"/g) ?? []).length).toBeGreaterThan(3);
    expect((html.match(/<svg /g) ?? []).length).toBeGreaterThan(3);
    expect(html).toContain(`/events/${fair.eventId}/print.pdf`);
    // this test app has no PUBLIC_ORIGIN: its codes point at loopback, and the page says not to print them
    expect(html).toContain("请勿打印:本目录中的链接和二维码指向 http://127.0.0.1:");
  });

  it("npm run catalogue:pdf writes a multi-page A4 PDF with the Chinese fonts embedded", () => {
    const file = path.join(out, "catalogue.pdf");
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/catalogue-pdf.ts", String(fair.eventId), "--out", file, "--url", app.url], {
      cwd: path.resolve(import.meta.dirname, "..", ".."),
      env: { ...process.env, DATABASE_URL: t.url, MEILI_URL: inject("meiliUrl"), MEILI_MASTER_KEY: inject("meiliKey"), DATA_DIR: fair.dataDir },
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(run.status, run.stderr + run.stdout).toBe(0);
    expectCataloguePdf(fs.readFileSync(file));
  }, 150_000);

  it("the download button serves the same PDF", async () => {
    const res = await fetch(`${app.url}/events/${fair.eventId}/print.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expectCataloguePdf(Buffer.from(await res.arrayBuffer()));
  }, 120_000);

  it("refuses to print without --url when PUBLIC_ORIGIN is not set, saying how to set it (its codes would point at a temporary port)", () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: t.url,
      MEILI_URL: inject("meiliUrl"),
      MEILI_MASTER_KEY: inject("meiliKey"),
      DATA_DIR: fair.dataDir,
    };
    delete env.PUBLIC_ORIGIN;
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/catalogue-pdf.ts", String(fair.eventId), "--out", path.join(out, "no-origin.pdf")], {
      cwd: path.resolve(import.meta.dirname, "..", ".."),
      env,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Set PUBLIC_ORIGIN");
    expect(fs.existsSync(path.join(out, "no-origin.pdf"))).toBe(false);
  }, 90_000);

  it("refuses an unknown event", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/catalogue-pdf.ts", "999999", "--out", path.join(out, "x.pdf"), "--url", app.url], {
      cwd: path.resolve(import.meta.dirname, "..", ".."),
      env: { ...process.env, DATABASE_URL: t.url, MEILI_URL: inject("meiliUrl"), MEILI_MASTER_KEY: inject("meiliKey"), DATA_DIR: fair.dataDir },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(fs.existsSync(path.join(out, "x.pdf"))).toBe(false);
  }, 90_000);
});
