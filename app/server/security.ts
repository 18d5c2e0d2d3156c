import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The origin a state-changing request must come from: PUBLIC_ORIGIN when configured (never the request's own Host,
 * which a client controls), else the Host the request was sent to.
 */
export function expectedOrigin(req: Pick<Request, "protocol" | "get">, publicOrigin: string | undefined): string {
  if (publicOrigin) return new URL(publicOrigin).origin;
  return `${req.protocol}://${req.get("host")}`;
}

/**
 * CSRF defence for every non-GET request, resource routes included (Remix's own check skips them and answers 500).
 * Browsers always send Origin on cross-site posts; `Origin: null` (sandboxed frames, some redirects) is refused.
 */
export function originCheck(publicOrigin: string | undefined) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.get("origin");
    const referer = req.get("referer");
    let claimed: string | undefined;
    if (origin !== undefined) claimed = origin;
    else if (referer) {
      try {
        claimed = new URL(referer).origin;
      } catch {
        claimed = "null";
      }
    }
    if (claimed === undefined || claimed === expectedOrigin(req, publicOrigin)) return next();
    res
      .status(403)
      .type("application/json")
      .send(JSON.stringify({ error: "cross-origin request refused (Origin does not match this site)" }));
  };
}

/**
 * Per-request CSP nonce and the standard hardening headers. `pictureOrigin`: where pages' pictures come from besides
 * this site (the public bucket or CDN of S3_PUBLIC_BASE_URL).
 */
export function securityHeaders(production: boolean, pictureOrigin?: string) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.setHeader(
      "Content-Security-Policy",
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}'`,
        "style-src 'self' 'unsafe-inline'",
        `img-src 'self' data: blob:${pictureOrigin ? ` ${pictureOrigin}` : ""}`,
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'self'",
      ].join("; "),
    );
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("X-Frame-Options", "SAMEORIGIN");
    if (production) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  };
}

// Cookies whose holder sees a page of their own: the session, an anonymous shortlist, a kiosk's shortlist.
const PERSONAL_COOKIE = /(?:^|;\s*)(hd_session|hd_shortlist|hd_kiosk_\d+)=/;
// Screens that are personal whoever asks (they redirect a visitor without a session to sign in).
const PERSONAL_PATH = /^\/(producer|staff|matching|shortlist|inquiries)(?=[/.]|$)/;

/**
 * Every response that depends on who asks — the request carries a personal cookie, the path is a personal screen, or
 * the response starts a session — is `Cache-Control: private, no-store`, so no shared cache or back-button snapshot
 * keeps an organisation's private contacts. Set here once, over whatever the route said.
 */
export function privateResponses() {
  return (req: Request, res: Response, next: NextFunction) => {
    const personalRequest = PERSONAL_COOKIE.test(req.headers.cookie ?? "") || PERSONAL_PATH.test(req.path);
    const writeHead = res.writeHead;
    res.writeHead = function (this: Response, ...args: unknown[]) {
      const setCookie = this.getHeader("set-cookie");
      const startsSession = [setCookie].flat().some((c) => typeof c === "string" && /^(hd_session|hd_shortlist|hd_kiosk_\d+)=/.test(c));
      if (personalRequest || startsSession) {
        this.setHeader("Cache-Control", "private, no-store");
        this.setHeader("Vary", "Cookie");
      }
      return (writeHead as (...a: unknown[]) => Response).apply(this, args);
    } as typeof res.writeHead;
    next();
  };
}
