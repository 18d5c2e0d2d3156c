import type { PdfRenderer } from "./events/pdf.server";

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
    /** the client's address: the socket peer, or X-Forwarded-For's last hop when TRUST_PROXY=1 */
    clientAddress: string;
    /** marks the response as "database unavailable": a 500 then goes out as 503 with Retry-After (server/http.ts) */
    databaseUnavailable(): void;
    /**
     * This server's own address (`http://127.0.0.1:PORT`), known once it listens: the PDF renderer opens the app
     * there, and outside production it stands in for PUBLIC_ORIGIN (app/platform/public-origin.server.ts).
     */
    serverOrigin: string;
    /** the process's one shared Chromium for PDFs (app/events/pdf.server.ts) */
    pdf: PdfRenderer;
  }
}
export {};
