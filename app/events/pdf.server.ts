import { chromium } from "playwright-core";

export const chromiumPath = () => process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * The event's printable catalogue (/events/:id/print) as an A4 PDF, printed by Chromium from a running app at
 * `baseUrl`. Chromium embeds the fonts it used (Noto Sans/Serif CJK for the Chinese text).
 */
export async function renderCataloguePdf(baseUrl: string, eventId: number, options: { cookie?: string } = {}): Promise<Buffer> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--no-sandbox", "--font-render-hinting=none"] });
  try {
    const context = await browser.newContext({ extraHTTPHeaders: options.cookie ? { cookie: options.cookie } : {} });
    const page = await context.newPage();
    const res = await page.goto(`${baseUrl}/events/${eventId}/print`, { waitUntil: "networkidle", timeout: 60_000 });
    if (!res || !res.ok()) throw new Error(`printable catalogue of event ${eventId}: HTTP ${res?.status() ?? "no response"}`);
    await page.evaluate(async () => {
      await document.fonts.ready;
      await Promise.all(Array.from(document.images).map((img) => (img.complete ? null : new Promise((r) => img.addEventListener("load", r, { once: true })))));
    });
    await page.emulateMedia({ media: "print" });
    return await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
