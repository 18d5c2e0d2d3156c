import fs from "node:fs";
import path from "node:path";
import type { AppLoadContext } from "@remix-run/node";
import { getEvent } from "../../db/queries/events";
import { translator } from "../i18n/i18n";
import { preferencesCookie, readPreferences } from "../i18n/preferences.server";
import { publicOrigin } from "../platform/public-origin.server";
import { CATALOGUE_PDF, TokenBucket } from "../platform/throttle.server";
import { db } from "../services.server";
import { isPdfError, PdfBusyError, PdfOffError } from "./pdf.server";
import { printDigest, printSources } from "./print.server";
import { config } from "../platform/config.server";

// GET /events/:id/print.pdf — the printable catalogue printed by the server's shared Chromium (app/events/pdf.server.ts).
// Chromium opens the page on this server's own address (`context.serverOrigin`), never on the request's Host.
//
// Cache: one file per (event, catalogue version, language and 适老模式 display) in $DATA_DIR/pdf-cache, named with a
// digest of what the page shows (the addendum after a frozen version stays live, so the version number alone would
// serve a stale PDF). A cache, not state: any server can rebuild it, and scripts/start.ts empties it at each start so
// a new build never serves a PDF laid out by the old one. Drafts (fair staff only) are printed with the visitor's
// session and never cached.

/** Per client address on each app server: a few downloads at once, then one every 20 seconds. */
export const pdfThrottle = new TokenBucket(CATALOGUE_PDF);

type Event = NonNullable<Awaited<ReturnType<typeof getEvent>>>;

const inFlight = new Map<string, Promise<Buffer>>();

export function cacheDir() {
  return path.join(config().dataDir, "pdf-cache");
}

/** 429 or 503 with Retry-After and a sentence in the visitor's language. */
export function pdfRefusal(request: Request, status: 429 | 503, seconds: number) {
  const t = translator(readPreferences(request).prefs.lang);
  const text = t(status === 429 ? "print.pdfThrottled" : "print.pdfBusy", { seconds: Math.ceil(seconds) });
  return new Response(`${text}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "Retry-After": String(Math.max(1, Math.ceil(seconds))) },
  });
}

export async function cataloguePdfResponse(request: Request, context: AppLoadContext, event: Event): Promise<Response> {
  const { prefs } = readPreferences(request);
  const origin = publicOrigin(context);
  const sources = await printSources(db(), event.id);
  const digest = printDigest(event, sources, origin, prefs);
  const url = `${context.serverOrigin}/events/${event.id}/print`;
  const headers: Record<string, string> = {
    "Content-Type": "application/pdf",
    "Content-Disposition": `attachment; filename="event-${event.id}-catalogue.pdf"`,
  };
  try {
    if (event.status === "draft") {
      const pdf = await context.pdf.render(url, { cookie: request.headers.get("cookie") ?? undefined });
      return new Response(new Uint8Array(pdf), { headers: { ...headers, "Cache-Control": "private, no-store", "X-Pdf-Cache": "bypass" } });
    }
    const etag = `"${digest.slice(0, 32)}"`;
    Object.assign(headers, { "Cache-Control": "private, no-cache", ETag: etag });
    if (
      request.headers
        .get("if-none-match")
        ?.split(/\s*,\s*/)
        .includes(etag)
    )
      return new Response(null, { status: 304, headers });
    // a newer print of the same variant replaces the older one (see store)
    const variant = `event-${event.id}-${prefs.lang}-${prefs.elder ? `elder${prefs.size}` : "standard"}`;
    const file = path.join(cacheDir(), `${variant}-v${sources.catalogue.version?.version ?? 0}-${digest.slice(0, 16)}.pdf`);
    const cached = await fs.promises.readFile(file).catch(() => null);
    if (cached) return new Response(new Uint8Array(cached), { headers: { ...headers, "X-Pdf-Cache": "hit" } });
    // the page is printed with the display preferences only: no session, so nothing personal lands in a shared file
    const cookie = preferencesCookie(prefs, false).split(";")[0]!;
    let rendering = inFlight.get(file);
    if (!rendering) {
      rendering = context.pdf.render(url, { cookie }).then((pdf) => store(file, variant, pdf).then(() => pdf));
      inFlight.set(file, rendering);
      void rendering.catch(() => undefined).finally(() => inFlight.delete(file));
    }
    const pdf = await rendering;
    return new Response(new Uint8Array(pdf), { headers: { ...headers, "X-Pdf-Cache": "miss" } });
  } catch (e) {
    // by name, not instanceof: the renderer is made by the server's start-up (build/start), a bundle apart from this one
    if (isPdfError(e, PdfBusyError)) return pdfRefusal(request, 503, e.retryAfterSeconds);
    if (isPdfError(e, PdfOffError)) {
      // not a wait-and-retry: the printable page is the same catalogue, and the browser prints it
      const t = translator(readPreferences(request).prefs.lang);
      return new Response(`${t("print.pdfOff", { url: `${origin}/events/${event.id}/print` })}\n`, {
        status: 503,
        headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
      });
    }
    throw e;
  }
}

/** Writes the PDF (atomically: a reader never sees half a file) and drops older prints of the same variant. */
async function store(file: string, variant: string, pdf: Buffer) {
  const dir = path.dirname(file);
  await fs.promises.mkdir(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.promises.writeFile(tmp, pdf);
  await fs.promises.rename(tmp, file);
  for (const name of await fs.promises.readdir(dir)) {
    if (name.startsWith(`${variant}-`) && name.endsWith(".pdf") && path.join(dir, name) !== file) await fs.promises.rm(path.join(dir, name), { force: true });
  }
}
