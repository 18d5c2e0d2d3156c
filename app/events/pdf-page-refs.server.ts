import { getDocument, VerbosityLevel } from "pdfjs-dist/legacy/build/pdf.mjs";

// Page references in a printed PDF (Chromium has no CSS target-counter): an element with data-page-refs="a b" lists
// anchors in the page; after a first print, the renderer reads which page each anchor's named destination landed on
// and writes the pages into the element before printing again. Chromium writes a named destination for every element
// that an internal link (<a href="#id">) points at, so every referenced anchor must also be linked to.

/** The 1-based page each named destination of `pdf` points at. */
export async function destinationPages(pdf: Uint8Array): Promise<Record<string, number>> {
  // pdf.js takes ownership of the bytes it is given: hand it a copy
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: VerbosityLevel.ERRORS }).promise;
  try {
    const pages: Record<string, number> = {};
    for (const [name, dest] of Object.entries(await doc.getDestinations())) {
      const ref = Array.isArray(dest) ? dest[0] : null;
      if (ref && typeof ref === "object") pages[name] = (await doc.getPageIndex(ref)) + 1;
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/**
 * Runs in the page: fills every [data-page-refs] element with the sorted, distinct pages of its anchors ("—" when it
 * has none) and marks the document as paged, which shows the page columns.
 */
export function fillPageReferences(pages: Record<string, number>) {
  for (const el of Array.from(document.querySelectorAll<HTMLElement>("[data-page-refs]"))) {
    const anchors = (el.dataset.pageRefs ?? "").split(" ").filter(Boolean);
    const numbers = [...new Set(anchors.map((a) => pages[a]).filter((n): n is number => typeof n === "number"))].sort((a, b) => a - b);
    el.textContent = numbers.length ? numbers.join(", ") : "—";
  }
  document.documentElement.dataset.paged = "";
}
