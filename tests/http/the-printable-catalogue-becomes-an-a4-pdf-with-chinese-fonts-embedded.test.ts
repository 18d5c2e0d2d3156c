import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { listExhibitors } from "../../db/queries/event-exhibitors";
import { startTestApp, type TestApp } from "../support/app";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { seedSampleFair } from "../support/events";
import { readPdf, squash } from "../support/pdf";

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

/** The section headings as the print page shows them, without tags or whitespace. */
function sectionHeadings(html: string) {
  return [...html.matchAll(/<section class="print-section">.*?<h2>(.*?)<\/h2>/gs)].map((m) => squash(m[1]!.replace(/<[^>]*>/g, "")));
}

async function expectCataloguePdf(pdf: Buffer) {
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  // A4 is 595 x 842 points (Chromium writes 594.96 x 841.92)
  expect(pdf.toString("latin1")).toMatch(/\/MediaBox\s*\[\s*0 0 59[45](\.\d+)? 84[12](\.\d+)?\s*\]/);
  const { pages, fonts } = await readPdf(pdf);
  expect(pages.length).toBeGreaterThan(2);

  // a print shop's preflight: every font a named, embedded CID TrueType subset of the app's own Noto Sans SC, no Type 3
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) {
    expect(font).toMatchObject({ type: "CIDFontType2", embedded: true });
    expect(font.name).toMatch(/^[A-Z]{6}\+NotoSansSC/);
  }

  // every page but the cover is numbered "n / N" at its foot
  const foot = (i: number) => squash(pages[i]!.lines.at(-1) ?? "");
  expect(foot(0)).not.toMatch(/^\d+\/\d+$/);
  for (let i = 1; i < pages.length; i++) expect(foot(i)).toBe(`${i + 1}/${pages.length}`);

  // the exhibitor directory at the back: every exhibitor with hall, booth, name and the pages its entries are on
  const directoryStart = pages.findIndex((p) => squash(p.text).includes("展商名录Exhibitordirectory"));
  expect(directoryStart).toBeGreaterThan(1);
  const directoryLines = pages.slice(directoryStart).flatMap((p) => p.lines.map(squash));
  const exhibitors = await listExhibitors(t.db, fair.eventId);
  expect(exhibitors.length).toBeGreaterThan(1);
  let withEntries = 0;
  for (const x of exhibitors) {
    const onPages = pages.flatMap((p, i) => (i > 0 && i < directoryStart && squash(p.text).includes(squash(x.name_zh)) ? [i + 1] : []));
    if (onPages.length) withEntries += 1;
    const row = directoryLines.find((l) => l.includes(squash(x.name_zh).slice(0, 6)) && l.includes(squash(x.booth ?? "")));
    expect(row, `${x.name_zh} in the directory`).toBeDefined();
    if (x.hall) expect(row).toContain(squash(x.hall));
    expect(row, `${x.name_zh}'s pages`).toMatch(new RegExp(`${onPages.length ? onPages.join(",") : "—"}$`));
  }
  expect(withEntries).toBeGreaterThan(1);
  return pages;
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

  it("npm run catalogue:pdf writes a numbered A4 PDF a print shop accepts: CID TrueType fonts, an exhibitor directory with pages, no stranded headings", async () => {
    const file = path.join(out, "catalogue.pdf");
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/catalogue-pdf.ts", String(fair.eventId), "--out", file, "--url", app.url], {
      cwd: path.resolve(import.meta.dirname, "..", ".."),
      env: { ...process.env, DATABASE_URL: t.url, MEILI_URL: inject("meiliUrl"), MEILI_MASTER_KEY: inject("meiliKey"), DATA_DIR: fair.dataDir },
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(run.status, run.stderr + run.stdout).toBe(0);
    const pages = await expectCataloguePdf(fs.readFileSync(file));
    // no section heading is left at the foot of a page: no page's content (above its page number) ends with one
    const html = await (await fetch(`${app.url}/events/${fair.eventId}/print`)).text();
    const headings = sectionHeadings(html);
    expect(headings.length).toBeGreaterThan(1);
    expect(pages.filter((p) => squash(p.text).includes(headings[0]!)).length).toBeGreaterThan(0);
    for (const [i, page] of pages.entries()) {
      const content = squash(page.lines.slice(0, -1).join(""));
      for (const heading of headings) expect(content.endsWith(heading), `page ${i + 1} ends with ${heading}`).toBe(false);
    }
  }, 150_000);

  it("the download button serves the same PDF", async () => {
    const res = await fetch(`${app.url}/events/${fair.eventId}/print.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    await expectCataloguePdf(Buffer.from(await res.arrayBuffer()));
  }, 120_000);

  it("on a server without Chromium (PDF_RENDERER=off) the download says to print the printable page from the browser", async () => {
    const plain = await startTestApp({ databaseUrl: t.url, indexPrefix: `pdf${process.pid}_`, env: { DATA_DIR: fair.dataDir, PDF_RENDERER: "off" } });
    try {
      const res = await fetch(`${plain.url}/events/${fair.eventId}/print.pdf?lang=en`);
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBeNull();
      expect(await res.text()).toMatch(
        new RegExp(`does not make PDFs\\. Open http://127\\.0\\.0\\.1:\\d+/events/${fair.eventId}/print and use your browser's Print`),
      );
      expect((await fetch(`${plain.url}/events/${fair.eventId}/print`)).status).toBe(200);
      expect(plain.output()).not.toMatch(/launching Chromium/);
    } finally {
      await plain.stop();
    }
  });

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
