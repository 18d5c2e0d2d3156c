import type { Browser } from "playwright-core";
import { config } from "../platform/config.server";
import { quietLog, type EventLog } from "../platform/log.server";
import { destinationPages, fillPageReferences } from "./pdf-page-refs.server";

export const chromiumPath = () => config().CHROMIUM_PATH;

/** Thrown when every rendering slot is taken and the queue is full: the route answers 503 with Retry-After. */
/**
 * `e` is a `kind` error. Compared by name: the renderer lives in the server's start-up bundle and the routes in the
 * Remix build, and each bundle has its own copy of these classes, so instanceof would miss.
 */
export function isPdfError<T extends Error>(e: unknown, kind: new (...args: never[]) => T): e is T {
  return e instanceof Error && e.name === kind.name;
}

/** PDF_RENDERER=off: this server has no Chromium to print with (deploy/README.md). */
export class PdfOffError extends Error {
  constructor() {
    super("PDF printing is off on this server (PDF_RENDERER=off)");
    this.name = "PdfOffError";
  }
}

export class PdfBusyError extends Error {
  constructor(public readonly retryAfterSeconds: number) {
    super("the PDF renderer is busy");
    this.name = "PdfBusyError";
  }
}

export interface PdfRendererOptions {
  /** pages printed at once (each is a Chromium renderer process and a few hundred MB) */
  concurrency?: number;
  /** requests allowed to wait for a slot; beyond that the answer is "busy" rather than an ever longer wait */
  queue?: number;
  log?: EventLog;
}

/**
 * At most `concurrency` holders at once; up to `queue` more wait in order; past that `take` throws PdfBusyError with
 * a suggested wait of about the time the queue ahead needs (`secondsPerJob` each, `concurrency` at a time).
 */
export class Slots {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly concurrency: number;
  private readonly queue: number;

  constructor(
    concurrency: number,
    queue: number,
    private readonly secondsPerJob = 5,
  ) {
    this.concurrency = Math.max(1, concurrency);
    this.queue = Math.max(0, queue);
  }

  async take() {
    if (this.active < this.concurrency) {
      this.active += 1;
      return;
    }
    if (this.waiting.length >= this.queue) {
      throw new PdfBusyError(Math.max(1, Math.ceil(((this.waiting.length + 1) / this.concurrency) * this.secondsPerJob)));
    }
    // release() hands its slot straight to the first waiter, so `active` stays counted
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release() {
    const next = this.waiting.shift();
    if (next) next();
    else this.active = Math.max(0, this.active - 1);
  }

  get busy() {
    return this.active;
  }

  get queued() {
    return this.waiting.length;
  }

  describe() {
    return `${this.active} of ${this.concurrency} slots busy, ${this.waiting.length} queued`;
  }
}

/**
 * Prints pages to A4 PDF in one Chromium per server process: launched on first use, reused by every request (a launch
 * costs about a second and 100 MB), launched again after a crash or disconnect, closed on shutdown (scripts/start.ts).
 * At most `concurrency` pages print at once; up to `queue` more wait in order; past that `render` throws PdfBusyError.
 * Chromium embeds the fonts it used as subsets (the catalogue's own Noto Sans SC, as CID TrueType). A page with page
 * references (data-page-refs) is printed twice: the second time with the page numbers the first revealed.
 */
export class PdfRenderer {
  private browser: Promise<Browser> | null = null;
  private readonly slots: Slots;
  private readonly log: EventLog;
  private closed = false;
  /** how many times Chromium was launched (logged, so tests can tell that requests share one browser) */
  launches = 0;

  constructor(options: PdfRendererOptions = {}) {
    this.slots = new Slots(options.concurrency ?? 2, options.queue ?? 8);
    this.log = options.log ?? quietLog;
  }

  /** Prints `url` (opened with `cookie`, if any) to an A4 PDF. */
  async render(url: string, options: { cookie?: string } = {}): Promise<Buffer> {
    if (config().PDF_RENDERER === "off") throw new PdfOffError();
    if (this.closed) throw new Error("the PDF renderer is closed");
    await this.slots.take();
    try {
      // the address Chromium opens is logged in full: it must be this server's own, never a request's Host
      this.log.info({ event: "pdf.print", url, slots: this.slots.describe() }, `pdf: printing ${url} (${this.slots.describe()})`);
      return await this.print(url, options.cookie);
    } finally {
      this.slots.release();
    }
  }

  /** Closes the browser; later renders fail. */
  async close() {
    this.closed = true;
    const browser = this.browser;
    this.browser = null;
    await (await browser?.catch(() => null))?.close().catch(() => undefined);
  }

  private launch(): Promise<Browser> {
    if (this.closed) return Promise.reject(new Error("the PDF renderer is closed"));
    if (!this.browser) {
      this.launches += 1;
      this.log.info({ event: "pdf.launch", launch: this.launches }, `pdf: launching Chromium (launch ${this.launches})`);
      // playwright-core is loaded on the first PDF, not at start-up: importing it costs over a second, and most server
      // processes never print one
      const launching = import("playwright-core").then(({ chromium }) =>
        chromium.launch({ executablePath: chromiumPath(), args: ["--no-sandbox", "--font-render-hinting=none"] }),
      );
      this.browser = launching;
      launching.then(
        // a crashed or killed browser disconnects: the next render launches a new one
        (browser) => browser.on("disconnected", () => void (this.browser === launching && (this.browser = null))),
        () => void (this.browser === launching && (this.browser = null)),
      );
    }
    return this.browser;
  }

  private async print(url: string, cookie: string | undefined): Promise<Buffer> {
    const browser = await this.launch();
    const context = await browser.newContext({ extraHTTPHeaders: cookie ? { cookie } : {} });
    try {
      const page = await context.newPage();
      const res = await page.goto(url, { waitUntil: "networkidle", timeout: 60_000 });
      if (!res || !res.ok()) throw new Error(`${new URL(url).pathname}: HTTP ${res?.status() ?? "no response"}`);
      await page.evaluate(async () => {
        await document.fonts.ready;
        await Promise.all(
          Array.from(document.images).map((img) => (img.complete ? null : new Promise((r) => img.addEventListener("load", r, { once: true })))),
        );
      });
      await page.emulateMedia({ media: "print" });
      const options = { format: "A4", printBackground: true, preferCSSPageSize: true } as const;
      const pdf = await page.pdf(options);
      if (!(await page.locator("[data-page-refs]").count())) return pdf;
      // a second pass writes in the page numbers the first one revealed (pdf-page-refs.server.ts)
      await page.evaluate(fillPageReferences, await destinationPages(pdf));
      return await page.pdf(options);
    } finally {
      await context.close().catch(() => undefined);
    }
  }
}

/** One catalogue printed by a renderer of its own (the command line, scripts/catalogue-pdf.ts). */
export async function renderCataloguePdf(baseUrl: string, eventId: number): Promise<Buffer> {
  const renderer = new PdfRenderer({ concurrency: 1 });
  try {
    return await renderer.render(`${baseUrl}/events/${eventId}/print`);
  } finally {
    await renderer.close();
  }
}
