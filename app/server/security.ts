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
    res.status(403).type("application/json").send(JSON.stringify({ error: "cross-origin request refused (Origin does not match this site)" }));
  };
}

/** Per-request CSP nonce and the standard hardening headers. */
export function securityHeaders(production: boolean) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.setHeader(
      "Content-Security-Policy",
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}'`,
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
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
