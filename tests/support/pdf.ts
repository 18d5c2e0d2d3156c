import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";

// Reads a PDF the way a print shop's preflight and a reader would: the fonts each page uses (type, name, embedded or
// not) and each page's text, also as lines (text runs grouped by their baseline), through pdf.js.

export interface PdfFont {
  name: string;
  /** the PDF font type: CIDFontType2 is a CID-keyed TrueType font, Type3 a font of drawing procedures */
  type: string;
  embedded: boolean;
}

export interface PdfPage {
  /** the page's text runs joined without separators (Chinese has no spaces; compare with whitespace removed) */
  text: string;
  /** one string per baseline, top to bottom, runs left to right */
  lines: string[];
}

export async function readPdf(pdf: Uint8Array): Promise<{ pages: PdfPage[]; fonts: PdfFont[] }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), fontExtraProperties: true, verbosity: 0 }).promise;
  try {
    const pages: PdfPage[] = [];
    const fonts = new Map<string, PdfFont>();
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const runs = (await page.getTextContent()).items.flatMap((item) =>
        "str" in item ? [{ str: item.str, x: item.transform[4] as number, y: Math.round(item.transform[5] as number) }] : [],
      );
      const byLine = new Map<number, typeof runs>();
      for (const r of runs) byLine.set(r.y, [...(byLine.get(r.y) ?? []), r]);
      const lines = [...byLine.entries()]
        .sort(([a], [b]) => b - a)
        .map(([, rs]) =>
          rs
            .sort((a, b) => a.x - b.x)
            .map((r) => r.str)
            .join(""),
        );
      pages.push({ text: runs.map((r) => r.str).join(""), lines });
      const ops = await page.getOperatorList();
      ops.fnArray.forEach((fn, k) => {
        if (fn !== OPS.setFont) return;
        const font = page.commonObjs.get(ops.argsArray[k][0]) as { name: string; type: string; missingFile: boolean };
        fonts.set(font.name, { name: font.name, type: font.type, embedded: !font.missingFile });
      });
    }
    return { pages, fonts: [...fonts.values()] };
  } finally {
    await doc.destroy();
  }
}

/** Text without any whitespace, for comparing what a page shows with what the catalogue holds. */
export const squash = (s: string) => s.replace(/\s+/g, "");
