import { Transform } from "node:stream";
import type { AppLoadContext, EntryContext, HandleDataRequestFunction, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { preferencesCookie, readPreferences } from "./i18n/preferences.server";
import { NonceProvider } from "./lib/nonce";
import { isDatabaseUnavailable, isQueryCanceled } from "../db/client";
import { config } from "./platform/config.server";
import { requestLogger } from "./platform/log.server";

const ABORT_DELAY = 5_000;

/**
 * React 18's streaming renderer pads a chunk with zero bytes when a multi-byte (e.g. Chinese) character does not fit
 * at the end of its 2 KB buffer, which put NUL bytes inside Chinese text. HTML never carries NUL (text fields refuse
 * control characters), so dropping them restores the intended bytes exactly.
 */
function withoutNulBytes() {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, chunk.includes(0) ? Buffer.from(chunk.filter((b) => b !== 0)) : chunk);
    },
  });
}
export const streamTimeout = ABORT_DELAY;

function rememberPreferences(request: Request, headers: Headers) {
  const { prefs, changed } = readPreferences(request);
  if (changed) headers.append("Set-Cookie", preferencesCookie(prefs, config().NODE_ENV === "production"));
}

export const handleDataRequest: HandleDataRequestFunction = (response, { request }) => {
  rememberPreferences(request, response.headers);
  return response;
};

let lastUnavailableLog = 0;

/**
 * Loader/action errors: a lost database, or a query it gave up on (the search fallback's time limit), is logged once
 * a minute (not per request) and answered 503 with Retry-After (server/http.ts).
 */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return;
  if (isDatabaseUnavailable(error) || isQueryCanceled(error)) {
    context.databaseUnavailable?.();
    if (Date.now() - lastUnavailableLog > 60_000) {
      lastUnavailableLog = Date.now();
      requestLogger().error({ event: "database.unavailable", reason: (error as Error).message }, `database unavailable: ${(error as Error).message}`);
    }
    return;
  }
  requestLogger().error({ event: "remix.error", err: error }, `loader, action or render failed: ${(error as Error)?.message ?? String(error)}`);
};

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  rememberPreferences(request, responseHeaders);
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : "";
  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = withoutNulBytes();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors after the shell are logged here; the visitor sees the ErrorBoundary, never a stack trace.
          if (shellRendered) requestLogger().error({ event: "render.error", err: error }, "rendering failed after the page started streaming");
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
